import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, NotAFeedError, parseFeed, parseFeedText } from '../../src/ingest/feed.js';
import { FEEDS_DIR } from '../support/http-fixture-server.js';

const fixture = (name: string) => readFileSync(join(FEEDS_DIR, name));
const at = (name: string) => ({ url: `https://feeds.example.org/${name}` });

describe('parseFeed on real feeds', () => {
  it('reads RSS 2.0 with every field (the Guardian)', async () => {
    const feed = await parseFeed(fixture('guardian.rss'), at('guardian.rss'));
    expect(feed.title).toBe('The Guardian');
    expect(feed.language).toBe('en-gb');
    expect(feed.entries).toHaveLength(55);
    const first = feed.entries[0]!;
    expect(first.title).toBe(
      'Trump State of the Union address promised unity but emphasized discord',
    );
    expect(first.url).toMatch(/^https:\/\/www\.theguardian\.com\/us-news\/2018\/jan\/31\//);
    expect(first.guid).toBe(first.url);
    expect(first.author).toBe('David Smith in Washington');
    expect(first.publishedAt).toBe('2018-01-31T07:26:05.000Z');
    expect(first.paragraphs[1]).toMatch(/^Donald Trump has promised a “new American moment”/);
    expect(first.paragraphs.join(' ')).not.toMatch(/<p>|&lt;/);
    expect(first.teaser).toBe(true);
  });

  it('prefers content:encoded over the description (full article, not a teaser)', async () => {
    const feed = await parseFeed(fixture('content-encoded.rss'), at('content-encoded.rss'));
    const first = feed.entries[0]!;
    expect(first.title).toBe('THE CREATIVE FORAGER');
    expect(first.author).toBe('Jeremy Puma');
    expect(first.paragraphs.length).toBeGreaterThan(10);
    expect(first.paragraphs[1]).toBe(
      'HEY, YOU! YES, YOU WITH THE EYEBALLS! GO OUTSIDE AND EAT SOME WILD FOODS!',
    );
    expect(first.teaser).toBe(false);
  });

  it('decodes a feed declared ISO-8859-1', async () => {
    const feed = await parseFeed(fixture('encoding.rss'), at('encoding.rss'));
    expect(feed.title).toBe('Jornal de Notícias - Últimas Notícias');
    expect(feed.entries[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
    expect(feed.entries[0]!.paragraphs[0]).toMatch(/^Sónia Laygue, profissional na área/);
  });

  it('decodes an undeclared Latin-1 feed from the charset the server sends', async () => {
    const feed = await parseFeed(fixture('uolNoticias.rss'), {
      ...at('uol.rss'),
      contentType: 'text/xml; charset=ISO-8859-1',
    });
    expect(feed.title).toBe('UOL Noticias');
    expect(feed.entries[0]!.title).toMatch(/simulações de 2º turno$/);
  });

  it('reads RSS 0.92 and RSS 1.0 (RDF)', async () => {
    const old = await parseFeed(fixture('heraldsun.rss'), at('heraldsun.rss'));
    expect(old.entries.map((e) => e.title)).toEqual(['The First Item', 'The Second Item']);
    const rdf = await parseFeed(fixture('rss-1.rss'), at('rss-1.rss'));
    expect(rdf.entries.length).toBeGreaterThan(50);
    expect(rdf.entries[0]).toMatchObject({ title: 'Food for fungi', author: 'Hines, P. J.' });
    expect(rdf.entries[0]!.publishedAt).toBe('2017-06-15T17:29:47.000Z');
  });

  it('reads Atom with published dates and alternate links', async () => {
    const feed = await parseFeed(fixture('heise.atom'), at('heise.atom'));
    expect(feed.title).toBe('heise developer neueste Meldungen');
    const e = feed.entries[0]!;
    expect(e.guid).toBe('http://heise.de/-3088438');
    expect(e.url).toMatch(/^http:\/\/www\.heise\.de\/developer\/meldung\//);
    expect(e.publishedAt).toBe('2016-02-01T16:22:00.000Z');
    expect(e.paragraphs[0]).toMatch(/^Die nun verfügbare Version 10/);
  });

  it('tolerates entries with missing fields', async () => {
    const missing = await parseFeed(fixture('missing-fields.atom'), at('missing.atom'));
    expect(missing.entries).toEqual([
      { guid: 'tag:github.com,2008:Repository/11167738/v3.9.0', paragraphs: [], teaser: true },
    ]);
    const incomplete = await parseFeed(fixture('incomplete-fields.atom'), at('incomplete.atom'));
    expect(incomplete.entries).toHaveLength(1);
    expect(incomplete.entries[0]!.guid).toMatch(/^sha256:/);
  });
});

describe('links and detection', () => {
  it('resolves relative links against the feed URL', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>/</link>
      <item><title>A</title><link>/news/a.html</link><description>Text</description></item>
      <item><title>B</title><link>javascript:alert(1)</link></item></channel></rss>`;
    const feed = await parseFeedText(xml, 'https://site.example/feeds/all.xml');
    expect(feed.link).toBe('https://site.example/');
    expect(feed.entries[0]!.url).toBe('https://site.example/news/a.html');
    expect(feed.entries[1]!.url).toBeUndefined();
  });

  it('tells feeds from web pages and refuses non-feeds with a reason', async () => {
    expect(looksLikeFeed(fixture('rss-1.rss').toString())).toBe(true);
    expect(looksLikeFeed('<?xml version="1.0"?>\n<!-- x --><feed xmlns="...">')).toBe(true);
    expect(looksLikeFeed('<!DOCTYPE html><html><body><p>rss</p></body></html>')).toBe(false);
    await expect(parseFeedText('<html><body>hello</body></html>')).rejects.toThrow(NotAFeedError);
    await expect(parseFeedText('<rss version="2.0"><channel><item>')).rejects.toThrow(
      /not an RSS or Atom feed/,
    );
  });
});
