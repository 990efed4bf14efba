import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAll, ingestDraft, type IngestResult } from '../../src/ingest/pipeline.js';
import { draftFromRecord, readSources, type SourceItem } from '../../src/ingest/sources.js';
import { summarize } from '../../src/news/summary.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { closeRedis, createRedis } from '../../src/store/redis.js';
import { PrivateRedis, testRedis, type TestRedis } from '../support/redis.js';
import { BBC_DEV_PATH, SEED_PATH } from '../support/data.js';

const SEED = SEED_PATH;
const BBC = BBC_DEV_PATH;
const FIX = 'tests/fixtures/ingest';
const NOW = new Date('2026-01-02T12:00:00Z');

let t: TestRedis;
let store: ArticleStore;
let tmp: string;

beforeAll(async () => {
  t = await testRedis('ingest-pipeline');
  store = new ArticleStore(t.redis, new Keys(t.prefix));
  tmp = await mkdtemp(join(tmpdir(), 'newsbot-pipeline-'));
});
afterAll(async () => {
  await t.cleanup();
  await rm(tmp, { recursive: true, force: true });
});

async function ingest(paths: string[]): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  await ingestAll(readSources(paths), { store, now: NOW, onResult: (r) => results.push(r) });
  return results;
}

describe('the seed article, end to end', () => {
  let id: string;

  it('is stored, and its analysis reads back', async () => {
    const [r] = await ingest([SEED]);
    expect(r).toMatchObject({ status: 'stored', location: `${SEED}:1` });
    id = r!.id!;
    expect(r!.title).toMatch(/Khamenei/);
    expect(await store.get(id)).not.toBeNull();
  });

  it('has lost its boilerplate tail', async () => {
    const { article, analysis } = (await store.get(id))!;
    expect(article.paragraphs.join('\n')).not.toMatch(/Like this story|Share it with a friend/);
    expect(analysis.sentences.join(' ')).not.toMatch(/Share it with a friend/);
  });

  it('summarises with verbatim article sentences, lede included', async () => {
    const { article, analysis } = (await store.get(id))!;
    const text = article.paragraphs.join('\n');
    const summary = summarize(analysis, 'standard');
    expect(summary.length).toBeGreaterThan(1);
    for (const s of summary) expect(text).toContain(s.text);
    expect(summary[0]!.text).toMatch(/^Iranian leader Ayatollah Ali Khamenei warned/);
  });

  it('finds the quotes with their speakers, and no scare quotes', async () => {
    const { quotes } = (await store.get(id))!.analysis;
    const speakerOf = (start: string) => quotes.find((q) => q.text.startsWith(start))?.speaker;
    expect(
      speakerOf('They killed your guest at your house and explicitly confessed to the crime'),
    ).toMatch(/Khamenei/);
    expect(
      speakerOf(
        'Of course, the expansion of Iran-Iraq relations has opponents, led by the United States',
      ),
    ).toMatch(/Khamenei/);
    expect(speakerOf('allow any aggression or challenge to Iran')).toMatch(/Kadhimi/);
    expect(quotes.map((q) => q.text)).not.toContain('maximum pressure');
    expect(quotes.map((q) => q.text)).not.toContain('snapback');
  });

  it('finds the Iran-Iraq war as background', async () => {
    const { background } = (await store.get(id))!.analysis;
    expect(background.map((b) => b.text)).toContainEqual(
      expect.stringMatching(/war between 1980 and 1988/),
    );
  });

  it('names the people with the descriptions the article gives', async () => {
    const { entities } = (await store.get(id))!.analysis;
    const described = (name: RegExp) => entities.find((e) => name.test(e.name))?.description;
    expect(described(/Javad Zarif/)).toMatch(/Iranian Foreign Minister/i);
    expect(described(/Mustafa al-Kadhimi/)).toMatch(/Iraqi Prime Minister/i);
  });

  it('is reported as a duplicate when ingested again', async () => {
    expect(await ingest([SEED])).toMatchObject([{ status: 'duplicate', id }]);
  });
});

