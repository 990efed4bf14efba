/**
 * The bot process: Redis → services → the configured platforms → HTTP (health, readiness,
 * metrics). `stop()` shuts everything down in reverse order.
 */
import type { Logger } from 'pino';
import { discordEnabled, slackEnabled, type Config } from './config.js';
import { healthRoutes, startHealthServer, type ReadinessProbe } from './http/health.js';
import { startDiscord } from './platforms/discord/bot.js';
import { startSlack } from './platforms/slack/app.js';
import { createServices } from './services.js';
import { closeRedis, createRedis, guarded } from './store/redis.js';

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

export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  const redis = createRedis(config);
  const services = createServices(redis, config);
  const probes: Record<string, ReadinessProbe> = {
    redis: async () => {
      await guarded(() => redis.ping());
      return null;
    },
  };
  /** Shutdown steps, run last-started first. */
  const stops: Array<() => Promise<void>> = [() => closeRedis(redis)];
  const stopAll = async () => {
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
      addPlatform('discord', await startDiscord({ config, services, log }));
    }
    // Slack's HTTP receiver serves the health routes itself; otherwise the plain server does.
    const slack = slackEnabled(config)
      ? await startSlack({ config, services, log, routes: healthRoutes(probes, log) })
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
    log.info({ discord: discordEnabled(config), slack: slackEnabled(config) }, 'newsbot started');
    return { httpPort, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
