/**
 * The `newsbot` program run as a user runs it (the tsx entry, `node --import tsx src/cli.ts`),
 * against the shared Redis. Each run is a new Node process, hence the generous timeouts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { SEED_PATH } from '../support/data.js';

const SEED = SEED_PATH;
const FIX = 'tests/fixtures/ingest';

let t: TestRedis;

beforeAll(async () => {
  t = await testRedis('cli');
});
afterAll(async () => {
  await t.cleanup();
});

function newsbot(
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliRun> {
  return runCli(args, {
    env: { ...process.env, REDIS_URL: t.url, REDIS_PREFIX: t.prefix, ...opts.env },
    ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
  });
}

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('newsbot CLI', { timeout: 120_000 }, () => {
  it('prints help listing the subcommands', async () => {
    const r = await newsbot(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['ingest', 'analyze', 'get', 'search', 'stats'])
      expect(r.stdout).toContain(cmd);
  });

  it('ingest --json prints one line per item, stores the good ones, exits 1 on a rejection', async () => {
    const r = await newsbot(['ingest', '--json', `${FIX}/mixed.jsonl`, SEED]);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.status)).toEqual(['stored', 'rejected', 'stored', 'stored']);
    expect(lines[1]).toMatchObject({
      id: null,
      error: expect.stringMatching(/malformed JSON/),
      location: `${FIX}/mixed.jsonl:2`,
    });
    expect(lines[3]).toMatchObject({ title: expect.stringMatching(/Khamenei/) });
    expect(r.stderr).toContain('stored 3, duplicate 0, updated 0, rejected 1');
  });

  it('ingest reports rejections with file:line and a closing count', async () => {
    const r = await newsbot(['ingest', `${FIX}/mixed.jsonl`, `${FIX}/empty.txt`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${FIX}/mixed.jsonl:2: rejected: malformed JSON`);
    expect(r.stderr).toContain(`${FIX}/empty.txt:1: rejected: empty input`);
    expect(r.stdout.trim()).toBe('stored 0, duplicate 2, updated 0, rejected 2');
  });

  it('ingests stdin, and finds, shows and counts stored articles', async () => {
    const ingest = await newsbot(['ingest', '--json', '-'], {
      stdin:
        '{"title":"Volcano erupts near village","text":"A volcano erupted near a mountain village on Sunday, forcing hundreds of residents to leave their homes."}\n',
    });
    expect(ingest.code).toBe(0);
    const [{ id }] = jsonLines(ingest.stdout) as [{ id: string }];
    const search = await newsbot(['search', 'volcano', 'village']);
    expect(search.stdout).toMatch(new RegExp(`^${id} .*Volcano erupts near village`, 'm'));
    const get = await newsbot(['get', id]);
    expect(get.code).toBe(0);
    expect(get.stdout).toContain('Volcano erupts near village');
    expect(get.stdout).toContain('A volcano erupted near a mountain village on Sunday');
    const stats = await newsbot(['stats', '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 4 });
    const reindex = await newsbot(['reindex']);
    expect(reindex.code).toBe(0);
    expect(reindex.stdout).toMatch(/^reindexed 4 articles in \d+\.\d s$/m);
  });

  it('analyze --json gives the analysis shape without Redis', async () => {
    const r = await newsbot(['analyze', '--json', SEED], {
      env: { REDIS_URL: 'redis://127.0.0.1:1' },
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual([
      'background',
      'entities',
      'id',
      'quotes',
      'summary',
      'text',
      'title',
    ]);
    expect(out.text).not.toMatch(/Share it with a friend/);
    expect((out.summary as Array<{ text: string; index: number }>)[0]).toMatchObject({ index: 0 });
  });

  it('analyze --jsonl answers every line, a bad one with {"id","error"}', async () => {
    const stdin = [
      '{"id":"one","title":"Storm","text":"A storm hit the coast on Monday. Thousands lost power. Crews worked overnight.","sentences":1}',
      '{"id":"two","title":"Broken',
      '{"id":"three","html":"<article><p>The mayor opened a new park on Saturday, saying it would give families more space to play and meet. Hundreds of residents came to the opening, and children tried the new playground.</p></article>"}',
    ].join('\n');
    const r = await newsbot(['analyze', '--jsonl'], {
      stdin,
      env: { REDIS_URL: 'redis://127.0.0.1:1' },
    });
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.id)).toEqual(['one', null, 'three']);
    expect(lines[0]!.summary).toHaveLength(1);
    expect(lines[1]).toEqual({ id: null, error: expect.stringMatching(/JSON/) });
    expect(lines[2]!.text).toMatch(/new park/);
  });

  it('exits 2 naming the variable when the configuration is invalid', async () => {
    const r = await newsbot(['stats'], { env: { REDIS_TIMEOUT_MS: 'soon' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('REDIS_TIMEOUT_MS');
  });

  it('says the store is not answering when Redis is down', async () => {
    const r = await newsbot(['stats'], {
      env: { REDIS_URL: 'redis://127.0.0.1:1', REDIS_TIMEOUT_MS: '300' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not answering');
  });
});
