/**
 * Key quotes: every direct quotation in an article with its speaker resolved to a name.
 *
 * Quotation marks are paired per paragraph (curly and straight); a paragraph that leaves a quote
 * open and a next paragraph that opens with a quote mark make one quotation. Scare quotes (a
 * short term in marks, "“maximum pressure” sanctions") are dropped. The speaker comes from the
 * attribution next to the quote ("X said", "said X", "according to X", "..., he said", "X
 * stressed that ... “...”", "..., saying “...”", "Here’s X in 1994: “...”", "X’s remark that
 * “...”", an aside "Y, X said, had ... “...”"), or the quote before it in the paragraph (or, for
 * a paragraph's opening quotes, the name attributing its next quote, an attribution ending the
 * paragraph before at a colon ("He told the crowd: ⏎ “...”"), or a signature line after the
 * paragraph: "“...” ⏎ - Jane Roe, Ohio."); the
 * attribution's noun phrase is resolved to a name: names via the who's-who, pronouns to the
 * nearest earlier person of a compatible gender, role nouns ("the Iraqi PM") to the person the
 * article described that way. Pure and linear in the text length.
 *
 * The parts, each depending only on those before it: `quote-marks.ts` (paragraphs of tokens,
 * pairing quotation marks, scare quotes); `quote-phrases.ts`, `quote-documents.ts` and
 * `quote-subjects.ts` (reading who a phrase names: names, pronouns and roles; outlets and
 * documents; the subject of a verb or sentence); `quote-resolver.ts` (resolving a phrase to a
 * person); `quote-cue.ts` with `quote-cue-after.ts`, `quote-cue-before.ts` and
 * `quote-cue-elsewhere.ts` (finding the attribution of a quote). This file walks the quotes and
 * picks each one's speaker.
 */
import type { Entity, Quote } from './article.js';
import {
  buildParagraphs,
  cleanText,
  isTerm,
  pairMarks,
  sliceText,
  type Paragraph,
  type Span,
} from './quote-marks.js';
import { sentenceSubject } from './quote-subjects.js';
import { Resolver } from './quote-resolver.js';
import { cueAfter } from './quote-cue-after.js';
import { cueBefore } from './quote-cue-before.js';
import type { Cue } from './quote-cue.js';
import {
  asideSpeaker,
  documentCue,
  namedLater,
  signatureLine,
  transcriptLabel,
} from './quote-cue-elsewhere.js';

export interface QuoteInput {
  sentences: string[];
  paragraphOf: number[];
  entities: Entity[];
}

