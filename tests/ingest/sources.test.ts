import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromRecord, readSources, type SourceItem } from '../../src/ingest/sources.js';

const FIX = 'tests/fixtures/ingest';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'newsbot-sources-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function collect(paths: string[], stdin?: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(paths, Readable.from(stdin ? [Buffer.from(stdin)] : [])))
    items.push(item);
  return items;
}

describe('readSources', () => {
  it('reads JSON lines, mapping common field names and reporting a bad line by file:line', async () => {
    const items = await collect([`${FIX}/mixed.jsonl`]);
    expect(items.map((i) => i.location)).toEqual([
      `${FIX}/mixed.jsonl:1`,
      `${FIX}/mixed.jsonl:2`,
      `${FIX}/mixed.jsonl:3`,
    ]);
    expect(items[0]).toMatchObject({ draft: { title: 'Harbour reopens after storm' } });
    expect(items[1]).toMatchObject({ error: expect.stringMatching(/^malformed JSON/) });
    expect(items[2]).toEqual({
      location: `${FIX}/mixed.jsonl:3`,
      draft: {
        title: 'Library extends opening hours',
        text: 'The central library will open until 10pm on weekdays from next month, the council said.',
        url: 'https://news.example.com/library?utm_source=rss',
        publishedAt: '2024-03-05',
        source: 'Example News',
        author: 'Jane Doe',
      },
    });
  });

  it('walks directories recursively, skipping unsupported files, extracting HTML pages', async () => {
    const items = await collect([`${FIX}/dir`]);
    expect(items.map((i) => i.location)).toEqual([
      `${FIX}/dir/nested/two.json:item 1`,
      `${FIX}/dir/nested/two.json:item 2`,
      `${FIX}/dir/page.html:1`,
    ]);
    const page = items[2]!;
    expect('draft' in page && page.draft.title).toMatch(/Bridge repairs finish early/);
    expect('draft' in page && page.draft.paragraphs?.[0]).toMatch(/^Repairs on the old river/);
    expect('draft' in page && page.draft.url).toBe('https://times.example.com/bridge-repairs');
  });

  it('reports an empty file, a binary file, a page without an article and a missing path', async () => {
    const binary = join(tmp, 'image.txt');
    await writeFile(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    const items = await collect([
      `${FIX}/empty.txt`,
      binary,
      `${FIX}/no-article.html`,
      join(tmp, 'missing.txt'),
    ]);
    expect(items.map((i) => ('error' in i ? i.error : 'ok'))).toEqual([
      'empty input: no article text',
      expect.stringMatching(/binary/),
      expect.stringMatching(/no article/i),
      'cannot read: ENOENT',
    ]);
  });

  it('decodes Latin-1 text', async () => {
    const [item] = await collect([`${FIX}/latin1.txt`]);
    expect(item && 'draft' in item && item.draft.text).toMatch(/^Café owners in São Paulo/);
  });

  it('reads stdin as text, JSON or JSON lines by its content', async () => {
    expect(await collect(['-'], 'Plain text article.')).toEqual([
      { location: 'stdin:1', draft: { text: 'Plain text article.' } },
    ]);
    const lines = await collect(
      ['-'],
      '{"title":"A","text":"One."}\n\n{"title":"B","text":"Two."}\n',
    );
    expect(lines.map((i) => i.location)).toEqual(['stdin:1', 'stdin:3']);
    const json = await collect(['-'], '{"title":"A",\n "text":"One."}');
    expect(json).toEqual([{ location: 'stdin:1', draft: { title: 'A', text: 'One.' } }]);
  });
});

describe('draftFromRecord', () => {
  it('maps the BBC dataset fields', () => {
    expect(
      draftFromRecord({
        id: 'business/001',
        category: 'business',
        title: 'T',
        article: 'A.\n\nB.',
      }),
    ).toEqual({ title: 'T', text: 'A.\n\nB.' });
  });

  it('takes paragraphs, nested source names, author lists and Unix times', () => {
    expect(
      draftFromRecord({
        paragraphs: ['One.', 'Two.'],
        source: { id: 'x', name: 'Wire' },
        authors: ['A. Writer', 'B. Writer'],
        date: 1700000000,
      }),
    ).toEqual({
      paragraphs: ['One.', 'Two.'],
      source: 'Wire',
      author: 'A. Writer, B. Writer',
      publishedAt: '2023-11-14T22:13:20.000Z',
    });
  });

  it('rejects records without text or of the wrong shape', () => {
    expect(() => draftFromRecord({ title: 'Only a title' })).toThrow(/no article text/);
    expect(() => draftFromRecord([1, 2])).toThrow(/expected a JSON object/);
    expect(() => draftFromRecord({ text: 'x', title: { a: 1 } })).toThrow(/title: expected text/);
  });
});
