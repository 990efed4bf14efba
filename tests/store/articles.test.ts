import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/store/articles.js';
import { Keys } from '../../src/store/keys.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { storeArticle } from '../support/articles.js';
import { makeArticle } from './make-article.js';

let t: TestRedis;
let store: ArticleStore;

beforeAll(async () => {
  t = await testRedis('store-articles');
  store = new ArticleStore(t.redis, new Keys(t.prefix));
});
afterAll(async () => {
  await t.cleanup();
});

const iran = makeArticle({
  title: 'Khamenei warns Iraq over US troops',
  paragraphs: [
    'Iranian leader Ayatollah Ali Khamenei warned the visiting Iraqi prime minister that Iran would respond to the killing of General Soleimani.',
    'The Iraqi prime minister Mustafa al-Kadhimi met Khamenei in Tehran on Tuesday.',
  ],
  url: 'https://news.example.com/world/khamenei-iraq?utm_source=twitter',
  source: 'Example News',
  publishedAt: '2020-07-21T10:00:00.000Z',
  keywords: [
    ['khamenei', 1],
    ['iraq', 0.9],
    ['iran', 0.8],
    ['troop', 0.5],
    ['soleimani', 0.5],
  ],
});

describe('ArticleStore', () => {
  it('stores an article and reads it back with its analysis', async () => {
    expect(await store.save(iran.article, iran.analysis)).toEqual({
      status: 'stored',
      id: iran.article.id,
    });
    const back = await store.get(iran.article.id);
    expect(back?.article.title).toBe(iran.article.title);
    expect(back?.article.url).toBe('https://news.example.com/world/khamenei-iraq');
    expect(back?.analysis.sentences).toEqual(iran.analysis.sentences);
    expect(await store.get('nosuchid00')).toBeNull();
  });

  it('finds the article by its URL with or without tracking parameters', async () => {
    expect(await store.idForUrl('https://NEWS.example.com/world/khamenei-iraq/#top')).toBe(
      iran.article.id,
    );
    expect(await store.idForUrl('https://news.example.com/other')).toBeNull();
    expect(await store.idForUrl('not a url')).toBeNull();
  });

  it('reports re-ingesting the same text or URL as a duplicate', async () => {
    expect((await store.save(iran.article, iran.analysis)).status).toBe('duplicate');
    const copy = makeArticle({
      title: 'Copy',
      paragraphs: iran.article.paragraphs,
      url: 'https://mirror.example.org/copy',
    });
    expect(await store.save(copy.article, copy.analysis)).toEqual({
      status: 'duplicate',
      id: iran.article.id,
    });
    expect((await store.stats()).articles).toBe(1);
  });

  it('updates an article whose URL returns with changed text, and re-indexes it', async () => {
    const changed = makeArticle({
      title: 'Khamenei warns Iraq over US troops',
      paragraphs: [
        'Iranian leader Ayatollah Ali Khamenei warned the visiting Iraqi prime minister about American forces.',
        'Corrected: the meeting took place in Tehran on Wednesday.',
      ],
      url: 'https://news.example.com/world/khamenei-iraq',
      source: 'Example News',
      publishedAt: '2020-07-21T10:00:00.000Z',
    });
    expect(await store.save(changed.article, changed.analysis)).toEqual({
      status: 'updated',
      id: iran.article.id,
    });
    expect((await store.get(iran.article.id))?.article.paragraphs[1]).toMatch(/^Corrected/);
    expect((await store.search('Soleimani', { limit: 5 })).items).toEqual([]);
    expect((await store.search('corrected', { limit: 5 })).items.map((h) => h.id)).toEqual([
      iran.article.id,
    ]);
    expect((await store.save(changed.article, changed.analysis)).status).toBe('duplicate');
    expect((await store.stats()).articles).toBe(1);
    // back to the original text: updated again, and findable by it again
    expect((await store.save(iran.article, iran.analysis)).status).toBe('updated');
    expect((await store.search('Soleimani', { limit: 5 })).items).toHaveLength(1);
  });

  it('ranks search results by relevance: title matches first, then recency', async () => {
    const body = makeArticle({
      title: 'Oil prices climb',
      paragraphs: ['Oil prices rose as traders watched Iraq and its neighbours closely.'],
      publishedAt: '2020-07-22T10:00:00.000Z',
    });
    const older = makeArticle({
      title: 'Election campaign opens',
      paragraphs: ['Candidates began touring the country, promising lower taxes.'],
      publishedAt: '2019-01-01T10:00:00.000Z',
    });
    const newer = makeArticle({
      title: 'Election campaign closes',
      paragraphs: ['Candidates finished touring the country, promising lower taxes.'],
      publishedAt: '2019-02-01T10:00:00.000Z',
    });
    for (const a of [body, older, newer]) await store.save(a.article, a.analysis);
    const iraq = await store.search('Iraq', { limit: 10 });
    expect(iraq.items.map((h) => h.id)).toEqual([iran.article.id, body.article.id]);
    expect(iraq.total).toBe(2);
    expect(iraq.items[0]!.score).toBeGreaterThan(iraq.items[1]!.score);
    // equal relevance: the newer one first
    const election = await store.search('election campaign', { limit: 10 });
    expect(election.items.map((h) => h.id)).toEqual([newer.article.id, older.article.id]);
    // both words beat one
    const both = await store.search('oil Iraq', { limit: 10 });
    expect(both.items[0]!.id).toBe(body.article.id);
    // paging
    expect((await store.search('Iraq', { limit: 1, offset: 1 })).items[0]!.id).toBe(
      body.article.id,
    );
    expect((await store.search('the of and', { limit: 10 })).items).toEqual([]);
  });

  it('completes the word being typed from stored headlines', async () => {
    expect((await store.autocomplete('khame')).map((h) => h.id)).toEqual([iran.article.id]);
    expect((await store.autocomplete('Iraq khame')).map((h) => h.id)).toEqual([iran.article.id]);
    expect((await store.autocomplete('elect', 1)).map((h) => h.title)).toEqual([
      'Election campaign closes',
    ]);
    expect(await store.autocomplete('zzzq')).toEqual([]);
    expect((await store.autocomplete('')).length).toBeGreaterThan(0);
  });

  it('lists recent articles, by source and by publication window', async () => {
    const recent = await store.recent({ limit: 2 });
    expect(recent.total).toBe(4);
    expect(recent.items.map((h) => h.title)).toEqual([
      'Oil prices climb',
      'Khamenei warns Iraq over US troops',
    ]);
    expect((await store.bySource('example news', { limit: 5 })).items.map((h) => h.id)).toEqual([
      iran.article.id,
    ]);
    const july = await store.storiesBetween(
      Date.parse('2020-07-01T00:00:00Z'),
      Date.parse('2020-07-22T10:00:00Z'),
      10,
    );
    expect(july.map((h) => h.id)).toEqual([iran.article.id]);
    expect(await store.stats()).toMatchObject({ articles: 4, sources: 1 });
  });

  it('narrows a search to one source and lists the sources by prefix', async () => {
    const wire = makeArticle({
      title: 'Iraq talks resume',
      paragraphs: ['Iraq and Iran resumed talks on Thursday, the wire service reported.'],
      source: 'Wire Service',
      publishedAt: '2020-07-23T10:00:00.000Z',
    });
    await store.save(wire.article, wire.analysis);
    expect((await store.search('Iraq', { limit: 10 })).total).toBe(3);
    const narrowed = await store.search('Iraq', { limit: 10, source: 'example NEWS' });
    expect(narrowed).toMatchObject({ total: 1, items: [{ id: iran.article.id }] });
    expect((await store.search('Iraq', { limit: 10, source: 'Nobody' })).total).toBe(0);
    expect(await store.sources()).toEqual(expect.arrayContaining(['Example News', 'Wire Service']));
    expect(await store.sources('wi')).toEqual(['Wire Service']);
    expect([await store.hasSource('wire SERVICE'), await store.hasSource('Nobody')]).toEqual([
      true,
      false,
    ]);
  });

  it('reads the story fields a digest needs with the headlines, also for older articles', async () => {
    const from = Date.parse('2020-07-01T00:00:00Z');
    const to = Date.parse('2020-07-22T10:00:00Z');
    const [stored] = await store.storiesBetween(from, to, 10);
    expect(stored).toMatchObject({
      id: iran.article.id,
      title: iran.article.title,
      source: 'Example News',
      publishedAt: '2020-07-21T10:00:00.000Z',
      lead: iran.analysis.sentences.join(' '),
      keywords: iran.analysis.keywords,
    });
    // An article saved before story fields were stored: derived from its document.
    await t.redis.hdel(new Keys(t.prefix).article(iran.article.id), 'g');
    expect(await store.storiesBetween(from, to, 10)).toEqual([stored]);
    expect(await store.storiesBetween(from, from + 1, 10)).toEqual([]);
  });

  it('finds earlier coverage of the same story, not later or unrelated stories', async () => {
    const earlier = makeArticle({
      title: 'Iraq prime minister to visit Iran',
      paragraphs: [
        'Iraqi prime minister Mustafa al-Kadhimi will travel to Tehran to meet Ayatollah Khamenei, months after the US killed Soleimani.',
      ],
      publishedAt: '2020-07-18T10:00:00.000Z',
    });
    const later = makeArticle({
      title: 'Khamenei and Iraq leader meeting reactions',
      paragraphs: [
        'Reactions to the meeting of Khamenei and the Iraqi prime minister over US troops.',
      ],
      publishedAt: '2020-07-25T10:00:00.000Z',
    });
    for (const a of [earlier, later]) await store.save(a.article, a.analysis);
    const related = await store.earlierCoverage(iran.article.id);
    expect(related.map((h) => h.id)).toEqual([earlier.article.id]);
    expect(await store.earlierCoverage('nosuchid00')).toEqual([]);
  });

  it('keeps every key under its prefix, with the article hash tag on article keys', async () => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await t.redis.scan(cursor, 'MATCH', `${t.prefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    expect(keys).toContain(`${t.prefix}:{a:${iran.article.id}}`);
    for (const k of keys) expect(k.includes('{')).toBe(/^[^{]*\{a:[a-z0-9]+\}$/.test(k));
  });
});

describe('search by name', () => {
  it('finds an article by the surname of a person it names only once', async () => {
    const own = new ArticleStore(t.redis, new Keys(`${t.prefix}:names`));
    const farming = [
      'Wheat farmers across the plains harvested a record crop this summer, as wheat prices rose.',
      'Grain elevators filled early; railway operators added freight cars for the grain harvest.',
      'Rainfall in spring helped soil moisture, and fertiliser costs fell for most growers.',
      'Exporters expect shipments to Asian buyers to climb, with barley and corn also strong.',
      'Storage shortages pushed some growers to pile grain outdoors under tarpaulins.',
      'Insurance claims for hail damage were lower than last year, brokers reported.',
      'Agriculture minister Tom Vilsack said the figures were encouraging for rural towns.',
    ];
    const id = await storeArticle(own, {
      title: 'Record wheat harvest',
      text: farming.join('\n\n'),
    });
    expect((await own.search('Vilsack', { limit: 5 })).items.map((h) => h.id)).toEqual([id]);
    // Stored before names were indexed: reindex adds the term.
    await t.redis.zrem(new Keys(`${t.prefix}:names`).term('vilsack'), id);
    expect((await own.search('Vilsack', { limit: 5 })).total).toBe(0);
    expect(await own.reindex()).toBe(1);
    expect((await own.search('Vilsack', { limit: 5 })).items.map((h) => h.id)).toEqual([id]);
  });
});
