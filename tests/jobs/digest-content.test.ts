import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyParagraphs, loadPolnear } from '../../bench/polnear.js';
import { dayWindow, loadDigest } from '../../src/jobs/digest-content.js';
import { buildDigest, type DigestArticle } from '../../src/news/digest.js';
import { prepareArticle } from '../../src/news/prepare.js';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';

let t: TestRedis;
let store: ArticleStore;
let keys: Keys;
const ids: string[] = [];
const window = dayWindow('2016-09-15', 'UTC');

beforeAll(async () => {
  t = await testRedis('jobs-digest-content');
  keys = new Keys(t.prefix);
  store = new ArticleStore(t.redis, keys);
  const seen = new Set<string>();
  const rows = loadPolnear()
    .filter((r) => r.date.startsWith('2016-09') && !seen.has(r.doc) && seen.add(r.doc))
    .slice(0, 40);
  for (const [i, row] of rows.entries()) {
    const { article, analysis } = prepareArticle(
      {
        title: row.title,
        paragraphs: bodyParagraphs(row),
        source: row.publisher,
        url: `https://news.example.org/${row.publisher}/${row.doc}`,
        publishedAt: new Date(window.fromMs + i * 20 * 60_000).toISOString(),
      },
      new Date(window.toMs),
    );
    ids.push((await store.save(article, analysis)).id);
  }
});
afterAll(async () => {
  await t.cleanup();
});

/** The digest built from every stored article's full document. */
async function fromDocuments(): Promise<ReturnType<typeof buildDigest>> {
  const articles = (await Promise.all(ids.map((id) => store.get(id)))).map((d): DigestArticle => ({
    id: d!.article.id,
    publishedMs: Date.parse(d!.article.publishedAt!),
    title: d!.article.title,
    lead: d!.analysis.sentences.slice(0, 3).join(' '),
    entities: d!.analysis.entities.map((e) => e.name),
    keywords: d!.analysis.keywords,
    sentences: d!.analysis.sentences,
    ranking: d!.analysis.ranking,
    url: d!.article.url!,
    source: d!.article.source!,
  }));
  return buildDigest(articles, { endMs: window.toMs, limit: 8 });
}

describe('loadDigest', () => {
  it('gives the digest of the full documents while reading only headlines and story fields', async () => {
    const digest = await loadDigest(store, window);
    expect(digest.articleCount).toBe(ids.length);
    expect(digest.stories.length).toBeGreaterThan(0);
    expect(digest.stories.every((s) => s.summary.length > 0)).toBe(true);
    expect(digest.stories).toEqual(await fromDocuments());
  });

  it('gives the same digest when articles were stored before story fields existed', async () => {
    const before = await loadDigest(store, window);
    await Promise.all(
      ids.filter((_, i) => i % 2 === 0).map((id) => t.redis.hdel(keys.article(id), 'g')),
    );
    expect(await loadDigest(store, window)).toEqual(before);
  });

  it('is empty for a day with no stored articles', async () => {
    const empty = await loadDigest(store, dayWindow('2016-09-16', 'UTC'));
    expect(empty).toMatchObject({ articleCount: 0, stories: [] });
  });
});
