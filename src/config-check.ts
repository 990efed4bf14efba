/**
 * The whole-environment check run at start-up and by `newsbot config check`: the schema in
 * config.ts plus what only shows in combination or on disk (the cron pattern, the feeds file,
 * the Slack OAuth trio, one Redis mode). Every problem is reported at once, naming its variable.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { Cron } from 'croner';
import { ConfigError, parseConfig, type Config } from './config.js';

type Env = Record<string, string | undefined>;

const SLACK_OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

const given = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

/** Problems the schema cannot see; checked on the raw values so they add to schema problems. */
function combinedProblems(env: Env): string[] {
  const problems: string[] = [];
  const cron = given(env, 'FEED_POLL_CRON');
  if (cron) {
    try {
      new Cron(cron, { paused: true }).stop();
    } catch (e) {
      problems.push(`FEED_POLL_CRON: ${(e as Error).message}`);
    }
  }
  const feedsFile = given(env, 'FEEDS_FILE');
  if (feedsFile) {
    try {
      accessSync(feedsFile, constants.R_OK);
    } catch {
      problems.push(`FEEDS_FILE: cannot read ${JSON.stringify(feedsFile)}`);
    }
  }
  const oauth = SLACK_OAUTH.filter((name) => given(env, name));
  if (oauth.length > 0) {
    for (const name of SLACK_OAUTH.filter((n) => !oauth.includes(n)))
      problems.push(`${name}: required for the Slack OAuth install flow (${oauth.join(', ')} set)`);
  }
  if (oauth.length > 0 && !given(env, 'SLACK_SIGNING_SECRET'))
    problems.push('SLACK_SIGNING_SECRET: required for the Slack OAuth install flow');
  if (oauth.length > 0 && given(env, 'SLACK_APP_TOKEN'))
    problems.push('SLACK_APP_TOKEN: the OAuth install flow needs HTTP mode; unset Socket Mode');
  if (given(env, 'REDIS_CLUSTER_NODES') && given(env, 'REDIS_SENTINELS'))
    problems.push('REDIS_CLUSTER_NODES: cannot be combined with REDIS_SENTINELS; choose one');
  return problems;
}

/** Validates everything; ConfigError listing every problem. */
export function checkEnvironment(env: Env): Config {
  let config: Config | undefined;
  const problems: string[] = [];
  try {
    config = parseConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.push(...e.problems);
  }
  problems.push(...combinedProblems(env));
  if (problems.length > 0 || !config) throw new ConfigError(problems);
  return config;
}

/** Reads `.env` (if present) into process.env, then checks the whole environment. */
export function loadCheckedConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return checkEnvironment(process.env);
}
