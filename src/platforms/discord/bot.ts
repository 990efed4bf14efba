/**
 * The Discord connection: a discord.js client with only the Guilds intent, answering
 * interactions through {@link handleInteraction}. DISCORD_API_URL points REST (and, through
 * GET /gateway/bot, the gateway) at a proxy or a local stand-in.
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Status,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import type { Logger } from 'pino';
import { commands as registry } from '../../../commands/index.js';
import type { CommandDef } from '../../command.js';
import type { Config } from '../../config.js';
import { platformReconnects } from '../../metrics.js';
import type { Services } from '../../services.js';
import { RESTARTING_TEXT, ShuttingDownError, type WorkGate } from '../../shutdown.js';
import { handleInteraction } from './interactions.js';

export interface DiscordBot {
  client: Client;
  isReady(): boolean;
  stop(): Promise<void>;
}

export interface DiscordOptions {
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_SHARDS'>;
  services: Services;
  log: Logger;
  commands?: readonly CommandDef[];
  /** Defer a command that has not answered after this long (default 1.5 s of Discord's 3 s). */
  deferAfterMs?: number;
  /** Tracks interactions in flight; once closed (shutdown), new ones are turned away. */
  gate?: WorkGate;
}

const DEFER_AFTER_MS = 1_500;

export function clientOptions(config: DiscordOptions['config']): ClientOptions {
  const shards = config.DISCORD_SHARDS === 'auto' ? undefined : Number(config.DISCORD_SHARDS);
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(shards ? { shardCount: shards, shards: [...Array(shards).keys()] } : { shards: 'auto' }),
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  };
}

/** Logs in and resolves once the gateway session is ready. */
export async function startDiscord(opts: DiscordOptions): Promise<DiscordBot> {
  const log = opts.log.child({ platform: 'discord' });
  const client = new Client(clientOptions(opts.config));
  const deps = {
    services: opts.services,
    commands: opts.commands ?? registry,
    rest: client.rest,
    log,
    deferAfterMs: opts.deferAfterMs ?? DEFER_AFTER_MS,
  };
  const turnAway = async (interaction: Interaction) => {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable())
      await interaction.reply({ content: RESTARTING_TEXT, flags: MessageFlags.Ephemeral });
  };
  client.on(Events.InteractionCreate, (interaction) => {
    const handle = () => handleInteraction(interaction, deps);
    (opts.gate ? opts.gate.run(handle) : handle()).catch((e: unknown) => {
      if (!(e instanceof ShuttingDownError)) return log.error({ err: e }, 'interaction failed');
      turnAway(interaction).catch((again: unknown) =>
        log.warn({ err: again }, 'could not turn away an interaction during shutdown'),
      );
    });
  });
  client.on(Events.Error, (e) => log.error({ err: e }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardReconnecting, (shard) => {
    platformReconnects.inc({ platform: 'discord' });
    log.warn({ shard }, 'discord gateway reconnecting');
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(opts.config.DISCORD_TOKEN);
    await ready;
  } catch (e) {
    await client.destroy();
    throw e;
  }
  log.info({ user: client.user?.tag }, 'discord connected');
  return {
    client,
    // The client stays "ready" while a shard reconnects; readiness needs every shard connected.
    isReady: () => client.isReady() && client.ws.shards.every((s) => s.status === Status.Ready),
    stop: () => client.destroy(),
  };
}