/** Every direct quotation of the article, in order, with its resolved speaker. */
export function findQuotes({ sentences, paragraphOf, entities }: QuoteInput): Quote[] {
  const paragraphs = buildParagraphs(sentences, paragraphOf);
  const spansOf = paragraphs.map((para, p) => pairMarks(para, p));
  // Continuations: an open quote at a paragraph's end, and the next paragraph opens with a mark.
  for (let p = 0; p + 1 < spansOf.length; p++) {
    const last = spansOf[p]?.at(-1);
    const next = spansOf[p + 1]?.[0];
    const para = paragraphs[p];
    if (
      last !== undefined &&
      next !== undefined &&
      para !== undefined &&
      last.close === para.tokens.length &&
      next.open === 0
    ) {
      next.continues = true;
    }
  }
  const inside = spansOf.map((spans, p) => {
    const mask = new Uint8Array(paragraphs[p]?.tokens.length ?? 0);
    for (const s of spans) mask.fill(1, s.open, s.close + 1);
    return mask;
  });
  const resolver = new Resolver(paragraphs, entities, (p, k) => inside[p]?.[k] === 1, sentences);

  const quotes: Quote[] = [];
  let previous: { quote: Quote; para: number } | null = null;
  spansOf.forEach((spans, p) => {
    const para = paragraphs[p];
    if (para === undefined) return;
    let prevClose = -1;
    let paraSpeaker: string | null = null;
    let sentenceSpeaker: string | null = null;
    let speakerSentence = -1;
    let signed: string | null | undefined;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      if (span === undefined) continue;
      const text = cleanText(sliceText(para, span));
      const floorSentence = para.sentence[span.open];
      let floor = prevClose + 1;
      while (floor < span.open && para.sentence[floor] !== floorSentence) floor++;
      prevClose = span.close;
      const term = !span.continues && isTerm(para, span);
      const after = term ? null : cueAfter(para, span, resolver);
      const before =
        term || (after !== null && after.crossed !== true && after.clause !== true)
          ? null
          : cueBefore(para, span, floor, resolver);
      const weakAfter = after?.crossed === true || after?.clause === true;
      const cue = before?.phrase != null && weakAfter ? before : (after ?? before);
      const sentence = para.sentence[span.open] ?? 0;
      // "“...,” Clinton responded, remarking that ... “...”": the clause's speaker goes on.
      const sameSentence: string | null =
        speakerSentence === sentence || speakerSentence === sentence - 1 ? sentenceSpeaker : null;
      let speaker: string | null =
        cue?.continued === true && sameSentence !== null
          ? sameSentence
          : cue?.phrase
            ? resolver.resolve(cue.phrase, cue.pos)
            : null;
      // A transcript line: "“PENCE: Well, the question really should be ...”".
      const label = transcriptLabel(para, span);
      if (span.continues && label === null && previous !== null && previous.para === p - 1) {
        previous.quote.text = cleanText(`${previous.quote.text} ${text}`);
        previous.quote.speaker ??= speaker;
        paraSpeaker = previous.quote.speaker;
        if (paraSpeaker !== null) resolver.addSpeaker(para.base, paraSpeaker);
        continue;
      }
      if (term || text === '') continue;
      if (label !== null)
        speaker = resolver.resolve(label, para.base + (para.tokens[span.open]?.start ?? 0));
      // "..., a top aide said": a source that names nobody stands for a document brought up in
      // the sentence ("In a Gazette poll, 60 percent of voters said"), else the last named source.
      if (speaker === null && cue?.phrase != null) {
        const doc = documentCue(para, span.open, floor, resolver, false);
        if (doc?.phrase != null) speaker = resolver.resolve(doc.phrase, doc.pos);
        speaker ??= resolver.lastQuoted(para.base + (para.tokens[span.open]?.start ?? 0));
      }
      if (speaker === null) {
        // No attribution of its own: the sentence's subject ("Rubio called it “...”"), the
        // paragraph's speaker, or the speaker the article last named ("X said:" before it).
        const pos = para.base + (para.tokens[span.open]?.start ?? 0);
        const doc = span.open > floor ? documentCue(para, span.open, floor, resolver) : null;
        if (doc?.phrase != null) speaker = resolver.resolve(doc.phrase, doc.pos);
        if (speaker === null && span.open > floor) {
          // "Joe Roe, Smith said, had served “...”": the aside's speaker, not the subject.
          const subject =
            asideSpeaker(para, span.open, resolver) ??
            sentenceSubject(
              para,
              span.open,
              resolver,
              false,
              runOnStart(spans[i - 1], para, floor),
            );
          if (subject !== null) speaker = resolver.resolve(subject, pos);
        }
        // "In a Gazette poll, most said “...”": no subject to name, the document's issuer.
        const named =
          speaker === null ? documentCue(para, span.open, floor, resolver, false) : null;
        if (named?.phrase != null) speaker = resolver.resolve(named.phrase, named.pos);
        speaker ??= paraSpeaker ?? namedLater(para, spans[i + 1], resolver);
        // "The party issued a statement. “We apologise ...”": the document just brought up.
        if (speaker === null && span.open <= floor && i === 0) {
          const doc = documentBefore(paragraphs, spansOf, p, span.open, resolver);
          if (doc?.phrase != null) speaker = resolver.resolve(doc.phrase, doc.pos);
        }
        // "He told his audience: ⏎ “...”": the previous paragraph ends introducing the quote.
        if (speaker === null && span.open === 0 && i === 0) {
          const intro = introducedBefore(paragraphs[p - 1], resolver);
          if (intro?.phrase != null) speaker = resolver.resolve(intro.phrase, intro.pos);
        }
        if (speaker === null && signed === undefined)
          signed = signer(paragraphs[p + 1], spans.at(-1)?.close ?? 0, para, resolver);
        speaker ??= signed ?? resolver.lastSpeaker(pos);
      }
      const quote: Quote = { text, speaker, index: sentence };
      quotes.push(quote);
      previous = { quote, para: p };
      if (speaker !== null) {
        paraSpeaker = speaker;
        sentenceSpeaker = speaker;
        speakerSentence = sentence;
        resolver.addSpeaker(para.base + (para.tokens[span.open]?.start ?? 0), speaker);
      }
    }
  });
  return quotes;
}

