/**
 * Prometheus metrics (prom-client), served on /metrics. One registry for the process.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'newsbot_' });

export type CommandOutcome =
  'ok' | 'invalid' | 'forbidden' | 'rate_limited' | 'not_found' | 'unavailable' | 'error';

export const commandsTotal = new Counter({
  name: 'newsbot_commands_total',
  help: 'Commands handled, by command, platform and outcome',
  labelNames: ['command', 'platform', 'outcome'] as const,
  registers: [registry],
});

export const commandSeconds = new Histogram({
  name: 'newsbot_command_duration_seconds',
  help: 'Time to build a command reply',
  labelNames: ['command', 'platform'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const articlesIngested = new Counter({
  name: 'newsbot_articles_ingested_total',
  help: 'Articles ingested, by result (stored, duplicate, updated, rejected)',
  labelNames: ['status'] as const,
  registers: [registry],
});

export const redisErrors = new Counter({
  name: 'newsbot_redis_errors_total',
  help: 'Redis connection errors and command timeouts',
  registers: [registry],
});

export const digestPosts = new Counter({
  name: 'newsbot_digest_posts_total',
  help: 'Scheduled and on-demand digest posts, by platform and outcome',
  labelNames: ['platform', 'outcome'] as const,
  registers: [registry],
});

export const platformReconnects = new Counter({
  name: 'newsbot_platform_reconnects_total',
  help: 'Reconnections of platform connections (Discord gateway, Slack socket mode)',
  labelNames: ['platform'] as const,
  registers: [registry],
});
