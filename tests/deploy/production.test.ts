/**
 * The production build as the container runs it: `npm run build`, then `node dist/src/main.js`
 * with the compose environment (REDIS_URL to Redis, HTTP_PORT, no platform tokens). It must
 * pass its health and readiness checks, serve newsbot_ metrics, and exit 0 on SIGTERM; with
 * Redis unreachable it stays alive but not ready, naming the reason.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteByPrefix, freePort, SHARED_REDIS_URL, uniquePrefix } from '../support/redis.js';

const run = promisify(execFile);
const prefix = uniquePrefix('production');
const started: ChildProcess[] = [];

async function startBuilt(
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['dist/src/main.js'], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HTTP_PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(proc);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`the bot exited with ${proc.exitCode}`);
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { proc, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not answer /healthz');
}

const exitCode = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    proc.exitCode !== null ? resolve(proc.exitCode) : proc.once('exit', (code) => resolve(code)),
  );

beforeAll(async () => {
  await run('npm', ['run', 'build'], { timeout: 170_000 });
}, 180_000);

afterAll(async () => {
  for (const proc of started) if (proc.exitCode === null) proc.kill('SIGKILL');
  const redis = new Redis(SHARED_REDIS_URL);
  await deleteByPrefix(redis, prefix);
  redis.disconnect();
});

describe('node dist/src/main.js with the compose environment', () => {
  it('is healthy and ready without platform tokens, serves metrics, and exits 0 on SIGTERM', async () => {
    const { proc, base } = await startBuilt({ REDIS_URL: SHARED_REDIS_URL, REDIS_PREFIX: prefix });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready');

    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const name of [
      'newsbot_commands_total',
      'newsbot_command_duration_seconds',
      'newsbot_articles_ingested_total',
      'newsbot_redis_errors_total',
      'newsbot_digest_posts_total',
      'newsbot_platform_reconnects_total',
      'newsbot_process_cpu_seconds_total',
    ])
      expect(metrics).toContain(`# TYPE ${name} `);

    proc.kill('SIGTERM');
    expect(await exitCode(proc)).toBe(0);
  }, 30_000);

  it('stays alive but not ready while Redis is unreachable, naming Redis', async () => {
    const closed = await freePort();
    const { proc, base } = await startBuilt({
      REDIS_URL: `redis://127.0.0.1:${closed}`,
      REDIS_PREFIX: prefix,
      REDIS_TIMEOUT_MS: '200',
    });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toMatch(/^redis: /m);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
      /^newsbot_redis_errors_total [1-9]/m,
    );
    proc.kill('SIGTERM');
    expect(await exitCode(proc)).toBe(0);
  }, 30_000);
});
