/**
 * An ingest killed mid-batch (the real CLI process, SIGKILL) and run again stores every article
 * exactly once: the indexes hold each expected id once, none twice, none missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ArticleRejectedError, prepareArticle } from '../../src/news/prepare.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { spawnCli } from '../support/cli.js';
import { BBC_DEV_PATH } from '../support/data.js';

const BBC = BBC_DEV_PATH;
const ITEMS = 120;
const KILL_AFTER = 25;

let t: TestRedis;
let dir: string;
let file: string;
let drafts: Array<{ title: string; text: string }>;

beforeAll(async () => {
  t = await testRedis('resilience-ingest-kill');
  dir = mkdtempSync(join(tmpdir(), 'newsbot-ingest-kill-'));
  file = join(dir, 'bbc.jsonl');
  drafts = readFileSync(BBC, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, ITEMS)
    .map((l) => JSON.parse(l) as { title: string; article: string })
    .map((b) => ({ title: b.title, text: b.article }));
  writeFileSync(file, drafts.map((d) => JSON.stringify(d)).join('\n'));
});

afterAll(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Line {
  id: string | null;
  status: string;
}

/** Runs `newsbot ingest FILE --json`; kills its process group after `killAfter` lines. */
function ingest(killAfter?: number): Promise<{ lines: Line[]; killed: boolean; stderr: string }> {
  const child = spawnCli(['ingest', file, '--json'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REDIS_URL: t.url, REDIS_PREFIX: t.prefix, LOG_LEVEL: 'silent' },
  });
  const lines: Line[] = [];
  let killed = false;
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(JSON.parse(line) as Line);
    if (killAfter !== undefined && lines.length >= killAfter && !killed) {
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => resolve({ lines, killed, stderr }));
  });
}

it('stores every article exactly once after a killed ingest is run again', async () => {
  const expected = new Set<string>();
  for (const d of drafts) {
    try {
      expected.add(prepareArticle(d, new Date()).article.id);
    } catch (e) {
      if (!(e instanceof ArticleRejectedError)) throw e;
    }
  }

  const first = await ingest(KILL_AFTER);
  expect(first.killed).toBe(true);
  expect(first.lines.length).toBeLessThan(ITEMS);
  const keys = new Keys(t.prefix);
  expect(await t.redis.zcard(keys.recent())).toBeLessThan(expected.size);

  const second = await ingest();
  expect(second.lines, second.stderr).toHaveLength(ITEMS);
  expect(second.lines.filter((l) => l.status === 'updated')).toEqual([]);
  expect(new Set(second.lines.filter((l) => l.id).map((l) => l.id))).toEqual(expected);

  const recent = await t.redis.zrange(keys.recent(), '0', '-1');
  expect(recent).toHaveLength(expected.size);
  expect(new Set(recent)).toEqual(expected);
  expect(await t.redis.hlen(keys.hashes())).toBe(expected.size);
  // No article is left half-saved (an update marker `p` would remain).
  const parked = await Promise.all(
    [...expected].map((id) => t.redis.hexists(keys.article(id), 'p')),
  );
  expect(parked.filter(Boolean)).toHaveLength(0);
}, 180_000);
