/** LEAD-k: the first k sentences. */
export function lead(sentences: string[], k: number): number[] {
  return sentences.slice(0, k).map((_, i) => i);
}
