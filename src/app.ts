/**
 * The bot process: Redis → services → the configured platforms → HTTP (health, readiness,
 * metrics) → jobs (feed poller, digest scheduler). `stop()` first stops taking new commands and
 * lets those in flight finish (up to {@link DRAIN_MS}), then shuts everything down in reverse
 * order.
 */
import type { Logger } from 'pino';
import { discordEnabled, slackEnabled, type Config } from './config.js';
import { healthRoutes, startHealthServer, type ReadinessProbe } from './http/health.js';
import { startDigestScheduler } from './jobs/digest-scheduler.js';
import { startFeedPoller } from './jobs/feed-poller.js';
import { channelPosters } from './platforms/channel-posters.js';
import { startDiscord } from './platforms/discord/bot.js';
import { startSlack } from './platforms/slack/app.js';
import { createServices } from './services.js';
import { WorkGate } from './shutdown.js';
import { Keys } from './store/keys.js';
import { closeRedis, createRedis, ping } from './store/redis.js';
import { RedisInstallationStore } from './store/slack-installations.js';

/** A running platform connection (Discord gateway, Slack app). */
export interface PlatformHandle {
  isReady(): boolean;
  stop(): Promise<void>;
}

export interface RunningApp {
  /** The port the HTTP server listens on (HTTP_PORT, or the one picked when it is 0). */
  httpPort: number;
  stop(): Promise<void>;
}

/** How long shutdown waits for commands in flight. */
export const DRAIN_MS = 10_000;

export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  const redis = createRedis(config);
  const services = createServices(redis, config);
  const gate = new WorkGate();
  const probes: Record<string, ReadinessProbe> = {
    redis: async () => {
      await ping(redis);
      return null;
    },
    // Load balancers stop routing to a replica that is draining.
    process: async () => (gate.accepting ? null : 'shutting down'),
  };
  /** Shutdown steps, run last-started first. */
  const stops: Array<() => Promise<void>> = [() => closeRedis(redis)];
  const stopAll = async () => {
    const left = await gate.close(DRAIN_MS);
    if (left > 0) log.warn({ inFlight: left }, 'shutting down with commands still in flight');
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((e: unknown) => log.error({ err: e }, 'shutdown step failed'));
    }
  };
  const addPlatform = (name: string, platform: PlatformHandle) => {
    stops.push(() => platform.stop());
    probes[name] = async () => (platform.isReady() ? null : 'not connected');
  };

  try {
    if (discordEnabled(config)) {
      addPlatform('discord', await startDiscord({ config, services, log, gate }));
    }
    // Slack's HTTP receiver serves the health routes itself; otherwise the plain server does.
    const slack = slackEnabled(config)
      ? await startSlack({
          config,
          services,
          log,
          gate,
          routes: healthRoutes(probes, log),
          installationStore: new RedisInstallationStore(redis, new Keys(config.REDIS_PREFIX)),
        })
      : undefined;
    if (slack) addPlatform('slack', slack);
    let httpPort = slack?.port;
    if (httpPort === undefined) {
      const http = await startHealthServer({
        host: config.HTTP_HOST,
        port: config.HTTP_PORT,
        routes: healthRoutes(probes, log),
        log,
      });
      stops.push(() => http.close());
      httpPort = http.port;
    }
    const poller = await startFeedPoller({ config, services, log });
    stops.push(() => poller.stop());
    const digests = startDigestScheduler({
      digests: services.digests,
      articles: services.articles,
      posters: channelPosters(config),
      log: log.child({ job: 'digest-scheduler' }),
    });
    stops.push(async () => digests.stop());
    log.info({ discord: discordEnabled(config), slack: slackEnabled(config) }, 'newsbot started');
    return { httpPort, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
