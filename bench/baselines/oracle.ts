/**
 * Greedy ORACLE-k: repeatedly add the sentence that most improves ROUGE-1 + ROUGE-2 F1 against
 * the reference, up to k sentences, stopping when nothing improves. N-gram hits are updated
 * incrementally (bigrams are counted within sentences).
 */
import { rougeTokens } from '../lib/rouge.js';

type Counts = Map<string, number>;

function ngramCounts(tokens: string[], n: number): Counts {
  const out: Counts = new Map();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function total(c: Counts): number {
  let t = 0;
  for (const v of c.values()) t += v;
  return t;
}

function f1(hits: number, refTotal: number, candTotal: number): number {
  if (hits === 0) return 0;
  const p = hits / candTotal;
  const r = hits / refTotal;
  return (2 * p * r) / (p + r);
}

/** Hits gained by adding `add` to the candidate counts `cand`, against `ref`. */
function gain(ref: Counts, cand: Counts, add: Counts): number {
  let g = 0;
  for (const [gram, k] of add) {
    const r = ref.get(gram) ?? 0;
    if (r === 0) continue;
    const c = cand.get(gram) ?? 0;
    g += Math.min(c + k, r) - Math.min(c, r);
  }
  return g;
}

function merge(into: Counts, add: Counts): void {
  for (const [gram, k] of add) into.set(gram, (into.get(gram) ?? 0) + k);
}

export function oracle(sentences: string[], reference: string[], k: number): number[] {
  const refTokens = reference.map(rougeTokens);
  const ref1 = ngramCounts(refTokens.flat(), 1);
  const ref2 = ngramCounts(refTokens.flat(), 2);
  const ref1Total = total(ref1);
  const ref2Total = Math.max(1, total(ref2));
  const sent1 = sentences.map((s) => ngramCounts(rougeTokens(s), 1));
  const sent2 = sentences.map((s) => ngramCounts(rougeTokens(s), 2));
  const cand1: Counts = new Map();
  const cand2: Counts = new Map();
  let hits1 = 0;
  let hits2 = 0;
  let size1 = 0;
  let size2 = 0;
  let best = 0;
  const chosen: number[] = [];
  while (chosen.length < k) {
    let pick = -1;
    let pickGains: [number, number] = [0, 0];
    for (let i = 0; i < sentences.length; i++) {
      if (chosen.includes(i)) continue;
      const s1 = sent1[i] as Counts;
      const s2 = sent2[i] as Counts;
      const g1 = gain(ref1, cand1, s1);
      const g2 = gain(ref2, cand2, s2);
      const score =
        f1(hits1 + g1, ref1Total, size1 + total(s1)) + f1(hits2 + g2, ref2Total, size2 + total(s2));
      if (score > best) {
        best = score;
        pick = i;
        pickGains = [g1, g2];
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
    hits1 += pickGains[0];
    hits2 += pickGains[1];
    size1 += total(sent1[pick] as Counts);
    size2 += total(sent2[pick] as Counts);
    merge(cand1, sent1[pick] as Counts);
    merge(cand2, sent2[pick] as Counts);
  }
  return chosen.sort((a, b) => a - b);
}
