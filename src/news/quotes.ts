/**
 * Key quotes: every direct quotation in an article with its speaker resolved to a name.
 *
 * Quotation marks are paired per paragraph (curly and straight); a paragraph that leaves a quote
 * open and a next paragraph that opens with a quote mark make one quotation. Scare quotes (a
 * short term in marks, "“maximum pressure” sanctions") are dropped. The speaker comes from the
 * attribution next to the quote ("X said", "said X", "according to X", "..., he said", "X
 * stressed that ... “...”", "..., saying “...”"), or the quote before it in the paragraph (or,
 * for a paragraph's opening quotes, the name attributing its next quote); the
 * attribution's noun phrase is resolved to a name: names via the who's-who, pronouns to the
 * nearest earlier person of a compatible gender, role nouns ("the Iraqi PM") to the person the
 * article described that way. Pure and linear in the text length.
 */
import type { Entity, Quote } from './article.js';
import { matchEntity } from './entities.js';
import {
  HONORIFICS,
  PRONOUN_GENDER,
  canonicalRole,
  endsInRole,
  givenNameGender,
  isOrgWord,
  isPartyTag,
  isNameToken,
  isPlaceName,
  lowercaseWords,
  isRoleModifier,
  isRoleWord,
  nameRuns,
  nameText,
  roleGender,
  splitRun,
  surnameKey,
  tokenizeCached,
  type Token,
} from './names.js';
import { SPEECH_FINITE, SPEECH_PARTICIPLE, isPhrasalSpeech, isSpeechVerb } from './speech-verbs.js';

export interface QuoteInput {
  sentences: string[];
  paragraphOf: number[];
  entities: Entity[];
}

type Gender = 'm' | 'f' | null;

interface Paragraph {
  tokens: Token[];
  /** Sentence index of each token. */
  sentence: number[];
  text: string;
  /** Global offset of the paragraph start (orders positions across paragraphs). */
  base: number;
}

interface Span {
  para: number;
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or tokens.length when the paragraph ends first. */
  close: number;
  /** The span continues a quotation left open by the previous paragraph. */
  continues: boolean;
}

/** Who an attribution names before resolution. */
type Phrase =
  | { kind: 'name'; name: string; gender: Gender; outlet?: boolean }
  | { kind: 'pronoun'; word: string }
  | { kind: 'role'; words: string[]; definite: boolean; inner: string | null };

interface Mention {
  pos: number;
  name: string;
  /** Named as the speaker of a direct quotation. */
  quoted?: boolean;
  /** Named as the subject of a speech verb ("Cruz admitted"). */
  spoke?: boolean;
}

const OPEN_ONLY = new Set(['“', '«', '„']);
const CLOSE_ONLY = new Set(['”', '»']);
const SKIPPABLE = new Set(
  (
    'also has have had was were is would will could later then further again once previously ' +
    'recently repeatedly reportedly simply just earlier quickly flatly privately publicly often ' +
    'famously bluntly openly explicitly even still already not never'
  ).split(' '),
);
const DETERMINERS = new Set('the a an this that his her its their one another'.split(' '));
/** Words that open a sentence with a phrase before its subject ("Following the talks, ..."). */
const LEADERS = new Set(
  (
    'following during after before in on at while when as since despite although though but and ' +
    'yet still meanwhile however earlier later last speaking asked with for from by under like ' +
    'unlike if because instead then now today also so among amid across throughout once early ' +
    'shortly within upon'
  ).split(' '),
);
/** Linking adverbs that may stand right before a sentence's subject ("But Cruz said"). */
const LINKERS = new Set('meanwhile however yet still but and also so then now instead'.split(' '));
/** Marks before a short quote that make it a term, not speech: "the so-called “snapback”". */
const TERM_MARKERS = new Set(
  'so-called called dubbed termed term word phrase slogan label nicknamed known'.split(' '),
);
/** Quotes this short need their own punctuation to count as speech (“in all areas,”). */
const SHORT_QUOTE_WORDS = 3;
/** Small words allowed inside a Title Case name of a show or book. */
const TITLE_SMALL_WORDS = new Set('of the and a an in on for to at by from with is or'.split(' '));
const MAX_NP = 12;
/** Longer capitalised runs are headlines or titles, not people's names. */
const MAX_NAME_WORDS = 4;
/** Verbs of opinion that also make their subject the current source ("Cruz believes ..."). */
const STANCE_VERBS = new Set(
  (
    'believes believed thinks thought wants wanted hopes hoped accused accuses called calls ' +
    'criticized criticised praised blamed blames denied denies described questioned urged ' +
    'pledged promised vowed acknowledged admitted expects expected feels felt knows knew ' +
    'agreed agrees disagreed defended defends attacked attacks slammed blasted dismissed'
  ).split(' '),
);
/** Stance verbs of thought, not of speech: their subject need not have said the quote. */
const MENTAL_VERBS = new Set(
  'believes believed thinks thought wants wanted hopes hoped expects expected feels felt knows knew'.split(
    ' ',
  ),
);
/** Speech verbs whose object is the listener ("X told Fox News: “...”"): never the speaker. */
const ADDRESS_VERBS = new Set('told tells tell'.split(' '));
/** Time words that may stand between a subject and its verb ("Priebus on Thursday told"). */
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight on'.split(' '),
);
/** Conjunctions that open a new clause after a comma ("“...,” and Trump vowed"). */
const CLAUSE_CONJUNCTIONS = new Set('and but while whereas yet'.split(' '));
/** Characters after which a role's last named holder is no longer the likely referent. */
const STALE = 500;
/** How many earlier speakers or mentions an antecedent search looks at. */
const LOOKBACK = 200;

/** Words before a noun, never before a verb: "the remarks", "his claims", "her tweets". */
const NOUN_MARKERS = new Set('the a an his her its their our my your these those'.split(' '));

/**
 * A finite speech verb at `v`, not the noun of the same spelling: after a possessive or an
 * article the word is a noun ("Calderon’s remarks", "the claims"), and its owner said nothing here.
 */
function isFiniteSpeechAt(tokens: readonly Token[], v: number): boolean {
  const t = tokens[v];
  if (t === undefined || !SPEECH_FINITE.has(t.lower)) return false;
  const before = tokens[v - 1];
  return before === undefined || !(before.possessive || NOUN_MARKERS.has(before.lower));
}

function isTimeWord(t: Token | undefined): boolean {
  return t !== undefined && TIME_WORDS.has(t.lower);
}