/**
 * Where a sentence's subject may start when the quote before it opens the sentence and a
 * capitalised word follows it, a sentence run on from the quote: past that quote ("“I love
 * tacos!”Jane Roe told a paper: “...”"), else 0.
 */
function runOnStart(prev: Span | undefined, para: Paragraph, floor: number): number {
  if (prev === undefined || prev.close + 1 !== floor || para.tokens[floor]?.cap !== true) return 0;
  const s = para.sentence[floor];
  return para.sentence[prev.open - 1] !== s ? floor : 0;
}

/**
 * “We will win.” ⏎ - Jane Roe, Dayton. — the name on the line after a paragraph that ends with
 * a quote signs its unattributed quotes. `close` is where the paragraph's last quote closes.
 */
function signer(
  next: Paragraph | undefined,
  close: number,
  para: Paragraph,
  resolver: Resolver,
): string | null {
  if (next === undefined || close < para.tokens.length - 1) return null;
  const phrase = signatureLine(next, resolver, close === para.tokens.length);
  return phrase === null ? null : resolver.resolve(phrase, next.base);
}

/**
 * The document brought up in the sentence just before a quote that opens its sentence (in the
 * quote's paragraph or, for a paragraph's opening quote, the previous one), when no quote stands
 * in that sentence: "The party issued a statement. “We apologise ...”".
 */
function documentBefore(
  paragraphs: readonly Paragraph[],
  spansOf: readonly (readonly Span[])[],
  p: number,
  open: number,
  resolver: Resolver,
): ReturnType<typeof documentCue> {
  const q = open > 0 ? p : p - 1;
  const para = paragraphs[q];
  if (para === undefined) return null;
  const end = open > 0 ? open : para.tokens.length;
  const s = para.sentence[end - 1];
  let start = end;
  while (start > 0 && para.sentence[start - 1] === s) start--;
  const last = (spansOf[q] ?? []).filter((span) => span.open < end).at(-1);
  if (last !== undefined && last.close >= start) return null;
  const cue = documentCue(para, end, start, resolver, false);
  return cue !== null && issued(para, cue.k) ? cue : null;
}

/**
 * The attribution ending a paragraph at a colon ("In a 1963 speech, he declared:"), read as a
 * cue before a quote standing just after it.
 */
function introducedBefore(para: Paragraph | undefined, resolver: Resolver): Cue | null {
  const end = para?.tokens.length ?? 0;
  if (para === undefined || para.tokens[end - 1]?.text !== ':') return null;
  let start = end - 1;
  while (start > 0 && para.sentence[start - 1] === para.sentence[end - 1]) start--;
  const span: Span = { para: -1, open: end, close: end, continues: false };
  return cueBefore(para, span, start, resolver);
}

/** Verbs that put a document out: "issued a statement", "sent out a letter". */
const ISSUE_VERBS = new Set('issued released sent posted published put'.split(' '));

/** The document at `k` is the object of a verb that put it out ("released a short statement"). */
function issued(para: Paragraph, k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    if (ISSUE_VERBS.has(para.tokens[j]?.lower ?? '')) return true;
  }
  return false;
}
