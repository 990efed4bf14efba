/** `newsbot digest` run as a user runs it (a new Node process per run) against the shared Redis. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { polnearSample, storeArticles } from '../jobs/digest-articles.js';
import { runCli, type CliRun } from '../support/cli.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
let ids: string[];

beforeAll(async () => {
  t = await testRedis('cli-digest');
  // Ten reports during Sunday 8 March 2026 in New York (UTC-5 until 07:00 UTC, then UTC-4).
  const times = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 2, 8, 6 + i * 2)));
  ids = await storeArticles(
    new ArticleStore(t.redis, new Keys(t.prefix)),
    polnearSample('2016-02', 10),
    (i) => times[i]!,
  );
});
afterAll(async () => {
  await t.cleanup();
});

function newsbot(args: string[]): Promise<CliRun> {
  return runCli(args, {
    env: { ...process.env, REDIS_URL: t.url, REDIS_PREFIX: t.prefix, LOG_LEVEL: 'silent' },
  });
}

describe('newsbot digest', { timeout: 120_000 }, () => {
  it('--json lists the stories of a local date with their article ids', async () => {
    const r = await newsbot([
      'digest',
      '--date',
      '2026-03-08',
      '--tz',
      'America/New_York',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      window: { label: string; from: string; to: string };
      articles: number;
      stories: Array<{
        headline: string;
        articleIds: string[];
        reports: number;
        summary: string[];
      }>;
    };
    expect(out.window).toEqual({
      label: 'Sun 8 Mar 2026 (America/New_York)',
      from: '2026-03-08T05:00:00.000Z',
      to: '2026-03-09T04:00:00.000Z',
    });
    expect(out.articles).toBe(10);
    expect(out.stories.length).toBeGreaterThanOrEqual(5);
    expect(out.stories.length).toBeLessThanOrEqual(8);
    for (const s of out.stories) {
      expect(s.articleIds.length).toBe(s.reports);
      for (const id of s.articleIds) expect(ids).toContain(id);
      expect(s.summary.length).toBeGreaterThan(0);
    }
  });

  it('explains an unknown zone', async () => {
    const r = await newsbot(['digest', '--tz', 'Mars/Base']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"Mars\/Base" is not a time zone I know/);
  });
});
