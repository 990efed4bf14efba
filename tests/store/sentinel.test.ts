/**
 * REDIS_SENTINELS + REDIS_SENTINEL_NAME against a real Sentinel (`redis-server --sentinel`) on a
 * free port, monitoring a private redis-server: the bot's client finds the primary through the
 * sentinel and the article store works on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { prepareArticle } from '../../src/news/prepare.js';
import { createServices } from '../../src/services.js';
import { closeRedis, createRedis, waitReady, type RedisClient } from '../../src/store/redis.js';
import { freePort, PrivateRedis } from '../support/redis.js';

const NAME = 'newsbot-primary';
let primary: PrivateRedis;
let sentinel: ChildProcess;
let sentinelPort: number;
let dir: string;
let client: RedisClient;

beforeAll(async () => {
  primary = await PrivateRedis.start();
  sentinelPort = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'newsbot-sentinel-'));
  const conf = join(dir, 'sentinel.conf');
  writeFileSync(
    conf,
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor ${NAME} 127.0.0.1 ${primary.port} 1`,
      `sentinel down-after-milliseconds ${NAME} 5000`,
      '',
    ].join('\n'),
  );
  sentinel = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
  const probe = new Redis(sentinelPort, '127.0.0.1', {
    lazyConnect: true,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  for (let i = 0; ; i++) {
    try {
      await probe.connect();
      const addr = (await probe.call('SENTINEL', 'get-master-addr-by-name', NAME)) as string[];
      if (addr?.[1] === String(primary.port)) break;
    } catch {
      probe.disconnect();
    }
    if (i > 100) throw new Error('sentinel did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  probe.disconnect();
}, 20_000);

afterAll(async () => {
  if (client) await closeRedis(client);
  if (sentinel && sentinel.exitCode === null) {
    const exited = new Promise((r) => sentinel.once('exit', r));
    sentinel.kill('SIGKILL');
    await exited;
  }
  await primary?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('finds the primary through the sentinel and stores articles there', async () => {
  const config = parseConfig({
    REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`,
    REDIS_SENTINEL_NAME: NAME,
    REDIS_PREFIX: 't:sentinel',
  });
  client = createRedis(config);
  await waitReady(client, 5_000);
  const server = await client.info('server');
  expect(server).toContain(`tcp_port:${primary.port}`);

  const { articles } = createServices(client, config);
  const { article, analysis } = prepareArticle(
    {
      title: 'Talks resume over river treaty',
      text: 'Negotiators from both countries met on Monday to resume talks over the river treaty. '.repeat(
        4,
      ),
      url: 'https://news.example.com/river-treaty',
    },
    new Date('2026-03-02T10:00:00Z'),
  );
  const { status, id } = await articles.save(article, analysis);
  expect(status).toBe('stored');
  expect((await articles.get(id))?.article.title).toBe('Talks resume over river treaty');
  expect((await articles.search('treaty', { limit: 5 })).items.map((h) => h.id)).toContain(id);
});
