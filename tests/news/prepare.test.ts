import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../src/news/article.js';
import { ArticleRejectedError, prepareArticle, type ArticleDraft } from '../../src/news/prepare.js';
import { summarize } from '../../src/news/summary.js';
import { SEED_PATH } from '../support/data.js';

const SEED = readFileSync(SEED_PATH, 'utf8');
const NOW = new Date('2026-11-28T12:00:00Z');

function rejection(draft: unknown): ArticleRejectedError {
  try {
    prepareArticle(draft as ArticleDraft, NOW);
  } catch (e) {
    if (e instanceof ArticleRejectedError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('prepareArticle', () => {
  it('prepares the bare seed text: clean body, inferred title, lede in the summary', () => {
    const { article, analysis } = prepareArticle({ text: SEED, source: 'RT' }, NOW);
    expect(ArticleSchema.parse(article)).toEqual(article);
    expect(article.paragraphs.join('\n')).not.toContain('Share it with a friend');
    expect(article.title).toMatch(/^Iranian leader Ayatollah Ali Khamenei warned/);
    expect(article.title.length).toBeLessThanOrEqual(100);
    expect(article.title).not.toMatch(/[.,;:]$/);
    expect(article.ingestedAt).toBe('2026-11-28T12:00:00.000Z');
    const summary = summarize(analysis, 'standard');
    expect(summary[0]?.text).toMatch(/^Iranian leader Ayatollah Ali Khamenei warned/);
    for (const s of summary) expect(SEED).toContain(s.text);
  });

  it('repairs mangled UTF-8 in the title, author and body, so names and quotes read right', () => {
    const { article, analysis } = prepareArticle(
      {
        title: 'PeÃ±a Nieto meets Trump',
        author: 'JuliÃ¡n GarcÃ\u00ada',
        text: 'Mexican President Enrique PeÃ±a Nieto met Donald Trump on Wednesday. â€œWe talked about the wall,â€\u009d PeÃ±a Nieto said.',
      },
      NOW,
    );
    expect(article.title).toBe('Peña Nieto meets Trump');
    expect(article.author).toBe('Julián García');
    expect(analysis.quotes[0]).toMatchObject({
      text: 'We talked about the wall',
      speaker: 'Enrique Peña Nieto',
    });
  });

  it('gives the same id to the same URL with tracking parameters', () => {
    const a = prepareArticle({ text: SEED, url: 'https://www.rt.com/news/495595-khamenei/' }, NOW);
    const b = prepareArticle(
      {
        text: `${SEED}\nUpdated.`,
        url: 'https://www.rt.com/news/495595-khamenei?utm_source=twitter&utm_medium=social',
      },
      NOW,
    );
    expect(b.article.id).toBe(a.article.id);
  });

  it('gives the same id and hash to the same text without a URL', () => {
    const a = prepareArticle({ text: SEED }, NOW);
    const b = prepareArticle({ paragraphs: SEED.split('\n').map((p) => `  ${p}  `) }, NOW);
    expect(b.article.id).toBe(a.article.id);
    expect(b.article.contentHash).toBe(a.article.contentHash);
  });

  it('uses a headline line as the title of bare text', () => {
    const { article } = prepareArticle(
      { text: 'Floods hit the north\nHeavy rain fell all week.' },
      NOW,
    );
    expect(article.title).toBe('Floods hit the north');
    expect(article.paragraphs).toEqual(['Heavy rain fell all week.']);
  });

  it('normalises common date notations to ISO', () => {
    const at = (publishedAt: string) =>
      prepareArticle({ text: SEED, publishedAt }, NOW).article.publishedAt;
    expect(at('Tue, 21 Jul 2020 17:00:00 GMT')).toBe('2020-07-21T17:00:00.000Z');
    expect(at('2020-07-21T19:00:00+02:00')).toBe('2020-07-21T17:00:00.000Z');
    expect(at('July 21, 2020')).toBe('2020-07-21T00:00:00.000Z');
    expect(at('Jan. 5, 2020')).toBe('2020-01-05T00:00:00.000Z');
  });

  it('rejects drafts with no text left after cleaning', () => {
    expect(rejection({ text: '' }).field).toBe('text');
    expect(rejection({ text: 'Like this story? Share it with a friend!' }).field).toBe('text');
    expect(rejection({ title: 'Only a title' }).field).toBe('text');
  });

  it('rejects text over 5 MB and binary data', () => {
    expect(rejection({ text: 'A sentence of news. '.repeat(300_000) }).reason).toMatch(/5 MB/);
    expect(rejection({ text: 'PK\u0003\u0004\u0000\u0000binary' }).reason).toMatch(/binary/);
    const noise = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(i % 32)).join('');
    expect(rejection({ text: noise }).reason).toMatch(/binary/);
  });

  it('names the invalid field', () => {
    expect(rejection({ text: SEED, url: 'not a url' }).field).toBe('url');
    expect(rejection({ text: SEED, publishedAt: 'sometime soon' }).field).toBe('publishedAt');
    expect(rejection({ text: SEED, title: 'x'.repeat(501) }).field).toBe('title');
    expect(rejection({ text: SEED, language: 'not a language' }).field).toBe('language');
    expect(rejection({ text: 42 }).field).toBe('text');
  });
});
