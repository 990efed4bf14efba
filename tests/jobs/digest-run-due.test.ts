/**
 * Exactly once across processes: three `newsbot digest run-due` processes started at the same
 * instant (and one more a minute later, as after a restart) post one digest to a local
 * stand-in of Discord's REST API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/jobs/digest-runner.js';
import { ArticleStore } from '../../src/store/articles.js';
import { DigestStore } from '../../src/store/digests.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { polnearSample, storeArticles } from './digest-articles.js';
import { spawnCli } from '../support/cli.js';

let t: TestRedis;
let server: Server;
let api: string;
const posts: string[] = [];

beforeAll(async () => {
  t = await testRedis('jobs-run-due');
  const keys = new Keys(t.prefix);
  const times = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 2, 7, 10 + i, 0)));
  await storeArticles(
    new ArticleStore(t.redis, keys),
    polnearSample('2016-09', 12),
    (i) => times[i]!,
  );
  await new DigestStore(t.redis, keys).setSchedule({
    platform: 'discord',
    channelId: '111222333444555666',
    time: '09:00',
    zone: 'America/New_York',
    createdBy: 'U1',
    createdAt: '2026-03-08T00:00:00.000Z',
  });
  // The stand-in answers slowly, so that the three processes' posting windows overlap.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') posts.push(req.url ?? '');
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: String(posts.length) }));
      }, 1_500);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.cleanup();
});

function runDueProcess(now: string): Promise<{ code: number | null; results: RunResult[] }> {
  const child = spawnCli(['digest', 'run-due', '--now', now, '--json'], {
    env: {
      ...process.env,
      REDIS_PREFIX: t.prefix,
      DISCORD_TOKEN: 'test-token',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: api,
      SLACK_BOT_TOKEN: '',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`run-due exited ${code}: ${err}`);
        resolve({ code, results: JSON.parse(out.trim().split('\n').at(-1)!) as RunResult[] });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

describe('newsbot digest run-due in three processes at once', () => {
  it('posts one digest, and none more after a restart', async () => {
    // 09:00 in New York on the spring-forward day is 13:00 UTC.
    const first = await Promise.all([1, 2, 3].map(() => runDueProcess('2026-03-08T13:00:00Z')));
    const kinds = first.flatMap((p) => p.results.map((r) => r.result)).sort();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toBe('/v10/channels/111222333444555666/messages');
    expect(kinds.filter((k) => k === 'posted')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'busy' || k === 'done')).toHaveLength(2);

    const again = await runDueProcess('2026-03-08T13:01:00Z');
    expect(again.results.map((r) => r.result)).toEqual(['done']);
    expect(posts).toHaveLength(1);
    console.log(
      `exactly-once: 3 processes -> ${posts.length} post; results ${JSON.stringify(kinds)}; ` +
        `restarted a minute later -> ${JSON.stringify(again.results.map((r) => r.result))}`,
    );
  }, 60_000);
});
