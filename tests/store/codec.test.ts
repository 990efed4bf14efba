import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/news/prepare.js';
import { decodeDoc, encodeDoc } from '../../src/store/codec.js';
import { SEED_TEXT } from '../support/articles.js';

const storedJson = (bytes: Buffer): { a: Record<string, unknown> } =>
  JSON.parse(brotliDecompressSync(bytes).toString('utf8')) as { a: Record<string, unknown> };

describe('stored document', () => {
  const seed = prepareArticle({ text: SEED_TEXT, source: 'RT' }, new Date('2026-01-02T00:00:00Z'));

  it('reads back the exact article and analysis, keeping the text once', () => {
    const bytes = encodeDoc(seed);
    expect(decodeDoc(bytes)).toEqual(seed);
    // The sentences rebuild the paragraphs, so the paragraphs are not stored a second time.
    expect(storedJson(bytes).a).not.toHaveProperty('paragraphs');
  });

  it('keeps the paragraphs when the sentences do not rebuild them', () => {
    const { article, analysis } = seed;
    // A paragraph the sentence splitter saw differently (an older analysis, say).
    const odd = {
      article,
      analysis: { ...analysis, sentences: analysis.sentences.map((s) => ` ${s}`) },
    };
    const bytes = encodeDoc(odd);
    expect(storedJson(bytes).a.paragraphs).toEqual(article.paragraphs);
    expect(decodeDoc(bytes).article.paragraphs).toEqual(article.paragraphs);
    // No sentence from the first paragraph (a heading the splitter dropped, say): a hole in
    // the rebuilt list, which must not pass for a match.
    const keep = analysis.paragraphOf.map((p) => p > 0);
    const hole = {
      article,
      analysis: {
        ...analysis,
        sentences: analysis.sentences.filter((_, i) => keep[i]),
        paragraphOf: analysis.paragraphOf.filter((_, i) => keep[i]),
      },
    };
    expect(decodeDoc(encodeDoc(hole)).article.paragraphs).toEqual(article.paragraphs);
  });
});
