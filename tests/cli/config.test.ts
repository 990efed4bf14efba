/**
 * `newsbot config check` as an admin runs it: every problem at once, each naming its variable,
 * exit status 2; a good environment prints what it turns on and never a secret.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEnvironment } from '../../src/config-check.js';
import { ConfigError } from '../../src/config.js';
import { runCli, type CliRun } from '../support/cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'newsbot-config-'));

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function configCheck(env: Record<string, string>): Promise<CliRun> {
  // A directory of its own, so a developer's .env is not read.
  return runCli(['config', 'check'], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('newsbot config check', () => {
  it('lists every problem, naming each variable, and exits 2', async () => {
    const r = await configCheck({
      REDIS_URL: 'http://redis:6379',
      HTTP_PORT: 'eighty',
      DISCORD_TOKEN: 'a-secret-discord-token',
      FEED_POLL_CRON: 'every five minutes',
      FEEDS_FILE: join(cwd, 'missing-feeds.txt'),
      SLACK_CLIENT_ID: '123.456',
    });
    expect(r.code).toBe(2);
    for (const name of [
      'REDIS_URL',
      'HTTP_PORT',
      'FEED_POLL_CRON',
      'FEEDS_FILE',
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
    ])
      expect(r.stderr).toMatch(new RegExp(`^  - ${name}: `, 'm'));
    expect(r.stderr).not.toContain('a-secret-discord-token');
  }, 20_000);

  it('prints what a valid configuration turns on, without secrets', async () => {
    const feeds = join(cwd, 'feeds.txt');
    writeFileSync(feeds, 'https://feeds.example.com/world.xml\n');
    const r = await configCheck({
      DISCORD_TOKEN: 'a-secret-discord-token',
      DISCORD_APPLICATION_ID: '1100000000000000001',
      DISCORD_SHARDS: '4',
      REDIS_CLUSTER_NODES: '10.0.0.1:6379,10.0.0.2:6379,10.0.0.3:6379',
      FEEDS_FILE: feeds,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('configuration OK');
    expect(r.stdout).toMatch(/discord\s+on, shards 4/);
    expect(r.stdout).toMatch(/redis\s+cluster \(3 seed nodes\)/);
    expect(r.stdout).toMatch(/slack\s+off/);
    expect(r.stdout).not.toContain('a-secret-discord-token');
  }, 20_000);
});

describe('checkEnvironment (start-up)', () => {
  it('refuses Sentinel and Cluster together', () => {
    expect(() =>
      checkEnvironment({
        REDIS_SENTINELS: 'a:26379',
        REDIS_SENTINEL_NAME: 'primary',
        REDIS_CLUSTER_NODES: 'b:6379',
      }),
    ).toThrow(/REDIS_CLUSTER_NODES: cannot be combined with REDIS_SENTINELS/);
  });

  it('accepts the empty environment (defaults)', () => {
    expect(checkEnvironment({}).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('reports schema and combination problems together', () => {
    try {
      checkEnvironment({ HTTP_PORT: '-1', SLACK_STATE_SECRET: 's' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => p.split(':')[0])).toEqual([
        'HTTP_PORT',
        'SLACK_CLIENT_ID',
        'SLACK_CLIENT_SECRET',
        'SLACK_SIGNING_SECRET',
      ]);
    }
  });
});
