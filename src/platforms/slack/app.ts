/**
 * The Slack side of the bot on @slack/bolt: the HTTP receiver on HTTP_PORT (POST /slack/events,
 * signatures and the 5-minute window checked by Bolt, plus the health routes on the same
 * server), or Socket Mode when SLACK_APP_TOKEN is set. SLACK_API_URL overrides the Web API base.
 */
import {
  App,
  LogLevel,
  SocketModeReceiver,
  type InstallationStore,
  type Logger as BoltLogger,
} from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { commands } from '../../../commands/index.js';
import type { Config } from '../../config.js';
import type { Route } from '../../http/health.js';
import { platformReconnects } from '../../metrics.js';
import { notice } from '../../reply.js';
import type { Services } from '../../services.js';
import { RESTARTING_TEXT, ShuttingDownError, type WorkGate } from '../../shutdown.js';
import { handleRunButton, handleShareButton, type ButtonPress } from './actions.js';
import { BOT_SCOPES, EVENTS_PATH } from './manifest.js';
import { ModeratorCheck } from './moderator.js';
import { slackCommandNames } from './parse.js';
import { ACTION_PREFIX, renderReply } from './render.js';
import { ephemeral, handleSlash } from './slash.js';

export interface SlackOptions {
  config: Config;
  services: Services;
  log: Logger;
  /** Health routes served on Slack's HTTP server (ignored in Socket Mode). */
  routes?: Route[];
  /** In-flight tracking for graceful shutdown; once closed, requests are turned away politely. */
  gate?: WorkGate;
  /**
   * Where workspace installations are kept: with SLACK_CLIENT_ID/SECRET/STATE_SECRET (HTTP mode)
   * the OAuth install flow runs (/slack/install, /slack/oauth_redirect) instead of one bot token.
   */
  installationStore?: InstallationStore;
}

export interface SlackHandle {
  stop(): Promise<void>;
  isReady(): boolean;
  /** The port the HTTP receiver listens on (absent in Socket Mode). */
  port?: number;
}

export class SlackConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackConfigError';
  }
}

function boltLogger(log: Logger): BoltLogger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) =>
      log[level](msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' '));
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

export async function startSlack(opts: SlackOptions): Promise<SlackHandle> {
  const { config, services } = opts;
  const log = opts.log.child({ platform: 'slack' });
  const apiUrl = config.SLACK_API_URL?.replace(/\/?$/, '/');
  const logger = boltLogger(log);
  const clientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1_000 },
    timeout: 5_000,
  };
  const socket = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        logger,
        installerOptions: { clientOptions },
      })
    : undefined;
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret } = config;
  const stateSecret = config.SLACK_STATE_SECRET;
  const oauth =
    !socket && opts.installationStore && clientId && clientSecret && stateSecret
      ? {
          clientId,
          clientSecret,
          stateSecret,
          scopes: [...BOT_SCOPES],
          installationStore: opts.installationStore,
          installerOptions: { directInstall: true, clientOptions },
        }
      : undefined;
  if (!config.SLACK_SIGNING_SECRET || !(config.SLACK_BOT_TOKEN || oauth)) {
    throw new SlackConfigError(
      'Slack needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_CLIENT_ID/SECRET/STATE_SECRET)',
    );
  }
  const app = new App({
    ...(oauth ?? { token: config.SLACK_BOT_TOKEN }),
    signingSecret: config.SLACK_SIGNING_SECRET,
    ...(socket
      ? { receiver: socket }
      : { endpoints: EVENTS_PATH, customRoutes: opts.routes ?? [] }),
    logger,
    clientOptions,
    // No conversation state is used: skip Bolt's per-request conversation store lookup.
    convoStore: false,
    deferInitialization: true,
  });

  const deps = {
    services,
    log,
    moderators: new ModeratorCheck(app.client, config.SLACK_DIGEST_USERS, log),
  };
  const restarting = ephemeral(renderReply(notice('error', RESTARTING_TEXT)));
  /** Runs `work` through the shutdown gate; once it is closed, `turnAway` answers instead. */
  const gated = async (work: () => Promise<void>, turnAway: () => Promise<unknown>) => {
    try {
      await (opts.gate ? opts.gate.run(work) : work());
    } catch (e) {
      if (!(e instanceof ShuttingDownError)) throw e;
      await turnAway();
    }
  };
  for (const top of slackCommandNames(commands)) {
    app.command(`/${top}`, (args) =>
      gated(
        () => handleSlash(deps, commands, args),
        () => args.ack(restarting),
      ),
    );
  }
  // A slash command the manifest routes here but newsbot does not know (an old manifest):
  // answer at once rather than let Slack time out.
  const known = slackCommandNames(commands).map((n) => n.replace(/[^a-z0-9_-]/g, ''));
  app.command(new RegExp(`^/(?!(?:${known.join('|')})$)`), async ({ ack, command }) =>
    ack(
      ephemeral(
        renderReply(
          notice('error', `newsbot has no ${command.command} command. Try /news or /summary.`),
        ),
      ),
    ),
  );
  app.action<ButtonPress>(
    { type: 'block_actions', action_id: new RegExp(`^${ACTION_PREFIX.run}`) },
    async ({ ack, body, respond }) => {
      await ack();
      await gated(
        () => handleRunButton(deps, commands, body, respond),
        () => respond({ ...restarting, replace_original: false }),
      );
    },
  );
  app.action<ButtonPress>(
    { type: 'block_actions', action_id: ACTION_PREFIX.share },
    async ({ ack, body, respond }) => {
      await ack();
      await gated(
        () => handleShareButton(deps, commands, body, respond),
        () => respond({ ...restarting, replace_original: false }),
      );
    },
  );
  app.action(new RegExp(`^${ACTION_PREFIX.link}`), async ({ ack }) => ack());
  app.error(async (error) => {
    log.error({ err: error }, 'slack handler failed');
  });

  let ready = false;
  let port: number | undefined;
  await app.init();
  if (socket) {
    const client = socket.client;
    client.on('connected', () => (ready = true));
    client.on('disconnected', () => (ready = false));
    client.on('reconnecting', () => platformReconnects.inc({ platform: 'slack' }));
    await app.start();
    ready = true;
    log.info('slack connected in socket mode');
  } else {
    const server = await app.start({ port: config.HTTP_PORT, host: config.HTTP_HOST });
    port = (server.address() as AddressInfo).port;
    ready = true;
    log.info({ port, host: config.HTTP_HOST, path: EVENTS_PATH }, 'slack http receiver listening');
  }
  return {
    ...(port !== undefined ? { port } : {}),
    isReady: () => ready,
    async stop() {
      ready = false;
      await app.stop();
    },
  };
}
