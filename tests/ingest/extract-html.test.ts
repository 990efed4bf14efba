import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { extractArticle, NoArticleError } from '../../src/ingest/extract-html.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'html');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const PAGE_URL = 'https://courier.example/news/2026/11/sea-wall-vote';

describe('extractArticle on a typical news page', () => {
  const page = extractArticle(fixture('news-page.html'), PAGE_URL);
  const text = page.paragraphs.join('\n');

  it('keeps the article paragraphs in order, with subheadings, list items and quotes', () => {
    expect(page.paragraphs[0]).toMatch(/^Councillors in Porthgwidden have voted/);
    expect(page.paragraphs).toContain('How the money will be raised');
    expect(page.paragraphs).toContain(
      'Three million pounds from council reserves set aside for coastal works.',
    );
    expect(text).toContain('with care it can do so for a hundred more.');
    expect(page.paragraphs.indexOf('How the money will be raised')).toBeLessThan(
      page.paragraphs.findIndex((p) => p.startsWith('Most of the cost')),
    );
  });

  it('splits loose text at <br><br> into separate paragraphs', () => {
    expect(page.paragraphs.at(-2)).toMatch(/^Work is expected to begin in the spring/);
    expect(page.paragraphs.at(-1)).toMatch(/^Residents will be able to see the final designs/);
  });

  it('leaves out navigation, byline, caption, share, related, ad, newsletter and cookie text', () => {
    for (const junk of [
      'Home',
      'Maria Penhallow',
      'Photo: Coastal Courier',
      'Share on Facebook',
      'Related stories',
      'Storm damage bill',
      'Advertisement',
      'Read more',
      'newsletter',
      'cookies',
      'Most read',
      'All rights reserved',
      'Harbour town votes to rebuild sea wall',
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it('reads metadata from JSON-LD, OpenGraph and the canonical link', () => {
    expect(page).toMatchObject({
      title: 'Harbour town votes to rebuild sea wall',
      author: 'Maria Penhallow',
      publishedAt: '2026-11-27T09:30:00.000Z',
      canonicalUrl: 'https://courier.example/news/2026/11/sea-wall-vote?utm_source=feed',
      siteName: 'The Coastal Courier',
      language: 'en-GB',
      description: "Councillors back a twelve-million-pound plan after last winter's floods.",
    });
  });
});

describe('extractArticle on pages without an article', () => {
  it('throws NoArticleError with a reason for a sign-in page', () => {
    expect(() => extractArticle(fixture('no-article.html'))).toThrow(NoArticleError);
    expect(() => extractArticle(fixture('no-article.html'))).toThrow(/no article text found/);
  });

  it('throws NoArticleError for an empty document and for plain junk', () => {
    expect(() => extractArticle('')).toThrow(NoArticleError);
    expect(() => extractArticle('<html><body><nav>a b c</nav></body></html>')).toThrow(
      NoArticleError,
    );
  });

  it('falls back to the JSON-LD articleBody when the page renders its text by script', () => {
    const body =
      'The harbour master said the new pontoons would open in March.The work was delayed by storms. ' +
      'Fishermen welcomed the news, saying the old moorings had become dangerous in winter weather. '.repeat(
        3,
      );
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Pontoons &amp; moorings to open',
      author: { '@type': 'Person', name: 'By Jo Trevail' },
      articleBody: body,
    })}</script></head><body><div id="root"></div></body></html>`;
    const page = extractArticle(html);
    expect(page.title).toBe('Pontoons & moorings to open');
    expect(page.author).toBe('Jo Trevail');
    expect(page.paragraphs[0]).toBe(
      'The harbour master said the new pontoons would open in March.',
    );
    expect(page.paragraphs[1]).toMatch(/^The work was delayed by storms\./);
  });
});

describe('extractArticle on hostile HTML', () => {
  const prose =
    '<p>The committee met on Tuesday to discuss the budget, the schedule, and the staffing of the new library, which opens next year.</p>';

  it('survives very deep nesting', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}${prose.repeat(3)}${'</div>'.repeat(depth)}</body></html>`;
    expect(extractArticle(html).paragraphs.join(' ')).toContain('The committee met on Tuesday');
  });

  it('survives a megabyte-long attribute and thousands of unclosed inline tags', () => {
    const attr = `<div class="${'x '.repeat(500_000)}">${prose.repeat(3)}</div>`;
    expect(extractArticle(`<html><body>${attr}</body></html>`).paragraphs).toHaveLength(3);
    const unclosed = `<html><body>${prose.repeat(3)}${'<b>'.repeat(50_000)}tail</body></html>`;
    expect(extractArticle(unclosed).paragraphs[0]).toMatch(/^The committee met on Tuesday/);
  });

  it('keeps only the start of a page beyond a megabyte of markup', () => {
    const page = extractArticle(`<html><body>${prose.repeat(20_000)}</body></html>`);
    expect(page.paragraphs.length).toBeGreaterThan(1000);
    expect(page.paragraphs.length).toBeLessThan(20_000);
  });

  it('survives unclosed tags, stray closers and an unterminated script', () => {
    const html = `<html><body><div><span><b>${prose.repeat(3)}</i></td></table><p>tail<script>var x = "</p><!-- open`;
    expect(extractArticle(html).paragraphs[0]).toMatch(/^The committee met on Tuesday/);
  });
});

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'article-extraction');

describe.skipIf(!existsSync(DATA))('extractArticle on real news pages', () => {
  it('recovers most of the human-extracted body on sample pages', () => {
    const truth = JSON.parse(readFileSync(join(DATA, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { url: string; articleBody: string }
    >;
    const words = (s: string): string[] => s.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const ids = Object.keys(truth).sort().slice(0, 12);
    let overlap = 0;
    for (const id of ids) {
      const html = decodeBytes(gunzipSync(readFileSync(join(DATA, 'html', `${id}.html.gz`))), {
        declared: 'html',
      });
      const got = new Set(words(extractArticle(html, truth[id]!.url).paragraphs.join(' ')));
      const want = words(truth[id]!.articleBody);
      overlap += want.filter((w) => got.has(w)).length / want.length;
    }
    expect(overlap / ids.length).toBeGreaterThan(0.9);
  });
});
