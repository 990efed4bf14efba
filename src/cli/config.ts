/**
 * `newsbot config check`: validates the whole environment (and `.env`) without starting the
 * bot. Prints every problem, naming each variable, and exits with status 2; otherwise prints
 * what the configuration turns on (never a secret).
 */
import type { Command } from 'commander';
import { ConfigError, discordEnabled, slackEnabled, type Config } from '../config.js';
import { loadCheckedConfig } from '../config-check.js';
import { println } from './runtime.js';

/** Exit status for an invalid configuration. */
export const CONFIG_INVALID_EXIT = 2;

function summary(c: Config): string[] {
  const redis = c.REDIS_CLUSTER_NODES
    ? `cluster (${c.REDIS_CLUSTER_NODES.split(',').length} seed nodes)`
    : c.REDIS_SENTINELS
      ? `sentinel "${c.REDIS_SENTINEL_NAME}" (${c.REDIS_SENTINELS.split(',').length} sentinels)`
      : c.REDIS_URL.startsWith('rediss:')
        ? 'single server over TLS'
        : 'single server';
  const slack = !slackEnabled(c)
    ? 'off'
    : [
        c.SLACK_APP_TOKEN ? 'socket mode' : 'http',
        ...(c.SLACK_CLIENT_ID ? ['oauth install flow'] : []),
      ].join(', ');
  return [
    'configuration OK',
    `redis     ${redis}, prefix ${c.REDIS_PREFIX}`,
    `discord   ${discordEnabled(c) ? `on, shards ${c.DISCORD_SHARDS}` : 'off'}`,
    `slack     ${slack}`,
    `http      ${c.HTTP_HOST}:${c.HTTP_PORT}`,
    `feeds     ${c.FEEDS.length} listed${c.FEEDS_FILE ? ` + ${c.FEEDS_FILE}` : ''}, poll "${c.FEED_POLL_CRON}"`,
  ];
}

export function registerConfig(program: Command): void {
  program
    .command('config')
    .description('inspect the configuration')
    .command('check')
    .description('validate every environment variable (and .env) without starting the bot')
    .action(() => {
      try {
        for (const line of summary(loadCheckedConfig())) println(line);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        process.stderr.write(`${e.message}\n`);
        process.exitCode = CONFIG_INVALID_EXIT;
      }
    });
}
