/**
 * LexRank (Erkan & Radev 2004), as in sumy: tf-idf cosine similarity between sentences
 * (idf over the document's sentences), edges above 0.1, PageRank on the thresholded graph.
 */
import { terms } from '../../src/news/tokens.js';
import { pagerank, topK } from './pagerank.js';

const THRESHOLD = 0.1;

export function lexrank(sentences: string[], k: number): number[] {
  const lists = sentences.map((s) => terms(s));
  const n = lists.length;
  const df = new Map<string, number>();
  for (const list of lists) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = lists.map((list) => {
    const tf = new Map<string, number>();
    for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
    const max = Math.max(1, ...tf.values());
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (c / max) * Math.log(n / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [t, w] of v) v.set(t, norm > 0 ? w / norm : 0);
    return v;
  });
  const weights = vectors.map((a, i) =>
    vectors.map((b, j) => {
      if (i === j) return 0;
      let dot = 0;
      for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
      return dot > THRESHOLD ? 1 : 0;
    }),
  );
  return topK(pagerank(weights), k);
}