function hasLetter(t: Token): boolean {
  return /\p{L}/u.test(t.text);
}

function buildParagraphs(
  sentences: readonly string[],
  paragraphOf: readonly number[],
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let base = 0;
  sentences.forEach((s, i) => {
    const p = paragraphOf[i] ?? 0;
    let para = paragraphs[paragraphs.length - 1];
    if (para === undefined || paragraphs.length - 1 !== p) {
      while (paragraphs.length <= p) {
        para = { tokens: [], sentence: [], text: '', base };
        paragraphs.push(para);
      }
    }
    if (para === undefined) return;
    const offset = para.text === '' ? 0 : para.text.length + 1;
    para.text = para.text === '' ? s : `${para.text} ${s}`;
    for (const t of tokenizeCached(s)) {
      para.tokens.push(offset === 0 ? t : { ...t, start: t.start + offset, end: t.end + offset });
      para.sentence.push(i);
    }
    base += s.length + 1;
  });
  return paragraphs;
}

/** Pairs the quotation marks of one paragraph. */
function pairMarks(para: Paragraph, p: number): Span[] {
  const spans: Span[] = [];
  const { tokens, text } = para;
  let open = -1;
  let openMark = '';
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    const mark = t.text;
    if (mark !== '"' && !OPEN_ONLY.has(mark) && !CLOSE_ONLY.has(mark)) continue;
    const spaceBefore = t.start === 0 || /\s/.test(text[t.start - 1] ?? ' ');
    const spaceAfter = t.end >= text.length || /[\s,.;:!?)]/.test(text[t.end] ?? ' ');
    if (open < 0) {
      const opens = mark === '"' || OPEN_ONLY.has(mark) || (spaceBefore && !spaceAfter);
      if (opens) {
        open = k;
        openMark = mark;
      }
      continue;
    }
    // A “ that ends a word is a mistyped ”.
    const straight = openMark === '"';
    // Mixed marks (“...," / "...”) close each other when attached to the quote's last word.
    const closes = straight
      ? mark === '"' || CLOSE_ONLY.has(mark)
      : CLOSE_ONLY.has(mark) ||
        ((OPEN_ONLY.has(mark) || mark === '"') && !spaceBefore && spaceAfter);
    if (closes) {
      spans.push({ para: p, open, close: k, continues: false });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ para: p, open, close: tokens.length, continues: false });
  return spans;
}

function sliceText(para: Paragraph, span: Span): string {
  const first = para.tokens[span.open + 1];
  const last = para.tokens[span.close - 1];
  if (first === undefined || last === undefined || span.close <= span.open + 1) return '';
  return para.text.slice(first.start, last.end);
}

/** Words of a span (tokens with letters). */
function wordCount(para: Paragraph, span: Span): number {
  let n = 0;
  for (let k = span.open + 1; k < span.close; k++) {
    const t = para.tokens[k];
    if (t !== undefined && hasLetter(t)) n++;
  }
  return n;
}

/** A scare quote or a title: a short term, or Title Case words, that nobody is quoted saying. */
function isTerm(para: Paragraph, span: Span): boolean {
  const before = para.tokens[span.open - 1];
  if (
    before !== undefined &&
    (before.lower === 'so-called' || (TERM_MARKERS.has(before.lower) && span.close - span.open < 6))
  ) {
    return true;
  }
  const n = wordCount(para, span);
  const last = para.tokens[span.close - 1];
  const ownPunctuation = last !== undefined && /^[,.!?…]$/.test(last.text);
  if (n < SHORT_QUOTE_WORDS && !ownPunctuation) return true;
  if (n === SHORT_QUOTE_WORDS && !ownPunctuation) {
    // "a “weapons of mass destruction” claim": a term used as a modifier.
    const after = para.tokens[span.close + 1];
    const modifier =
      after !== undefined && /^\p{Ll}/u.test(after.text) && !isSpeechVerb(after.lower);
    if (before !== undefined && DETERMINERS.has(before.lower) && modifier) return true;
  }
  // Title Case: the name of a programme, book or slogan ("Meet the Press.", "Fox News Sunday").
  if (n >= 2 && n <= 8) {
    let titled = true;
    for (let k = span.open + 1; k < span.close && titled; k++) {
      const t = para.tokens[k];
      if (t === undefined) continue;
      if (!hasLetter(t)) titled = k === span.close - 1 && /^[.,]$/.test(t.text);
      else titled = t.cap || TITLE_SMALL_WORDS.has(t.lower);
    }
    if (titled && para.tokens[span.open + 1]?.cap === true) return true;
  }
  return n === 0;
}

function cleanText(text: string): string {
  return text.replace(/[\s,;:–—-]+$/u, '').replace(/^[\s…]+/u, '');
}

/** Surnames that several people of the article share ("Bill" and "Hillary Clinton"). */
function sharedSurnames(entities: readonly Entity[]): string[] {
  const people = new Map<string, number>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const key = surnameKey(e.name);
    people.set(key, (people.get(key) ?? 0) + 1);
  }
  return [...people].filter(([, n]) => n > 1).map(([key]) => key);
}

/** A person with the article's description of them, padded with spaces for word lookups. */
interface DescribedPerson {
  name: string;
  desc: string;
  /** The description names a place ("former New York governor"). */
  placed: boolean;
}

/** Article-wide facts the resolver needs: person mentions in order and their genders. */
class Resolver {
  private readonly mentions: Mention[] = [];
  private readonly gender = new Map<string, Gender>();
  /** Named subjects of speech verbs ("Rendell said", "the Iraqi PM insisted"), in text order. */
  private readonly speakers: Mention[] = [];
  /** Speakers of the quotes resolved so far (positions ascending). */
  private readonly quoteSpeakers: Mention[] = [];
  /** Mention positions per name, ascending. */
  private readonly mentionsOf = new Map<string, number[]>();
  /** Words the article also writes in lower case (capitalised only at sentence starts). */
  readonly lower: ReadonlySet<string>;
  /** Full-name mentions per surname that several people share ("Bill"/"Hillary Clinton"). */
  private readonly namesakes = new Map<string, Mention[]>();
  private described: DescribedPerson[] | undefined;

