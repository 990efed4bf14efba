/**
 * ROUGE-1, ROUGE-2 and summary-level ROUGE-L F1, following Google's rouge-score package:
 * lower-case, non-[a-z0-9] characters as separators, Porter stemming of tokens longer than 3
 * characters, clipped n-gram counts, and for ROUGE-Lsum the union LCS of each reference
 * sentence against all candidate sentences with per-token hit clipping.
 */
import { stem, words } from '../../src/news/tokens.js';

export interface RougeScores {
  r1: number;
  r2: number;
  rL: number;
}

export function rougeTokens(text: string): string[] {
  return words(text).map((w) => (w.length > 3 ? stem(w) : w));
}

function counts(items: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}

function ngrams(tokens: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

function f1(hits: number, refTotal: number, candTotal: number): number {
  if (hits === 0 || refTotal === 0 || candTotal === 0) return 0;
  const p = hits / candTotal;
  const r = hits / refTotal;
  return (2 * p * r) / (p + r);
}

/** ROUGE-N F1 (0-1) of candidate tokens against reference tokens. */
export function rougeN(ref: string[], cand: string[], n: number): number {
  const r = counts(ngrams(ref, n));
  const c = counts(ngrams(cand, n));
  let hits = 0;
  for (const [g, k] of c) hits += Math.min(k, r.get(g) ?? 0);
  return f1(hits, Math.max(0, ref.length - n + 1), Math.max(0, cand.length - n + 1));
}

/** Indices into `ref` of one LCS of ref and cand (rouge-score's backtracking order). */
function lcsIndices(ref: string[], cand: string[]): number[] {
  const rows = ref.length + 1;
  const cols = cand.length + 1;
  const t = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      t[i * cols + j] =
        ref[i - 1] === cand[j - 1]
          ? (t[(i - 1) * cols + j - 1] ?? 0) + 1
          : Math.max(t[(i - 1) * cols + j] ?? 0, t[i * cols + j - 1] ?? 0);
    }
  }
  const out: number[] = [];
  let i = ref.length;
  let j = cand.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === cand[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if ((t[i * cols + j - 1] ?? 0) > (t[(i - 1) * cols + j] ?? 0)) {
      j--;
    } else {
      i--;
    }
  }
  return out.reverse();
}

function rougeLsum(refSents: string[][], candSents: string[][]): number {
  const m = refSents.reduce((s, x) => s + x.length, 0);
  const n = candSents.reduce((s, x) => s + x.length, 0);
  if (m === 0 || n === 0) return 0;
  const refCounts = counts(refSents.flat());
  const candCounts = counts(candSents.flat());
  let hits = 0;
  for (const r of refSents) {
    const union = new Set<number>();
    for (const c of candSents) for (const idx of lcsIndices(r, c)) union.add(idx);
    for (const idx of [...union].sort((a, b) => a - b)) {
      const tok = r[idx] as string;
      const rc = refCounts.get(tok) ?? 0;
      const cc = candCounts.get(tok) ?? 0;
      if (rc > 0 && cc > 0) {
        hits++;
        refCounts.set(tok, rc - 1);
        candCounts.set(tok, cc - 1);
      }
    }
  }
  return f1(hits, m, n);
}

/** ROUGE F1 scores (0-1) of candidate sentences against reference sentences. */
export function rouge(reference: string[], candidate: string[]): RougeScores {
  const refSents = reference.map(rougeTokens);
  const candSents = candidate.map(rougeTokens);
  const ref = refSents.flat();
  const cand = candSents.flat();
  return { r1: rougeN(ref, cand, 1), r2: rougeN(ref, cand, 2), rL: rougeLsum(refSents, candSents) };
}

/** Mean of per-item scores, x100. */
export function meanScores(scores: RougeScores[]): RougeScores {
  const total = scores.reduce((a, s) => ({ r1: a.r1 + s.r1, r2: a.r2 + s.r2, rL: a.rL + s.rL }), {
    r1: 0,
    r2: 0,
    rL: 0,
  });
  const k = scores.length === 0 ? 1 : scores.length / 100;
  return { r1: total.r1 / k, r2: total.r2 / k, rL: total.rL / k };
}
