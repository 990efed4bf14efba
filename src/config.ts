/**
 * Every environment variable newsbot reads, in one zod schema. `.env` in the working directory
 * is read when present (real environment variables win). A bad value stops start-up with a
 * message naming each variable and what it expects.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const flag = z
  .enum(['0', '1', 'true', 'false', ''], { message: 'expected 1/true or 0/false' })
  .optional()
  .transform((v) => v === '1' || v === 'true');

const int = (min: number, max: number, def: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max}`)
    .default(def);

const httpUrl = z
  .string()
  .trim()
  .url('expected an http(s) URL')
  .refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL');

const hostPortList = z
  .string()
  .trim()
  .regex(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, 'expected a comma-separated list of host:port');

export const ConfigSchema = z.object({
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,40}$/, 'expected 1-40 letters, digits, ":", "_" or "-"')
    .default('newsbot'),
  REDIS_SENTINELS: hostPortList.optional(),
  REDIS_SENTINEL_NAME: optionalString,
  REDIS_CLUSTER_NODES: hostPortList.optional(),
  REDIS_TIMEOUT_MS: int(50, 10_000, 1_000),

  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_PORT: int(0, 65_535, 3000),
  HTTP_HOST: z.string().trim().min(1).default('0.0.0.0'),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z
    .string()
    .trim()
    .regex(/^\d{5,25}$/, 'expected a numeric Discord application id (snowflake)')
    .optional(),
  DISCORD_API_URL: httpUrl.optional(),
  DISCORD_SHARDS: z
    .string()
    .trim()
    .regex(/^(auto|\d{1,5})$/, 'expected "auto" or a number of shards')
    .default('auto'),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, 'expected an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: httpUrl.optional(),
  SLACK_DIGEST_USERS: z
    .string()
    .trim()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,

  DIGEST_GRACE_MINUTES: int(0, 24 * 60, 120),
  RATE_LIMIT_PER_MINUTE: int(0, 10_000, 10),

  FEEDS: z
    .string()
    .trim()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  FEEDS_FILE: optionalString,
  FEED_POLL_CRON: z.string().trim().default('*/5 * * * *'),
  FEED_HOST_INTERVAL_MINUTES: int(0, 24 * 60, 15),
  NEWSBOT_ALLOW_PRIVATE_FETCH: flag,
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when the environment is invalid; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the whole environment at once and reports every problem together. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty value (`NAME=` in .env) means "not set".
  const given = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = ConfigSchema.safeParse(given);
  const problems: string[] = [];
  if (result.success) {
    const c = result.data;
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID)
      problems.push('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set');
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET)
      problems.push('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set');
    if (c.REDIS_SENTINELS && !c.REDIS_SENTINEL_NAME)
      problems.push('REDIS_SENTINEL_NAME: required when REDIS_SENTINELS is set');
    if (problems.length === 0) return c;
  } else {
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '?');
      const value = env[name];
      const secret = /TOKEN|SECRET/.test(name);
      const shown = value === undefined || secret ? '' : ` (got ${JSON.stringify(value)})`;
      problems.push(`${name}: ${issue.message}${shown}`);
    }
  }
  throw new ConfigError(problems);
}

/** Reads `.env` (if present) into process.env, then validates it. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

export const discordEnabled = (c: Config): boolean =>
  Boolean(c.DISCORD_TOKEN && c.DISCORD_APPLICATION_ID);
/** A bot token (one workspace) or the OAuth install flow (many), with the signing secret. */
export const slackEnabled = (c: Config): boolean =>
  Boolean(c.SLACK_SIGNING_SECRET && (c.SLACK_BOT_TOKEN || c.SLACK_CLIENT_ID));