  constructor(
    private readonly paragraphs: Paragraph[],
    private readonly entities: readonly Entity[],
    insideQuote: (p: number, k: number) => boolean,
    sentences: readonly string[],
  ) {
    this.lower = lowercaseWords(sentences);
    for (const key of sharedSurnames(entities)) this.namesakes.set(key, []);
    for (const e of entities) {
      // A known given name outweighs the role ("spokesman Hope Hicks").
      const given = e.name.includes(' ') ? givenNameGender(e.name.split(' ')[0] ?? '') : null;
      if (given !== null) this.gender.set(e.name, given);
      else if (e.kind === 'person' && e.description !== null) {
        for (const w of e.description.toLowerCase().split(/\s+/)) {
          const g = roleGender(w);
          if (g !== null) this.gender.set(e.name, g);
        }
      }
    }
    paragraphs.forEach((para, p) => {
      const { tokens } = para;
      for (const [a, b] of nameRuns(tokens)) {
        if (insideQuote(p, a)) continue;
        const split = splitRun(tokens, a, b);
        if (split.nameStart >= b) continue;
        const pos = para.base + (tokens[a]?.start ?? 0);
        const entity = this.entityFor(nameText(tokens, split.nameStart, b), pos);
        if (entity === undefined || entity.kind !== 'person') continue;
        this.mentions.push({ pos, name: entity.name });
        if (b - split.nameStart > 1)
          this.namesakes.get(surnameKey(entity.name))?.push({ pos, name: entity.name });
        if (split.gender !== null) this.gender.set(entity.name, split.gender);
      }
      // Role nouns used as references: "the ayatollah", "the Iraqi PM".
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        if (t === undefined || !isRoleWord(t.lower) || insideQuote(p, k)) continue;
        const next = tokens[k + 1];
        if (next !== undefined && isNameToken(next)) continue;
        const phrase = this.rolePhraseEndingAt(tokens, k);
        if (phrase === null || !phrase.definite) continue;
        const name = this.byRole(phrase.words, para.base + t.start);
        if (name !== null) this.mentions.push({ pos: para.base + t.start, name });
      }
    });
    this.mentions.sort((x, y) => x.pos - y.pos);
    for (const m of this.mentions) {
      const list = this.mentionsOf.get(m.name);
      if (list === undefined) this.mentionsOf.set(m.name, [m.pos]);
      else list.push(m.pos);
    }
    this.collectSpeakers(insideQuote);
    this.speakers.sort((x, y) => x.pos - y.pos);
  }

  /** Every "X said" / "said X" outside quotations, resolved in order. */
  private collectSpeakers(insideQuote: (p: number, k: number) => boolean): void {
    this.paragraphs.forEach((para, p) => {
      const { tokens } = para;
      // Start of the unquoted run of v's sentence that ends at v (kept as v moves: linear time).
      let floor = 0;
      for (let v = 0; v < tokens.length; v++) {
        if (v > 0 && (para.sentence[v - 1] !== para.sentence[v] || insideQuote(p, v - 1)))
          floor = v;
        const t = tokens[v];
        if (
          t === undefined ||
          !(isFiniteSpeechAt(tokens, v) || STANCE_VERBS.has(t.lower)) ||
          insideQuote(p, v)
        )
          continue;
        let phrase = subjectBefore(tokens, v, floor, this);
        if (phrase === null && (insideQuote(p, v - 1) || tokens[v - 1]?.text === ',')) {
          let end = v + 1;
          while (
            end < tokens.length &&
            end - v < MAX_NP &&
            !/^[,.;:“”"]$/.test(tokens[end]?.text ?? '.')
          )
            end++;
          phrase = phraseAt(tokens, v + 1, end, this);
        }
        if (phrase === null || phrase.kind === 'pronoun') continue;
        const pos = para.base + t.start;
        const name = this.resolve(phrase, pos);
        if (name !== null) this.speakers.push({ pos, name, spoke: !afterArticle(tokens, v) });
      }
      // Sentence subjects count too: "Calderon intimated ... “...,” he said."
      for (let k = 0; k < tokens.length; k++) {
        // A sentence that starts inside a quotation ("“...? Trump is ...,” he said") has no
        // subject of the article's own.
        if ((k > 0 && para.sentence[k - 1] === para.sentence[k]) || insideQuote(p, k)) continue;
        const subject = sentenceSubject(para, k, this, true);
        if (subject === null || subject.kind === 'pronoun') continue;
        const pos = para.base + (tokens[k]?.start ?? 0);
        const name = this.resolve(subject, pos);
        if (name !== null && this.isPerson(name)) this.speakers.push({ pos, name });
      }
    });
  }

  /**
   * The entity a name stands for; a surname several people share ("Clinton") stands for the one
   * last mentioned by full name.
   */
  private entityFor(name: string, pos: number): Entity | undefined {
    const entity = matchEntity(this.entities, name);
    // "Ivanka Trump" is not "Donald Trump": a different given name is a different person.
    if (entity !== undefined && entity.name !== name && name.includes(' ')) {
      const given = name.slice(0, name.indexOf(' '));
      if (!entity.name.split(' ').includes(given) && givenNameGender(given) !== null)
        return undefined;
    }
    const namesakes = name.includes(' ') ? undefined : this.namesakes.get(surnameKey(name));
    if (entity === undefined || namesakes === undefined) return entity;
    const last = namesakes[lowerBound(namesakes, pos) - 1];
    return last === undefined ? entity : (matchEntity(this.entities, last.name) ?? entity);
  }

  /** Records a quote's speaker; quotes are resolved in text order. */
  addSpeaker(pos: number, name: string): void {
    const last = this.quoteSpeakers[this.quoteSpeakers.length - 1];
    if (last === undefined || last.pos <= pos) this.quoteSpeakers.push({ pos, name, quoted: true });
  }

  /** The latest speaker before `pos` that `accept` takes, looking back a bounded distance. */
  private latestSpeaker(pos: number, accept: (m: Mention) => boolean): string | null {
    let i = lowerBound(this.speakers, pos) - 1;
    let j = lowerBound(this.quoteSpeakers, pos) - 1;
    for (let step = 0; step < LOOKBACK && (i >= 0 || j >= 0); step++) {
      const a = this.speakers[i];
      const b = this.quoteSpeakers[j];
      const m = a === undefined || (b !== undefined && b.pos > a.pos) ? b : a;
      if (m === undefined) break;
      if (m === a) i--;
      else j--;
      if (accept(m)) return m.name;
    }
    return null;
  }

  /** The last named source before `pos`: a quote's speaker or a speech verb's subject. */
  lastQuoted(pos: number): string | null {
    return this.latestSpeaker(pos, (m) => m.quoted === true || m.spoke === true);
  }

  lastSpeaker(pos: number): string | null {
    return this.latestSpeaker(pos, () => true);
  }

  private genderOf(name: string): Gender {
    const fixed = this.gender.get(name);
    if (fixed !== undefined) return fixed;
    return name.includes(' ') ? givenNameGender(name.split(' ')[0] ?? '') : null;
  }

  /** Could name a speaker: not a place or party, not a common word capitalised at a start. */
  plausibleName(name: string): boolean {
    if (isPlaceName(name) || isPartyTag(name)) return false;
    return name.includes(' ') || !this.lower.has(name.toLowerCase());
  }

  /** A name the article's entities know (a full name, or a surname of one). */
  isKnownName(name: string): boolean {
    return matchEntity(this.entities, name) !== undefined;
  }

  /** A person (not a place or organisation): a person entity, or an unknown full name. */
  isPerson(name: string): boolean {
    const e = matchEntity(this.entities, name);
    if (e !== undefined) return e.kind === 'person';
    const parts = name.split(' ');
    if (parts.some((w) => isOrgWord(w.toLowerCase()))) return false;
    // "Black Lawmakers Rip Donald Trump": a headline, not a name.
    return parts.length > 1 && parts.length <= MAX_NAME_WORDS;
  }

  /** The role phrase ending with the role word at `k`: "the Iraqi PM", "a spokesman". */
  rolePhraseEndingAt(
    tokens: readonly Token[],
    k: number,
  ): Extract<Phrase, { kind: 'role' }> | null {
    const words: string[] = [];
    let j = k;
    while (j >= 0 && k - j < 6) {
      const t = tokens[j];
      if (t === undefined) break;
      if (DETERMINERS.has(t.lower)) {
        return { kind: 'role', words: words.reverse(), definite: t.lower === 'the', inner: null };
      }
      if (!(isRoleWord(t.lower) || isRoleModifier(t.lower) || (t.cap && hasLetter(t)))) break;
      words.push(t.lower);
      j--;
    }
    return null;
  }

  /** The person whose description holds these role words, most recently mentioned first. */
  byRole(words: readonly string[], pos: number): string | null {
    const heads = words.filter((w) => isRoleWord(w)).map(canonicalRole);
    if (heads.length === 0) return null;
    const modifiers = words.filter((w) => !isRoleWord(w));
    const places = modifiers.filter((w) => isPlaceName(w));
    let best: { name: string; score: number } | null = null;
    for (const { name, desc, placed } of this.describedPeople()) {
      if (!heads.every((h) => desc.includes(` ${h} `))) continue;
      // "the New Jersey governor" is not the "former New York governor": places must agree.
      if (placed && !places.every((m) => desc.includes(` ${m} `))) continue;
      let score = 1 + modifiers.filter((m) => desc.includes(` ${m} `)).length * 0.5;
      const last = this.lastMentionBefore(name, pos);
      if (last >= 0) score += 0.5 + last / (pos + 1);
      if (best === null || score > best.score) best = { name, score };
    }
    return best?.name ?? null;
  }

  /** People the article describes, each description in canonical role words (built once). */
  private describedPeople(): DescribedPerson[] {
    this.described ??= this.entities.flatMap((e) => {
      if (e.kind !== 'person' || e.description === null) return [];
      const words = e.description.toLowerCase().split(/\s+/).map(canonicalRole);
      return [{ name: e.name, desc: ` ${words.join(' ')} `, placed: words.some(isPlaceName) }];
    });
    return this.described;
  }

  private lastMentionBefore(name: string, pos: number): number {
    const list = this.mentionsOf.get(name) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? (list[lo - 1] ?? -1) : -1;
  }

  /** "he"/"she": the nearest earlier person of a compatible gender. */
  byPronoun(word: string, pos: number): string | null {
    const g = PRONOUN_GENDER.get(word);
    if (g === 'm' || g === 'f') {
      // The current speaker first (news convention), else the nearest person mentioned.
      const fits = (name: string): boolean => {
        const mg = this.genderOf(name);
        return mg === null || mg === g;
      };
      // A lone surname counts once it was quoted ("“...,” Cruz said"): places rarely are.
      const speaker = this.latestSpeaker(
        pos,
        (m) =>
          (this.isPerson(m.name) ||
            ((m.quoted === true || m.spoke === true) &&
              /^\p{Lu}\p{Ll}+$/u.test(m.name) &&
              !isOrgWord(m.name.toLowerCase()))) &&
          fits(m.name),
      );
      if (speaker !== null) return speaker;
      const start = lowerBound(this.mentions, pos) - 1;
      for (let i = start; i >= 0 && start - i < LOOKBACK; i--) {
        const m = this.mentions[i];
        if (m !== undefined && fits(m.name)) return m.name;
      }
      return null;
    }
    return this.lastQuoted(pos);
  }

  resolve(phrase: Phrase, pos: number): string | null {
    switch (phrase.kind) {
      case 'name': {
        const entity = this.entityFor(phrase.name, pos);
        // "Audiences can expect", "Republicans say", "New Hampshire": nobody by name.
        if (entity === undefined && phrase.outlet !== true && !this.plausibleName(phrase.name))
          return null;
        const name = entity?.name ?? phrase.name;
        // "Mrs. Clinton said": the honorific settles the gender for later pronouns.
        if (phrase.gender !== null && !this.gender.has(name)) this.gender.set(name, phrase.gender);
        return name;
      }
      case 'pronoun':
        return this.byPronoun(phrase.word, pos);
      case 'role': {
        const byRole = this.byRole(phrase.words, pos);
        // "The Vermont senator": a person described so but not mentioned for a long while
        // yields to the current speaker, whom the role most likely re-describes.
        if (
          byRole !== null &&
          phrase.definite &&
          pos - this.lastMentionBefore(byRole, pos) > STALE
        ) {
          return this.lastQuoted(pos) ?? byRole;
        }
        if (byRole !== null) return byRole;
        if (phrase.inner !== null)
          return this.resolve({ kind: 'name', name: phrase.inner, gender: null }, pos);
        return phrase.definite ? this.lastQuoted(pos) : null;
      }
    }
  }
}

