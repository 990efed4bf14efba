/** PageRank over a weighted, undirected sentence graph (power iteration). */
export function pagerank(weights: number[][], damping = 0.85, iterations = 100): number[] {
  const n = weights.length;
  const outSum = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      const out = outSum[j] ?? 0;
      if (out === 0) continue;
      const share = (damping * (rank[j] ?? 0)) / out;
      const row = weights[j] ?? [];
      for (let i = 0; i < n; i++) {
        const w = row[i] ?? 0;
        if (w > 0) next[i] = (next[i] ?? 0) + share * w;
      }
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs((next[i] ?? 0) - (rank[i] ?? 0));
    rank = next;
    if (delta < 1e-6) break;
  }
  return rank;
}

/** Indices of the k best-ranked sentences, in article order. */
export function topK(scores: number[], k: number): number[] {
  return scores
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
}
