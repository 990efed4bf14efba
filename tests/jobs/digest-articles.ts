/**
 * Test helper: stores real PolNeAR articles (re-dated) in an ArticleStore with the analysis
 * fields the digest reads, for digest command, CLI and runner tests.
 */
import { digestArticle, loadPolnear, type PolnearRow } from '../../bench/polnear.js';
import { articleId, contentHash } from '../../src/news/identity.js';
import type { ArticleStore } from '../../src/store/articles.js';

let rows: PolnearRow[] | undefined;

/** The first `count` articles of a month of the corpus. */
export function polnearSample(month: string, count: number): PolnearRow[] {
  rows ??= loadPolnear();
  return rows.filter((r) => r.date.startsWith(month)).slice(0, count);
}

/** Saves each row as published at `publishedAt(i)`; returns the stored ids. */
export async function storeArticles(
  store: ArticleStore,
  sample: PolnearRow[],
  publishedAt: (i: number) => Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, row] of sample.entries()) {
    const d = digestArticle(row);
    const paragraphs = d.sentences.length ? [d.sentences.join(' ')] : [row.title];
    const hash = contentHash(paragraphs);
    const url = `https://news.example.org/${row.publisher}/${i}`;
    const id = articleId({ url, contentHash: hash });
    await store.save(
      {
        id,
        title: row.title,
        url,
        source: row.publisher,
        publishedAt: publishedAt(i).toISOString(),
        paragraphs,
        ingestedAt: publishedAt(i).toISOString(),
        contentHash: hash,
      },
      {
        sentences: d.sentences,
        paragraphOf: d.sentences.map(() => 0),
        ranking: d.ranking,
        quotes: [],
        background: [],
        entities: [],
        keywords: [],
      },
    );
    ids.push(id);
  }
  return ids;
}