describe('ingestDraft', () => {
  const url = 'https://news.example.com/2024/harbour?utm_campaign=x';
  const paragraphs = [
    'The city harbour reopened on Friday after a storm closed it for three days, port officials said.',
    'Ferries will run a full timetable from Saturday, the operator said.',
  ];

  it('stores, then reports the same URL with the same text as a duplicate', async () => {
    const first = await ingestDraft(
      { title: 'Harbour reopens', url, paragraphs },
      { store, now: NOW },
    );
    expect(first).toMatchObject({ status: 'stored', title: 'Harbour reopens' });
    const again = await ingestDraft(
      { title: 'Harbour reopens', url, paragraphs },
      { store, now: NOW },
    );
    expect(again).toEqual({ ...first, status: 'duplicate' });
  });

  it('updates the article when its URL returns with changed text', async () => {
    const id = await store.idForUrl(url);
    const changed = [
      ...paragraphs,
      'Update: the first ferry left at dawn with a full load of lorries.',
    ];
    const r = await ingestDraft(
      { title: 'Harbour reopens', url, paragraphs: changed },
      { store, now: NOW },
    );
    expect(r).toMatchObject({ status: 'updated', id });
    expect((await store.search('lorries', { limit: 3 })).items.map((h) => h.id)).toEqual([id]);
  });

  it('rejects a draft without text, with the reason', async () => {
    const r = await ingestDraft({ title: 'Nothing here', text: '   ' }, { store, now: NOW });
    expect(r.status).toBe('rejected');
    expect(r.error).toBeTruthy();
  });
});

describe('bad input among good input', () => {
  it('reports each bad item clearly and stores the good ones around it', async () => {
    const binary = join(tmp, 'binary.txt');
    await writeFile(binary, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0]));
    const huge = join(tmp, 'huge.txt');
    const paragraph =
      'The council met again on Tuesday to discuss the budget for the coming year. ';
    await writeFile(
      huge,
      `${paragraph.repeat(12)}\n`.repeat(Math.ceil(10_500_000 / (paragraph.length * 12))),
    );
    const results = await ingest([
      `${FIX}/empty.txt`,
      `${FIX}/mixed.jsonl`,
      binary,
      huge,
      `${FIX}/no-article.html`,
      `${FIX}/latin1.txt`,
      `${FIX}/dir`,
    ]);
    const byLocation = Object.fromEntries(results.map((r) => [r.location, r]));
    expect(byLocation[`${FIX}/empty.txt:1`]).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/empty/),
    });
    expect(byLocation[`${FIX}/mixed.jsonl:1`]?.status).toBe('stored');
    expect(byLocation[`${FIX}/mixed.jsonl:2`]).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/malformed JSON/),
    });
    expect(byLocation[`${FIX}/mixed.jsonl:3`]?.status).toBe('stored');
    expect(byLocation[`${binary}:1`]).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/binary/),
    });
    expect(byLocation[`${huge}:1`]).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/MB|large|long/i),
    });
    expect(byLocation[`${FIX}/no-article.html:1`]).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/no article/i),
    });
    expect(byLocation[`${FIX}/latin1.txt:1`]?.status).toBe('stored');
    const latin1 = await store.get(byLocation[`${FIX}/latin1.txt:1`]!.id!);
    expect(latin1?.article.paragraphs[0]).toMatch(/^Café owners in São Paulo/);
    expect(
      results.filter((r) => r.location?.startsWith(`${FIX}/dir`)).map((r) => r.status),
    ).toEqual(['stored', 'stored', 'stored']);
  });
});

describe('analysis on worker threads', () => {
  /** BBC items 1-8, two bad items, item 9 twice (one batch of 2), 1, 10, 2, 11 and 12. */
  async function mixedItems(): Promise<SourceItem[]> {
    const lines = (await readFile(BBC, 'utf8')).split('\n').slice(0, 12);
    const draft = (n: number): SourceItem => ({
      location: `bbc:${n}`,
      draft: draftFromRecord(JSON.parse(lines[n - 1]!)),
    });
    const items = [1, 2, 3, 4, 5, 6, 7, 8].map(draft);
    items.push({ location: 'bad:1', error: 'malformed JSON: nope' });
    items.push({ location: 'blank:1', draft: { title: 'Blank', text: '  ' } });
    items.push(draft(9), draft(9), draft(1), draft(10), draft(2), draft(11), draft(12));
    return items;
  }

  async function ingestWith(
    prefix: string,
    opts: { workers: number; batchSize?: number },
  ): Promise<IngestResult[]> {
    const own = new ArticleStore(t.redis, new Keys(`${t.prefix}:${prefix}`));
    const items = await mixedItems();
    async function* source() {
      yield* items;
    }
    const results: IngestResult[] = [];
    await ingestAll(source(), { store: own, now: NOW, ...opts, onResult: (r) => results.push(r) });
    return results;
  }

  it('gives the same results, in input order, as analysis on this thread', async () => {
    const inline = await ingestWith('inline', { workers: 1 });
    const pooled = await ingestWith('pooled', { workers: 2, batchSize: 2 });
    expect(pooled).toEqual(inline);
    expect(pooled.map((r) => r.location)).toEqual((await mixedItems()).map((i) => i.location));
    expect(pooled.map((r) => r.status)).toEqual([
      ...Array<string>(8).fill('stored'),
      'rejected',
      'rejected',
      'stored',
      'duplicate',
      'duplicate',
      'stored',
      'duplicate',
      'stored',
      'stored',
    ]);
    expect(pooled[9]).toMatchObject({ title: 'Blank', error: expect.stringMatching(/text/) });
  });
});

