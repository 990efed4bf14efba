/**
 * TextRank (Mihalcea & Tarau 2004): sentence similarity = shared content words /
 * (log |Si| + log |Sj|) over stemmed, stopword-free terms; PageRank with d = 0.85 (as in the
 * paper and the `summa` package). The lower figures (BBC 76.9, CNN/DM 31.4) match sumy's
 * TextRankSummarizer, which departs from the paper: it counts shared words with multiplicity and
 * gives every sentence a self-loop (its similarity to itself), which favours long sentences
 * regardless of the rest of the article (measured here: BBC 77.5, CNN/DM 31.1 R-1).
 */
import { terms } from '../../src/news/tokens.js';
import { pagerank, topK } from './pagerank.js';

export function textrank(sentences: string[], k: number): number[] {
  const sets = sentences.map((s) => terms(s));
  const weights = sets.map((a, i) =>
    sets.map((b, j) => {
      if (i === j || a.length < 2 || b.length < 2) return 0;
      const bs = new Set(b);
      const shared = new Set(a.filter((t) => bs.has(t))).size;
      return shared / (Math.log(a.length) + Math.log(b.length));
    }),
  );
  return topK(pagerank(weights), k);
}
