/**
 * Greedy ORACLE-k: repeatedly add the sentence that most improves ROUGE-1 + ROUGE-2 F1 against
 * the reference, up to k sentences, stopping when nothing improves.
 */
import { rougeN, rougeTokens } from '../lib/rouge.js';

export function oracle(sentences: string[], reference: string[], k: number): number[] {
  const ref = reference.flatMap(rougeTokens);
  const tokens = sentences.map(rougeTokens);
  const chosen: number[] = [];
  let best = 0;
  while (chosen.length < k) {
    let pick = -1;
    for (let i = 0; i < sentences.length; i++) {
      if (chosen.includes(i)) continue;
      const cand = [...chosen, i].sort((a, b) => a - b).flatMap((j) => tokens[j] ?? []);
      const score = rougeN(ref, cand, 1) + rougeN(ref, cand, 2);
      if (score > best) {
        best = score;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
  }
  return chosen.sort((a, b) => a - b);
}