/** Index of the first item at or after `pos` in a list sorted by position. */
function lowerBound(list: readonly Mention[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.pos ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The name run that ends at token `k` (or contains it). */
function runAround(tokens: readonly Token[], k: number): [number, number] {
  let a = k;
  while (a > 0) {
    const t = tokens[a - 1];
    if (
      t === undefined ||
      !(isNameToken(t) || /^(?:al|el|bin|ibn|de|van|von|da|di|du|la|le)$/.test(t.lower)) ||
      t.possessive
    )
      break;
    a--;
  }
  let b = k + 1;
  const kt = tokens[k];
  while (b < tokens.length && kt !== undefined && !kt.possessive) {
    const t = tokens[b];
    if (t === undefined || !isNameToken(t)) break;
    b++;
    if (t.possessive) break;
  }
  return [a, b];
}

function namePhrase(tokens: readonly Token[], a: number, b: number): Phrase {
  const split = splitRun(tokens, a, b);
  if (split.nameStart >= b || endsInRole(tokens, a, b)) {
    // "the Iraqi PM", "Prime Minister": a role written with capitals.
    const words: string[] = [];
    for (let k = a; k < b; k++) words.push(tokens[k]?.lower ?? '');
    return { kind: 'role', words, definite: true, inner: null };
  }
  if (split.nameStart >= b) {
    return {
      kind: 'role',
      words: split.title.map((w) => w.toLowerCase()),
      definite: true,
      inner: null,
    };
  }
  return { kind: 'name', name: nameText(tokens, split.nameStart, b), gender: split.gender };
}

/**
 * "NBC’s Dante Chinni", "Florida’s Rick Wilson": a possessive name (ending at `b`) owns the name
 * run [b, c) that closes the phrase, so the person is the second name. A run that goes on into
 * the clause ("Clinton’s Iowa campaign") is not a person of its own.
 */
function ownerBefore(tokens: readonly Token[], b: number, c: number, end: number): boolean {
  if (tokens[b - 1]?.possessive !== true || c - b < 2) return false;
  const after = tokens[c];
  return c >= end || after === undefined || PHRASE_END.test(after.text);
}

/** The noun phrase that starts at `k` ("the Iraqi PM", "Khamenei", "he"), up to `end`. */
function phraseAt(
  tokens: readonly Token[],
  k: number,
  end: number,
  resolver: Resolver,
): Phrase | null {
  const t = tokens[k];
  if (t === undefined || k >= end) return null;
  if (PRONOUN_GENDER.has(t.lower)) return { kind: 'pronoun', word: t.lower };
  if (isNameToken(t) || HONORIFICS.has(t.lower)) {
    const [, b] = runAround(tokens, k);
    // "Democratic pollster Geoff Garin": past the modifiers and role to the name.
    let j = b;
    while (
      j < end &&
      j - b < 4 &&
      (isRoleWord(tokens[j]?.lower ?? '') || isRoleModifier(tokens[j]?.lower ?? ''))
    )
      j++;
    const next = tokens[j];
    if (next !== undefined && isNameToken(next) && j < end) {
      const [, c] = runAround(tokens, j);
      if (j > b || ownerBefore(tokens, b, c, end)) return namePhrase(tokens, j, Math.min(c, end));
    }
    return namePhrase(tokens, k, Math.min(b, end));
  }
  if (DETERMINERS.has(t.lower) || isRoleWord(t.lower) || isRoleModifier(t.lower)) {
    for (let j = k + 1; j < end && j - k < 8; j++) {
      const u = tokens[j];
      if (u === undefined || /^[,.;:–—]$/.test(u.text)) break;
      if (isNameToken(u) && !isRoleModifier(u.lower) && !isRoleWord(u.lower)) {
        const [a, b] = runAround(tokens, j);
        if (!u.possessive && tokens[b - 1]?.possessive !== true)
          return namePhrase(tokens, Math.max(a, j), Math.min(b, end));
      }
      if (isRoleWord(u.lower)) {
        const phrase = resolver.rolePhraseEndingAt(tokens, j);
        if (phrase === null) continue;
        // "a spokesman for the State Department": fall back to the organisation named after.
        let inner: string | null = null;
        const prep = tokens[j + 1];
        if (prep !== undefined && /^(?:for|of|at|to)$/.test(prep.lower)) {
          const run = nameRuns(tokens, j + 2, Math.min(end, j + 8))[0];
          if (run !== undefined) inner = nameText(tokens, run[0], run[1]);
        }
        return { ...phrase, inner };
      }
    }
    // "Trump’s spokeswoman", "the Clinton campaign": the name inside.
    const run = nameRuns(tokens, k, Math.min(end, k + 6))[0];
    if (run !== undefined) return namePhrase(tokens, run[0], run[1]);
  }
  return null;
}

/** Punctuation that ends a noun phrase after a speech verb. */
const PHRASE_END = /^[,.;:()“”"–—]$/;
/** Words that end a described speaker's phrase ("said in a statement Monday"). */
const PHRASE_BREAKS = new Set(
  'in at on during after before to for from with by while when as that which who'.split(' '),
);

/**
 * The name heading a described speaker after the verb: "said election lawyer Joe Birkenstock",
 * "said former Utah governor Michael Leavitt", "said Florida’s Rick Wilson, a consultant". Skips
 * lower-case descriptors, places and possessives up to the first capitalised run that is not
 * itself a modifier; a preposition or clause word ends the search.
 */
function describedName(tokens: readonly Token[], k: number, end: number): Phrase | null {
  let j = k;
  while (j < end && j - k < MAX_NP) {
    const t = tokens[j];
    if (
      t === undefined ||
      PHRASE_END.test(t.text) ||
      PRONOUN_GENDER.has(t.lower) ||
      PHRASE_BREAKS.has(t.lower)
    )
      return null;
    if (!isNameToken(t)) {
      j++;
      continue;
    }
    const [, b] = runAround(tokens, j);
    const stop = Math.min(b, end);
    const next = tokens[stop];
    const modifier =
      tokens[stop - 1]?.possessive === true ||
      isPlaceName(nameText(tokens, j, stop)) ||
      (next !== undefined && (isRoleWord(next.lower) || isRoleModifier(next.lower)));
    if (!modifier) {
      const phrase = namePhrase(tokens, j, stop);
      return phrase.kind === 'name' ? phrase : null;
    }
    j = stop;
  }
  return null;
}

/** "said X": the phrase after the verb, or the name its descriptors lead to. */
function phraseAfterVerb(
  tokens: readonly Token[],
  k: number,
  end: number,
  resolver: Resolver,
): Phrase | null {
  const phrase = phraseAt(tokens, k, end, resolver);
  if (phrase !== null && !(phrase.kind === 'name' && isPlaceName(phrase.name))) return phrase;
  return describedName(tokens, k, end) ?? phrase;
}

/** Nouns for a publication, body or document speaking in its own name ("Time magazine wrote"). */
const OUTLET_NOUNS = new Set(
  (
    'magazine newspaper paper website site journal blog network channel outlet editorial board ' +
    'foundation institute group committee memo report statement letter ad video study survey ' +
    'poll ruling complaint filing release'
  ).split(' '),
);

/** "Time magazine", "the Heritage Foundation website": the name before an outlet noun at `k`. */
function outletBefore(tokens: readonly Token[], k: number, floor: number): Phrase | null {
  const noun = tokens[k];
  const named = tokens[k - 1];
  if (noun === undefined || noun.cap || !OUTLET_NOUNS.has(noun.lower)) return null;
  if (named === undefined || k - 1 < floor || !isNameToken(named) || named.possessive) return null;
  const [a] = runAround(tokens, k - 1);
  const phrase = namePhrase(tokens, Math.max(a, floor), k);
  return phrase.kind === 'name' ? { ...phrase, outlet: true } : null;
}

/**
 * "the Pentagon said", "the Orlando attacks": a name right after "the" is an institution or a
 * noun's modifier, not a person that a later "he" or "she" can refer to.
 */
function afterArticle(tokens: readonly Token[], v: number): boolean {
  const prev = tokens[v - 1];
  if (prev === undefined || !isNameToken(prev)) return false;
  const [a] = runAround(tokens, v - 1);
  return tokens[a - 1]?.lower === 'the';
}

/** The subject ending just before token `v` (a speech verb), skipping adverbs and appositives. */
function subjectBefore(
  tokens: readonly Token[],
  v: number,
  floor: number,
  resolver: Resolver,
): Phrase | null {
  let k = v - 1;
  while (k >= floor && (SKIPPABLE.has(tokens[k]?.lower ?? '') || isTimeWord(tokens[k]))) k--;
  if (tokens[k]?.text === ')') {
    // "Gov. Mary Fallin (R-OK) said".
    let c = k - 1;
    while (c >= floor && k - c < 8 && tokens[c]?.text !== '(') c--;
    if (c >= floor && tokens[c]?.text === '(') k = c - 1;
  }
  if (tokens[k]?.text === ',') {
    // "Khamenei, the Iranian leader, said" / "X, who ..., said": back to the first comma;
    // "her senior adviser, Jake Sullivan, said": the name between the commas.
    let c = k - 1;
    while (c >= floor && v - c < 24 && tokens[c]?.text !== ',') c--;
    if (c >= floor && tokens[c]?.text === ',') {
      const inner = tokens[k - 1];
      const [a, b] = inner === undefined ? [k, k] : runAround(tokens, k - 1);
      if (
        inner !== undefined &&
        isNameToken(inner) &&
        !isPartyTag(inner.text) &&
        a === c + 1 &&
        b === k
      ) {
        return namePhrase(tokens, a, b);
      }
      k = c - 1;
    }
  }
  const t = tokens[k];
  if (t === undefined || k < floor) return null;
  if (PRONOUN_GENDER.has(t.lower)) return { kind: 'pronoun', word: t.lower };
  if (isNameToken(t)) {
    const [a, b] = runAround(tokens, k);
    return namePhrase(tokens, Math.max(a, floor), Math.min(b, k + 1));
  }
  if (isRoleWord(t.lower)) {
    const phrase = resolver.rolePhraseEndingAt(tokens, k);
    if (phrase !== null) return phrase;
  }
  const outlet = outletBefore(tokens, k, floor);
  if (outlet !== null) return outlet;
  // "a spokesman for the State Department said": the organisation or the role before it.
  for (let j = k; j >= floor && k - j < 8; j--) {
    const u = tokens[j];
    if (u === undefined || /^[,.;:“”"]$/.test(u.text)) break;
    if (isRoleWord(u.lower)) {
      const phrase = resolver.rolePhraseEndingAt(tokens, j);
      if (phrase !== null) {
        const run = nameRuns(tokens, j + 1, k + 1)[0];
        return { ...phrase, inner: run === undefined ? null : nameText(tokens, run[0], run[1]) };
      }
    }
  }
  return null;
}

/** Number words and -ly adverbs that open a sentence ("Fifteen minutes later, ..."). */
const QUANTITY_WORDS = new Set(
  (
    'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen ' +
    'sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety ' +
    'hundred hundreds thousand thousands million millions dozens several'
  ).split(' '),
);

/** A sentence-opening word that cannot begin a person's name: a number or an -ly adverb. */
function isQuantityWord(t: Token, resolver: Resolver): boolean {
  if (QUANTITY_WORDS.has(t.lower)) return true;
  // "Kelly", "Beverly": given names and known surnames are not adverbs.
  return (
    t.lower.length > 4 &&
    t.lower.endsWith('ly') &&
    givenNameGender(t.text) === null &&
    !resolver.isKnownName(t.text)
  );
}

/** How far a dateline may run before its dash: "PHILADELPHIA, July 25 (UPI) —". */
const MAX_DATELINE = 10;

/** An upper-case word of two letters or more ("DES", "MOINES"): dateline or headline type. */
function isUpperWord(t: Token | undefined): boolean {
  return t !== undefined && t.text.length > 1 && /^\p{Lu}+$/u.test(t.text);
}

/**
 * The first token after a dateline opening a story ("TALLAHASSEE — Rep. Gwen Graham said",
 * "LOS ANGELES, Sept. 28 (UPI) — ..."): a place in capitals, an optional date and agency, then
 * a dash. Returns `j` itself when the sentence does not open with one.
 */
function pastDateline(tokens: readonly Token[], j: number, k: number): number {
  if (!isUpperWord(tokens[j])) return j;
  for (let d = j + 1; d < k && d - j <= MAX_DATELINE; d++) {
    const t = tokens[d];
    if (t === undefined) break;
    if (/^[–—―]$/.test(t.text)) return d + 1;
    // A lower-case word means running text, not a dateline.
    if (/^\p{Ll}/u.test(t.text)) break;
  }
  return j;
}

/** The clause subject of the sentence holding token `k`: its first noun phrase. */
function sentenceSubject(
  para: Paragraph,
  k: number,
  resolver: Resolver,
  wholeSentence = false,
): Phrase | null {
  const s = para.sentence[k];
  let start = k;
  while (start > 0 && para.sentence[start - 1] === s) start--;
  if (wholeSentence) {
    k = start;
    while (k < para.tokens.length && para.sentence[k] === s) k++;
  }
  let j = start;
  if (OPEN_ONLY.has(para.tokens[j]?.text ?? '') || para.tokens[j]?.text === '"') return null;
  while (j < k && /^[‘’([]$/.test(para.tokens[j]?.text ?? '')) j++;
  j = pastDateline(para.tokens, j, k);
  const first = para.tokens[j];
  const second = para.tokens[j + 1];
  // "Typically, ...", "Across the state, ...": an opening word, not a one-word name.
  const opener =
    first !== undefined &&
    first.cap &&
    ((second?.text === ',' && (/ly$/.test(first.lower) || resolver.lower.has(first.lower))) ||
      (second !== undefined && DETERMINERS.has(second.lower)));
  const participle =
    opener ||
    (first !== undefined && first.cap && isQuantityWord(first, resolver)) ||
    (first !== undefined && /(?:ing|ed)$/.test(first.lower) && para.tokens[j + 1]?.cap === false);
  if (
    first !== undefined &&
    LINKERS.has(first.lower) &&
    second !== undefined &&
    (isNameToken(second) || PRONOUN_GENDER.has(second.lower))
  ) {
    // "Meanwhile Rihanna, who ..., spoke": a linking word before the subject.
    j++;
  } else if (LEADERS.has(first?.lower ?? '') || participle) {
    // Past the opening phrase; a place after its comma belongs to it ("In Salem, N.H., Trump").
    let c = j;
    for (let commas = 0; commas < 3; commas++) {
      while (c < k && para.tokens[c]?.text !== ',') c++;
      if (c >= k) return null;
      const phrase = phraseAt(para.tokens, c + 1, k, resolver);
      if (phrase?.kind !== 'name' || !isPlaceName(phrase.name)) return phrase;
      c++;
    }
    return null;
  }
  return phraseAt(para.tokens, j, k, resolver);
}

interface Cue {
  phrase: Phrase | null;
  /** Position of the attribution (for pronoun resolution). */
  pos: number;
  /** The cue continues an earlier clause ("..., saying", "but added"): same speaker. */
  continued?: boolean;
  /** Found past the end of the quote's sentence (“...?” she asked.): weaker than a cue before. */
  crossed?: boolean;
  /** Found in a later clause ("“...,” and Trump vowed"): weaker than a cue before. */
  clause?: boolean;
}

/** "..., Khamenei said" / "..., said the minister" / "..., according to X" after the quote. */
function cueAfter(para: Paragraph, span: Span, resolver: Resolver): Cue | null {
  const cue = cueAfterClose(para, span, resolver);
  if (cue !== null && para.sentence[span.close + 1] !== para.sentence[span.close]) {
    return { ...cue, crossed: true };
  }
  return cue;
}

function cueAfterClose(para: Paragraph, span: Span, resolver: Resolver): Cue | null {
  const { tokens } = para;
  let k = span.close + 1;
  // “...?” Clinton said. — the splitter ends a sentence at "?”", the attribution follows;
  // after “... time.” the next sentence is not an attribution of this quote.
  const s = para.sentence[k];
  const lastInside = tokens[span.close - 1]?.text ?? '';
  if (
    s !== para.sentence[span.close] &&
    (lastInside === '.' || lastInside === '…') &&
    !/^[–—―]$/.test(tokens[k]?.text ?? '')
  )
    return null;
  let end = k;
  while (end < tokens.length && para.sentence[end] === s && end - k < MAX_NP + 4) {
    const t = tokens[end];
    if (t === undefined || t.text === '“' || t.text === '"' || t.text === '.' || t.text === ';')
      break;
    end++;
  }
  const dashed = /^[–—―]$/.test(tokens[k]?.text ?? '');
  while (k < end && /^[,–—―-]$/.test(tokens[k]?.text ?? '')) k++;
  const pos = para.base + (tokens[k]?.start ?? 0);
  const first = tokens[k];
  if (first === undefined || k >= end) return null;
  if (dashed && isNameToken(first)) {
    // “...” ― Pamela Padilla: a signature after a dash.
    const [, b] = runAround(tokens, k);
    const next = tokens[b];
    if (next === undefined || /^[.,“"(]$/.test(next.text))
      return { phrase: namePhrase(tokens, k, b), pos };
  }
  if (SPEECH_FINITE.has(first.lower)) {
    let j = k + 1;
    while (j < end && SKIPPABLE.has(tokens[j]?.lower ?? '')) j++;
    return { phrase: phraseAfterVerb(tokens, j, end, resolver), pos };
  }
  if (first.lower === 'according' && tokens[k + 1]?.lower === 'to') {
    return { phrase: phraseAt(tokens, k + 2, end, resolver), pos };
  }
  let clause = false;
  for (let v = k; v < end; v++) {
    const t = tokens[v];
    if (t === undefined) break;
    clause ||= opensClause(tokens, v, k);
    if (v === k) continue;
    if (SPEECH_PARTICIPLE.has(t.lower)) return null;
    if (
      isFiniteSpeechAt(tokens, v) ||
      isPhrasalSpeech(t.lower, tokens[v + 1]?.lower, tokens[v + 2]?.lower)
    ) {
      // "“...” in contrast to X, says Dante Scala": the speaker follows the verb.
      const inverted =
        tokens[v - 1]?.text === ','
          ? phraseAt(tokens, v + 1, Math.max(end, v + MAX_NP), resolver)
          : null;
      const phrase =
        subjectBefore(tokens, v, k, resolver) ?? inverted ?? phraseAt(tokens, k, v, resolver);
      return phrase === null ? null : { phrase, pos, clause };
    }
  }
  return closingAttribution(para, k, resolver);
}

/**
 * "“...,” and Trump vowed": a conjunction right after the quote or after a comma opens a new
 * clause, whose subject says something else.
 */
function opensClause(tokens: readonly Token[], v: number, k: number): boolean {
  const t = tokens[v];
  return (
    t !== undefined && CLAUSE_CONJUNCTIONS.has(t.lower) && (v === k || tokens[v - 1]?.text === ',')
  );
}

/**
 * "“...” in sharp contrast to earlier races, says Dante Scala, a political scientist.": the
 * attribution closing the quote's sentence, after a comma, when no other quote intervenes.
 */
function closingAttribution(para: Paragraph, k: number, resolver: Resolver): Cue | null {
  const { tokens } = para;
  const s = para.sentence[k];
  let e = k;
  while (e < tokens.length && para.sentence[e] === s) {
    const text = tokens[e]?.text ?? '';
    if (text === '“' || text === '"' || text === ';') return null;
    e++;
  }
  let c = e - 1;
  for (let commas = 0; commas < 3; commas++) {
    while (c > k && tokens[c]?.text !== ',') c--;
    if (c <= k) return null;
    const t = tokens[c + 1];
    if (t === undefined) return null;
    const pos = para.base + t.start;
    if (SPEECH_FINITE.has(t.lower)) {
      const phrase = phraseAfterVerb(tokens, c + 2, e, resolver);
      return phrase === null ? null : { phrase, pos };
    }
    for (let v = c + 2; v < e && v - c <= 6; v++) {
      const u = tokens[v];
      if (u === undefined || u.text === ',') break;
      if (isFiniteSpeechAt(tokens, v)) {
        const phrase = subjectBefore(tokens, v, c + 1, resolver);
        return phrase === null ? null : { phrase, pos };
      }
    }
    c--;
  }
  return null;
}

/**
 * "Trump’s “excesses” are sickening, Hollande said in Paris, noting ...": a participle hangs from
 * the speech verb before it in the sentence, whose subject is the speaker (the sentence may
 * open with someone else).
 */
function clauseSpeaker(
  tokens: readonly Token[],
  v: number,
  floor: number,
  resolver: Resolver,
): Phrase | null {
  for (let u = v - 1; u >= floor; u--) {
    if (isFiniteSpeechAt(tokens, u)) return subjectBefore(tokens, u, floor, resolver);
  }
  return null;
}

/** "X said: “...”", "X stressed that ... “...”", "..., saying “...”", "According to X, “...”". */
function cueBefore(para: Paragraph, span: Span, floor: number, resolver: Resolver): Cue | null {
  const { tokens } = para;
  // "More from Jones: “...”", "Pew Research: “...”": a name introducing the quote.
  const colon = tokens[span.open - 1];
  const named = tokens[span.open - 2];
  const [a] =
    colon?.text === ':' && named !== undefined && isNameToken(named) && span.open - 2 >= floor
      ? runAround(tokens, span.open - 2)
      : [-1];
  // Only a name that opens its clause ("She says to Nevadans: “...”" is not one).
  const lead = tokens[a - 1];
  if (
    a >= 0 &&
    named !== undefined &&
    (a <= floor || lead === undefined || /^(?:[-–—]|from)$/.test(lead.lower))
  ) {
    return {
      phrase: namePhrase(tokens, Math.max(a, floor), span.open - 1),
      pos: para.base + named.start,
    };
  }
  for (let v = span.open - 1; v >= floor; v--) {
    const t = tokens[v];
    if (t === undefined) break;
    const pos = para.base + t.start;
    if (t.lower === 'to' && tokens[v - 1]?.lower === 'according') {
      return { phrase: phraseAt(tokens, v + 1, span.open, resolver), pos };
    }
    if (
      isFiniteSpeechAt(tokens, v) ||
      isPhrasalSpeech(t.lower, tokens[v + 1]?.lower, tokens[v + 2]?.lower)
    ) {
      const phrase =
        subjectBefore(tokens, v, floor, resolver) ??
        (ADDRESS_VERBS.has(t.lower) ? null : phraseAt(tokens, v + 1, span.open, resolver));
      if (phrase !== null) return { phrase, pos };
      return { phrase: sentenceSubject(para, v, resolver), pos, continued: true };
    }
    if (SPEECH_PARTICIPLE.has(t.lower)) {
      const phrase =
        clauseSpeaker(tokens, v, floor, resolver) ?? sentenceSubject(para, v, resolver);
      return { phrase, pos, continued: true };
    }
    // "Cruz accuses Obama of “leading from behind”": the verb's subject, not its object.
    if (STANCE_VERBS.has(t.lower) && !MENTAL_VERBS.has(t.lower)) {
      const phrase = subjectBefore(tokens, v, floor, resolver);
      if (phrase !== null) return { phrase, pos };
    }
  }
  return null;
}

/** The speaker label opening a transcript quote ("PENCE:", "Chris Matthews:"), if any. */
function transcriptLabel(para: Paragraph, span: Span): Phrase | null {
  const { tokens } = para;
  const first = tokens[span.open + 1];
  if (first === undefined || !isNameToken(first)) return null;
  const [, b] = runAround(tokens, span.open + 1);
  if (b - span.open > 4 || tokens[b]?.text !== ':') return null;
  // Upper-case labels are transcript names; Title Case ones must look like a person's name.
  const upper = first.text === first.text.toUpperCase();
  if (!upper && b - span.open - 1 < 2) return null;
  return namePhrase(tokens, span.open + 1, b);
}

/**
 * “It’s over.” “We lost,” Smith said. — a paragraph opening with quotes is attributed once,
 * after a later quote: the name attributing the paragraph's next quote.
 */
function namedLater(para: Paragraph, next: Span | undefined, resolver: Resolver): string | null {
  if (next === undefined || isTerm(para, next)) return null;
  const cue = cueAfter(para, next, resolver);
  if (cue?.phrase?.kind !== 'name' || cue.crossed === true || cue.clause === true) return null;
  return resolver.resolve(cue.phrase, cue.pos);
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
      // "..., a top aide said": a source that names nobody stands for the last named source.
      if (speaker === null && cue?.phrase != null) {
        speaker = resolver.lastQuoted(para.base + (para.tokens[span.open]?.start ?? 0));
      }
      if (speaker === null) {
        // No attribution of its own: the sentence's subject ("Rubio called it “...”"), the
        // paragraph's speaker, or the speaker the article last named ("X said:" before it).
        const pos = para.base + (para.tokens[span.open]?.start ?? 0);
        if (span.open > floor) {
          const subject = sentenceSubject(para, span.open, resolver);
          if (subject !== null) speaker = resolver.resolve(subject, pos);
        }
        speaker ??=
          paraSpeaker ?? namedLater(para, spans[i + 1], resolver) ?? resolver.lastSpeaker(pos);
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