describe('Redis deadlines during a long analysis', () => {
  async function bbcItems(n: number): Promise<SourceItem[]> {
    const lines = (await readFile(BBC, 'utf8')).split('\n').slice(0, n);
    return lines.map((l, i) => ({
      location: `bbc:${i + 1}`,
      draft: draftFromRecord(JSON.parse(l)),
    }));
  }
  async function* from(items: SourceItem[]) {
    yield* items;
  }

  it('stores every article though preparing them all takes far longer than one command may', async () => {
    // 300 analyses take a second or more; each save must still be answered within 300 ms.
    const redis = createRedis({ REDIS_URL: t.url, REDIS_TIMEOUT_MS: 300 });
    try {
      const own = new ArticleStore(redis, new Keys(`${t.prefix}:deadline`));
      const counts = await ingestAll(from(await bbcItems(300)), {
        store: own,
        now: NOW,
        workers: 2,
      });
      expect(counts.stored + counts.duplicate).toBe(300);
      expect(counts.rejected).toBe(0);
    } finally {
      await closeRedis(redis);
    }
  }, 60_000);

  it('fails with the store error, not a crash, when a later save fails before an earlier one ends', async () => {
    // Saves overlap: the second article's save fails while the first is still in flight.
    class FailingSecondSave extends ArticleStore {
      private calls = 0;
      override async saveRecord(record: Parameters<ArticleStore['saveRecord']>[0]) {
        const call = ++this.calls;
        if (call === 2) throw new StoreUnavailableError(new Error('Command timed out'));
        if (call === 1) await new Promise((r) => setTimeout(r, 100));
        return super.saveRecord(record);
      }
    }
    const own = new FailingSecondSave(t.redis, new Keys(`${t.prefix}:second`));
    const reported: IngestResult[] = [];
    const run = ingestAll(from(await bbcItems(4)), {
      store: own,
      now: NOW,
      workers: 1,
      onResult: (r) => reported.push(r),
    });
    await expect(run).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(reported.map((r) => r.status)).toEqual(['stored']);
  });

  it('stops with StoreUnavailableError when Redis freezes mid-batch, having reported only stored items', async () => {
    const server = await PrivateRedis.start();
    const pid = Number(
      /process_id:(\d+)/.exec(
        execFileSync('redis-cli', ['-p', String(server.port), 'info', 'server'], {
          encoding: 'utf8',
        }),
      )![1],
    );
    const redis = createRedis({ REDIS_URL: server.url, REDIS_TIMEOUT_MS: 300 });
    try {
      const own = new ArticleStore(redis, new Keys('deadline'));
      const reported: IngestResult[] = [];
      const run = ingestAll(from(await bbcItems(200)), {
        store: own,
        now: NOW,
        workers: 2,
        onResult: (r) => {
          reported.push(r);
          if (reported.length === 20) process.kill(pid, 'SIGSTOP');
        },
      });
      await expect(run).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(reported.length).toBeGreaterThanOrEqual(20);
      expect(reported.length).toBeLessThan(200);
      expect(reported.every((r) => r.status === 'stored' || r.status === 'duplicate')).toBe(true);
    } finally {
      process.kill(pid, 'SIGCONT');
      await closeRedis(redis);
      await server.stop();
    }
  }, 60_000);
});

// ~1,100 analyses: a few seconds on an idle machine, far longer on a shared, loaded one.
describe('the BBC dev set', { timeout: 180_000 }, () => {
  it('ingests all 1,132 articles with no rejection', async () => {
    const started = performance.now();
    const results = await ingest([BBC]);
    const seconds = (performance.now() - started) / 1000;
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toEqual([]);
    expect(results).toHaveLength(1132);
    console.log(
      `BBC dev: ${results.length} articles in ${seconds.toFixed(2)} s (${Math.round(results.length / seconds)} articles/s)`,
    );
    const stats = await store.stats();
    expect(stats.articles).toBeGreaterThan(1100);
    expect((await store.search('Time Warner profits', { limit: 1 })).items[0]?.title).toBe(
      'Ad sales boost Time Warner profit',
    );
  });
});
