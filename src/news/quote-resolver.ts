/**
 * Key quotes, part 3: resolving an attribution's phrase to a person. `Resolver` gathers the
 * article's person mentions and their genders and the named subjects of speech verbs, then
 * resolves names via the who's-who, pronouns to the nearest earlier person of a compatible
 * gender, and role nouns ("the Iraqi PM") to the person the article described that way.
 */
import type { Entity } from './article.js';
import { matchEntity } from './entities.js';
import {
  PRONOUN_GENDER,
  canonicalRole,
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
  type Token,
} from './names.js';
import { DETERMINERS, hasLetter, type Paragraph } from './quote-marks.js';
import { SPEECH_PARTICIPLE } from './speech-verbs.js';
import {
  MAX_NP,
  PREPOSITIONS,
  STANCE_VERBS,
  isDocumentNoun,
  isFiniteSpeechAt,
  namePhrase,
  phraseAt,
  phraseEnd,
  runAround,
  type Gender,
  type NameContext,
  type Phrase,
} from './quote-phrases.js';
import { afterArticle, institutionSpeaks } from './quote-documents.js';
import { documentOwner, sentenceSubject, subjectBefore } from './quote-subjects.js';

interface Mention {
  pos: number;
  name: string;
  /** Named as the speaker of a direct quotation. */
  quoted?: boolean;
  /** Named as the subject of a speech verb ("Cruz admitted"). */
  spoke?: boolean;
  /** Named in apposition to a noun for a person ("her father, Brad,"): a person, known or not. */
  person?: boolean;
  /** The subject of a speech verb, institutions too ("the Pentagon said"). */
  verb?: boolean;
  /** Cited as a source: "according to the AP". */
  cited?: boolean;
  /** Named as an owner or after a preposition ("Clinton's plan", "a vote for Clinton"). */
  oblique?: boolean;
  /** An institution after "the" as a speech verb's subject ("The Journal notes"). */
  institution?: boolean;
  /** Where the mention's sentence starts. */
  sentenceStart?: number;
  /** The mention's paragraph. */
  para?: number;
  /** Named in full: "Jane Roe", not "Roe". */
  full?: boolean;
}

/** Verbs that put forward a view without being speech verbs: "Roe cited rising costs". */
const VIEW_VERBS = new Set(
  'cited cites hinted hints signaled signalled signals voiced voices addressed addresses'.split(
    ' ',
  ),
);

/** Nouns for those who speak for a person: "Roe’s campaign said". */
const VOICES = new Set(
  'campaign office team spokesman spokeswoman spokesperson aides staff lawyer lawyers attorney'.split(
    ' ',
  ),
);

/** Forms of "be" before an -ing form: "Roe is telling reporters that ...". */
const PROGRESSIVE = new Set(['is', 'was', 'are', 'were']);

/** Longer capitalised runs are headlines or titles, not people's names. */
const MAX_NAME_WORDS = 4;
/** Characters after which a role's last named holder is no longer the likely referent. */
const STALE = 500;
/** Characters back to the sentence that brought up a document ("the letter"). */
const DOCUMENT_REACH = 1500;
/** Sentences back to the person a role may re-describe ("Roe spoke. The senator said"). */
const TOPIC_SENTENCES = 2;
/** How many earlier speakers or mentions an antecedent search looks at. */
const LOOKBACK = 200;

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
export class Resolver implements NameContext {
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
  /** The one namesake of each shared surname and gender ("clinton f"), found once. */
  private readonly namesakeByGender = new Map<string, string | null>();
  private described: Map<string, DescribedPerson> | undefined;
  /** "he" and "she" outside quotations, positions ascending. */
  private readonly pronouns: { m: Mention[]; f: Mention[] } = { m: [], f: [] };
  /** People the article named a role's holder ("spoke as the Labour leader"), in text order. */
  private readonly roleHolders: { pos: number; words: readonly string[]; name: string }[] = [];
  /** Document nouns outside quotations ("sent a fundraising email"), in text order. */
  private readonly documents: { pos: number; noun: string; p: number; k: number }[] = [];
  /** Where each sentence of the article starts. */
  private readonly sentenceStarts: number[] = [];
  /** The speakers are collected and sorted: role references may look for the topic. */
  private speakersIndexed = false;

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
    const asRoles: { p: number; k: number; words: string[] }[] = [];
    const roleRefs: { pos: number; words: string[] }[] = [];
    paragraphs.forEach((para, p) => {
      const { tokens } = para;
      const starts = sentenceStarts(para);
      let namedSentence = -1;
      for (const [a, b] of nameRuns(tokens)) {
        if (insideQuote(p, a)) continue;
        const first = para.sentence[a] !== namedSentence;
        namedSentence = para.sentence[a] ?? -1;
        const split = splitRun(tokens, a, b);
        if (split.nameStart >= b) continue;
        const pos = para.base + (tokens[a]?.start ?? 0);
        const entity = this.entityFor(nameText(tokens, split.nameStart, b), pos);
        if (entity === undefined || entity.kind !== 'person') continue;
        // "Clinton’s plan", "Sanders’ plan", "a vote for Clinton".
        const oblique =
          tokens[b - 1]?.possessive === true ||
          (/s$/.test(tokens[b - 1]?.text ?? '') && /^['’]$/.test(tokens[b]?.text ?? '')) ||
          PREPOSITIONS.has(tokens[a - 1]?.lower ?? '');
        const full = b - split.nameStart > 1;
        const sentenceStart = para.base + (tokens[starts[a] ?? a]?.start ?? 0);
        const mention: Mention = { pos, name: entity.name, sentenceStart, para: p, full };
        this.mentions.push(oblique ? { ...mention, oblique } : mention);
        if (full) this.namesakes.get(surnameKey(entity.name))?.push({ pos, name: entity.name });
        if (split.gender !== null) this.gender.set(entity.name, split.gender);
        // "Djokovic said his ...": the subject's own pronoun tells an unknown gender.
        if (first && !oblique && this.genderOf(entity.name) === null) {
          const g = pronounAfterSubject(
            para,
            b,
            (k) => insideQuote(p, k),
            (run) => {
              const other = this.entityFor(run, pos);
              return other !== undefined && other.kind === 'person';
            },
          );
          if (g !== null) this.gender.set(entity.name, g);
        }
      }
      // Role nouns used as references ("the ayatollah", "the Iraqi PM"), and documents.
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        const s = para.sentence[k] ?? 0;
        if (t !== undefined && this.sentenceStarts[s] === undefined)
          this.sentenceStarts[s] = para.base + t.start;
        if (t === undefined || insideQuote(p, k)) continue;
        const g = PRONOUN_GENDER.get(t.lower);
        if (g === 'm' || g === 'f') this.pronouns[g].push({ pos: para.base + t.start, name: '' });
        if (isDocumentNoun(t))
          this.documents.push({ pos: para.base + t.start, noun: t.lower, p, k });
        if (!isRoleWord(t.lower)) continue;
        const next = tokens[k + 1];
        if (next !== undefined && isNameToken(next)) continue;
        const phrase = this.rolePhraseEndingAt(tokens, k);
        if (phrase === null || !phrase.definite) continue;
        if (asRole(tokens, k, phrase.words.length)) asRoles.push({ p, k, words: phrase.words });
        roleRefs.push({ pos: para.base + t.start, words: phrase.words });
      }
    });
    // Role references go to the person so described who was named most recently before them,
    // so the names are indexed first.
    this.indexMentions();
    for (const { pos, words } of roleRefs) {
      const name = this.byRole(words, pos);
      if (name !== null) this.mentions.push({ pos, name });
    }
    if (roleRefs.length > 0) this.indexMentions();
    for (const { p, k, words } of asRoles) this.addRoleHolder(p, k, words);
    this.collectSpeakers(insideQuote);
    this.speakers.sort((x, y) => x.pos - y.pos);
    this.speakersIndexed = true;
    // A sentence without tokens starts where the one before it does.
    for (let s = 1; s < this.sentenceStarts.length; s++)
      this.sentenceStarts[s] ??= this.sentenceStarts[s - 1] ?? 0;
  }

  /** Sorts the mentions and lists each name's mention positions. */
  private indexMentions(): void {
    this.mentions.sort((x, y) => x.pos - y.pos);
    this.mentionsOf.clear();
    for (const m of this.mentions) {
      const list = this.mentionsOf.get(m.name);
      if (list === undefined) this.mentionsOf.set(m.name, [m.pos]);
      else list.push(m.pos);
    }
  }

  /**
   * "On Friday Jane Roe gave her first speech as the Labour leader": the nearest name before
   * "as" in the sentence holds the role ending at `k`, for a later "said the Labour leader".
   */
  private addRoleHolder(p: number, k: number, words: string[]): void {
    const para = this.paragraphs[p];
    const t = para?.tokens[k];
    if (para === undefined || t === undefined) return;
    const { tokens } = para;
    for (let j = k - words.length - 2; j >= 0 && k - j <= MAX_NP + 8; j--) {
      const u = tokens[j];
      if (u === undefined || para.sentence[j] !== para.sentence[k] || /^[;“”"]$/.test(u.text))
        return;
      if (!isNameToken(u)) continue;
      const [a, b] = runAround(tokens, j);
      const phrase = namePhrase(tokens, a, b);
      if (phrase.kind !== 'name') return;
      const name = this.resolve(phrase, para.base + (tokens[a]?.start ?? 0));
      if (name !== null && this.isPerson(name))
        this.roleHolders.push({ pos: para.base + t.start, words, name });
      return;
    }
  }

  /** The person last named as holding every one of these role words before `pos`. */
  private roleHolder(words: readonly string[], pos: number): string | null {
    const last = this.roleHolders.length - 1;
    for (let i = last; i >= 0 && last - i < LOOKBACK; i--) {
      const h = this.roleHolders[i];
      if (h === undefined || h.pos >= pos) continue;
      if (words.every((w) => h.words.includes(w))) return h.name;
    }
    return null;
  }

  /** Every "X said" / "said X" outside quotations, resolved in order. */
  private collectSpeakers(insideQuote: (p: number, k: number) => boolean): void {
    this.paragraphs.forEach((para, p) => {
      const { tokens } = para;
      // Start of the unquoted run of v's sentence that ends at v (kept as v moves: linear time).
      let floor = 0;
      // The subject of each sentence, read once (linear time) for verbs that hang from it.
      const subjects = new Map<number, Phrase | null>();
      const subjectOf = (k: number): Phrase | null => {
        const s = para.sentence[k] ?? -1;
        if (!subjects.has(s)) subjects.set(s, sentenceSubject(para, k, this, true));
        return subjects.get(s) ?? null;
      };
      for (let v = 0; v < tokens.length; v++) {
        const cited = this.citedSource(para, p, v, insideQuote);
        if (cited !== null) this.speakers.push(cited);
        if (v > 0 && (para.sentence[v - 1] !== para.sentence[v] || insideQuote(p, v - 1)))
          floor = v;
        const t = tokens[v];
        if (!insideQuote(p, v)) {
          const source = this.hangingSpeaker(para, v, subjectOf) ?? this.ownerOfVoice(para, v);
          if (source !== null) this.speakers.push(source);
        }
        if (
          t === undefined ||
          !(isFiniteSpeechAt(tokens, v) || STANCE_VERBS.has(t.lower) || VIEW_VERBS.has(t.lower)) ||
          insideQuote(p, v)
        )
          continue;
        // "Roe said Doe continued to ...": Doe is the subject of what Roe said.
        if (reportedSubject(tokens, v) || embeddedReport(tokens, v, floor)) continue;
        let phrase = subjectBefore(tokens, v, floor, this);
        if (
          phrase === null &&
          (insideQuote(p, v - 1) || tokens[v - 1]?.text === ',') &&
          !clauseAfter(tokens, v + 1)
        ) {
          phrase = phraseAt(tokens, v + 1, phraseEnd(para, v + 1, v + MAX_NP), this);
        }
        if (phrase === null || phrase.kind === 'pronoun') continue;
        const pos = para.base + t.start;
        const name = this.resolve(phrase, pos);
        const institution = afterArticle(tokens, v);
        if (name !== null)
          this.speakers.push({
            pos,
            name,
            spoke: !institution,
            verb: true,
            institution: institutionSpeaks(para, v),
          });
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
        if (name !== null && subject.kind === 'name' && subject.person === true)
          this.speakers.push({ pos, name, person: true });
        else if (name !== null && this.isPerson(name)) this.speakers.push({ pos, name });
        // "To professor Jane Roe, the result ...": the person whose view the sentence gives.
        const view = this.viewpointHolder(para, k);
        if (view !== null) this.speakers.push(view);
      }
      for (let k = 1; k < tokens.length; k++) {
        if (insideQuote(p, k)) continue;
        const clause = this.clauseSubject(para, k);
        if (clause !== null) this.speakers.push(clause);
      }
    });
  }

  /**
   * A speech participle hangs from its sentence's subject, a source for later unnamed sources:
   * "Roe toured the plant, saying ...", "Roe was quoted as saying ...", "Roe is telling reporters
   * ...". `subjectOf` reads the subject of the sentence at `v`.
   */
  private hangingSpeaker(
    para: Paragraph,
    v: number,
    subjectOf: (k: number) => Phrase | null,
  ): Mention | null {
    const { tokens } = para;
    const t = tokens[v];
    const before = tokens[v - 1]?.lower;
    if (t === undefined || para.sentence[v - 1] !== para.sentence[v]) return null;
    const participle =
      (before === ',' || before === 'as' || PROGRESSIVE.has(before ?? '')) &&
      SPEECH_PARTICIPLE.has(t.lower);
    if (!participle) return null;
    const subject = subjectOf(v);
    if (subject?.kind !== 'name') return null;
    const pos = para.base + t.start;
    const name = this.resolve(subject, pos);
    return name !== null && this.isPerson(name) ? { pos, name, spoke: true } : null;
  }

  /**
   * "Roe’s campaign said ...", "Roe’s office told reporters ...": the speech verb at `v` has for
   * subject a voice of a named person, who is the source.
   */
  private ownerOfVoice(para: Paragraph, v: number): Mention | null {
    const { tokens } = para;
    const voice = tokens[v - 1];
    const owner = tokens[v - 2];
    if (voice === undefined || owner === undefined || !VOICES.has(voice.lower)) return null;
    if (!owner.possessive || !isNameToken(owner) || !isFiniteSpeechAt(tokens, v)) return null;
    const [a] = runAround(tokens, v - 2);
    const phrase = phraseAt(tokens, a, v - 1, this);
    if (phrase?.kind !== 'name') return null;
    const pos = para.base + voice.start;
    const name = this.resolve(phrase, pos);
    return name !== null && this.isPerson(name) ? { pos, name, spoke: true } : null;
  }

  /** "according to the AP": the source cited at `v`, named for later unnamed sources. */
  private citedSource(
    para: Paragraph,
    p: number,
    v: number,
    insideQuote: (p: number, k: number) => boolean,
  ): Mention | null {
    const { tokens } = para;
    if (tokens[v]?.lower !== 'according' || tokens[v + 1]?.lower !== 'to' || insideQuote(p, v))
      return null;
    const end = phraseEnd(para, v + 2, v + MAX_NP, para.sentence[v]);
    const phrase = phraseAt(tokens, v + 2, end, this);
    if (phrase?.kind !== 'name') return null;
    const pos = para.base + (tokens[v]?.start ?? 0);
    const name = this.resolve(phrase, pos);
    return name === null ? null : { pos, name, cited: true };
  }

  /**
   * The named subject of a clause joined by ", but" / ", yet" / ";" at `k`: "The hosts moved
   * on, but Doe was not done." The person the next sentences go on about.
   */
  private clauseSubject(para: Paragraph, k: number): Mention | null {
    const { tokens } = para;
    const t = tokens[k];
    const joined =
      t?.text === ';' ||
      ((t?.lower === 'but' || t?.lower === 'yet') && tokens[k - 1]?.text === ',');
    const first = tokens[k + 1];
    if (!joined || first === undefined || !isNameToken(first) || first.possessive) return null;
    if (para.sentence[k + 1] !== para.sentence[k]) return null;
    const [a, b] = runAround(tokens, k + 1);
    const verb = tokens[b];
    if (a !== k + 1 || tokens[b - 1]?.possessive === true || verb === undefined) return null;
    if (!/^\p{Ll}+(?:n['’]t)?$/u.test(verb.text) || PREPOSITIONS.has(verb.lower)) return null;
    const phrase = phraseAt(tokens, a, b, this);
    if (phrase?.kind !== 'name') return null;
    const pos = para.base + first.start;
    const name = this.resolve(phrase, pos);
    return name !== null && this.isPerson(name) ? { pos, name } : null;
  }

  /** "To X, ..." / "For X, ...": the person opening a sentence as the holder of its view. */
  private viewpointHolder(para: Paragraph, k: number): Mention | null {
    const { tokens } = para;
    if (!/^(?:to|for)$/.test(tokens[k]?.lower ?? '')) return null;
    let c = k + 1;
    while (c < tokens.length && c - k <= MAX_NP && para.sentence[c] === para.sentence[k]) {
      if (tokens[c]?.text === ',') break;
      c++;
    }
    if (tokens[c]?.text !== ',') return null;
    const phrase = phraseAt(tokens, k + 1, c, this);
    if (phrase === null || phrase.kind === 'pronoun') return null;
    const pos = para.base + (tokens[k + 1]?.start ?? 0);
    const name = this.resolve(phrase, pos);
    return name !== null && this.isPerson(name) ? { pos, name, spoke: true } : null;
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
    return this.latestSpeakerMention(pos, accept)?.name ?? null;
  }

  /** As `latestSpeaker`, with the position the speaker was named at. */
  private latestSpeakerMention(pos: number, accept: (m: Mention) => boolean): Mention | null {
    let i = lowerBound(this.speakers, pos) - 1;
    let j = lowerBound(this.quoteSpeakers, pos) - 1;
    for (let step = 0; step < LOOKBACK && (i >= 0 || j >= 0); step++) {
      const a = this.speakers[i];
      const b = this.quoteSpeakers[j];
      const m = a === undefined || (b !== undefined && b.pos > a.pos) ? b : a;
      if (m === undefined) break;
      if (m === a) i--;
      else j--;
      if (accept(m)) return m;
    }
    return null;
  }

  /** The one person sharing `name`'s surname whose gender is `g` ("Clinton" for "she"). */
  private namesakeOf(name: string, g: Gender): string | null {
    const key = surnameKey(name);
    if (!this.namesakes.has(key)) return null;
    const cacheKey = `${key} ${g ?? ''}`;
    const cached = this.namesakeByGender.get(cacheKey);
    if (cached !== undefined) return cached;
    const fit = this.entities.filter(
      (e) => e.kind === 'person' && surnameKey(e.name) === key && this.genderOf(e.name) === g,
    );
    const found = fit.length === 1 ? (fit[0]?.name ?? null) : null;
    this.namesakeByGender.set(cacheKey, found);
    return found;
  }

  /** The last named source before `pos`: a quote's speaker or a speech verb's subject. */
  lastQuoted(pos: number): string | null {
    return this.latestSpeaker(
      pos,
      (m) => m.quoted === true || m.spoke === true || m.cited === true,
    );
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

  /** "Critics", "Audiences": a plural whose singular the article writes in lower case. */
  private isCommonPlural(lower: string): boolean {
    if (!lower.endsWith('s') || lower.endsWith('ss')) return false;
    const stems = [lower.slice(0, -1), lower.slice(0, -2), `${lower.slice(0, -3)}y`];
    return stems.some((w) => w.length > 2 && this.lower.has(w));
  }

  /** A name the article's entities know (a full name, or a surname of one). */
  isKnownName(name: string): boolean {
    return matchEntity(this.entities, name) !== undefined;
  }

  /** A person (not a place or organisation): a person entity, or an unknown full name. */
  isPerson(name: string): boolean {
    // "Doe supporters": a group's label ends in its lower-case noun.
    if (/ \p{Ll}+$/u.test(name)) return false;
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
    const named: string[] = [];
    let j = k;
    while (j >= 0 && k - j < 6) {
      const t = tokens[j];
      if (t === undefined) break;
      if (DETERMINERS.has(t.lower)) {
        const phrase: Extract<Phrase, { kind: 'role' }> = {
          kind: 'role',
          words: words.reverse(),
          definite: t.lower === 'the',
          inner: null,
        };
        const name = named.reverse().join(' ');
        // "an AIPAC spokesman": the name modifying the role, not a place, party or title.
        if (name !== '' && !isPlaceName(name) && !isPartyTag(name)) phrase.named = name;
        return phrase;
      }
      if (!(isRoleWord(t.lower) || isRoleModifier(t.lower) || (t.cap && hasLetter(t)))) break;
      words.push(t.lower);
      // The capitalised run nearest the role word ("American-born" is an adjective).
      if (t.cap && !isRoleWord(t.lower) && !isRoleModifier(t.lower) && !/-\p{Ll}/u.test(t.text)) {
        if (named.length === 0 || tokens[j + 1]?.cap === true) named.push(t.text);
      }
      j--;
    }
    return null;
  }

  /** The person whose description holds these role words, most recently mentioned first. */
  byRole(words: readonly string[], pos: number): string | null {
    const heads = words.filter((w) => isRoleWord(w)).map(canonicalRole);
    if (heads.length === 0) return null;
    const modifiers = words.filter((w) => !isRoleWord(w));
    let best: { name: string; score: number } | null = null;
    for (const person of this.describedPeople().values()) {
      if (!describedAs(person, words)) continue;
      const { name, desc } = person;
      let score = 1 + modifiers.filter((m) => desc.includes(` ${m} `)).length * 0.5;
      const last = this.lastMentionBefore(name, pos);
      if (last >= 0) score += 0.5 + last / (pos + 1);
      if (best === null || score > best.score) best = { name, score };
    }
    return best?.name ?? null;
  }

  /**
   * "Rubio toured the plant. The senator said ...": the person last named as a speaker or a
   * subject in the sentences just before the one at `pos`, whom a role there may re-describe,
   * unless `other`, a person the article described by that role, was named there too.
   */
  private topicBefore(pos: number, words: readonly string[], other: string | null): string | null {
    if (!this.speakersIndexed) return null;
    const s = sentenceAt(this.sentenceStarts, pos);
    const from = this.sentenceStarts[Math.max(0, s - TOPIC_SENTENCES)] ?? 0;
    const to = this.sentenceStarts[s] ?? pos;
    if (other !== null && this.lastMentionBefore(other, to) >= from) return null;
    for (let i = lowerBound(this.speakers, to) - 1; i >= 0; i--) {
      const m = this.speakers[i];
      if (m === undefined || m.pos < from) return null;
      if (m.cited === true || m.institution === true || !this.isPerson(m.name)) continue;
      // A person the article describes otherwise is not the one this role re-describes.
      const person = this.describedPeople().get(m.name);
      return person === undefined || describedAs(person, words) ? m.name : null;
    }
    return null;
  }

  /** People the article describes, by name, descriptions in canonical role words (built once). */
  private describedPeople(): Map<string, DescribedPerson> {
    if (this.described === undefined) {
      this.described = new Map();
      for (const e of this.entities) {
        if (e.kind !== 'person' || e.description === null) continue;
        const words = e.description.toLowerCase().split(/\s+/).map(canonicalRole);
        const desc = ` ${words.join(' ')} `;
        this.described.set(e.name, { name: e.name, desc, placed: words.some(isPlaceName) });
      }
    }
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

  /**
   * "the email said": whoever issued the document where the article brought it up ("Clinton's
   * campaign sent out an email", "a statement from the mayor").
   */
  private byDocument(noun: string, pos: number): string | null {
    for (let i = this.documents.length - 1; i >= 0; i--) {
      const d = this.documents[i];
      if (d === undefined || d.pos >= pos) continue;
      if (pos - d.pos > DOCUMENT_REACH) return null;
      const para = this.paragraphs[d.p];
      // "the letter says", "according to the letter": the document speaking, not brought up.
      if (d.noun !== noun || para === undefined || quotesDocument(para.tokens, d.k)) continue;
      const owner = documentOwner(para, d.k, this);
      return owner === null ? null : this.resolve(owner, d.pos);
    }
    return null;
  }

  /**
   * The nearest person mentioned before `pos` whose name `fits`, looking back a bounded way;
   * `direct`: not an owner or the object of a preposition.
   */
  private nearestMention(
    pos: number,
    fits: (name: string) => boolean,
    direct = false,
  ): Mention | null {
    const start = lowerBound(this.mentions, pos) - 1;
    for (let i = start; i >= 0 && start - i < LOOKBACK; i--) {
      const m = this.mentions[i];
      if (m !== undefined && fits(m.name) && !(direct && m.oblique === true)) return m;
    }
    return null;
  }

  /** A "he" (or "she") between the two positions: the earlier person is still talked about. */
  private pronounBetween(g: 'm' | 'f', from: number, to: number): boolean {
    const list = this.pronouns[g];
    const i = lowerBound(list, from + 1);
    return i < list.length && (list[i]?.pos ?? to) < to;
  }

  /**
   * The current speaker, last named after `from`, is a person of the other gender, and a new
   * person, mentioned at `at` after that speaker and not yet referred to by "he" ("she"), comes
   * after: "“...,” Jane Roe said. Yet there was John Doe. “...,” he said." The news convention of
   * "he" meaning the current speaker does not hold, so the person last mentioned is meant.
   */
  private newPersonAfterOther(
    from: number,
    at: number,
    pos: number,
    person: (m: Mention) => boolean,
    g: 'm' | 'f',
  ): boolean {
    const last = this.latestSpeakerMention(pos, person);
    if (last === null || last.pos <= from || last.pos >= at) return false;
    const lg = this.genderOf(last.name);
    return lg !== null && lg !== g && !this.pronounBetween(g, last.pos, at);
  }

  /** The paragraph holding position `pos`. */
  private paragraphAt(pos: number): number {
    let lo = 0;
    let hi = this.paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.paragraphs[mid]?.base ?? 0) <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /**
   * "“...,” said Ann Roe. ⏎ The plan also worries Jane Doe, a nurse. ⏎ “...,” she said.": the
   * last person named (past owners and objects of prepositions named before) is someone new,
   * introduced by full name after the current speaker in this or the previous paragraph, of the
   * pronoun's gender; with no "she" since that sentence began and the speaker not named since,
   * the newcomer is the one the pronoun means.
   */
  private introducedPerson(found: Mention | null, pos: number, g: 'm' | 'f'): string | null {
    const here = this.paragraphAt(pos);
    const start = lowerBound(this.mentions, pos) - 1;
    for (let i = start; i >= 0 && start - i < LOOKBACK; i--) {
      const m = this.mentions[i];
      if (m === undefined || (found !== null && m.pos <= found.pos)) return null;
      if ((m.para ?? -1) < here - 1) return null;
      const first = this.mentionsOf.get(m.name)?.[0] === m.pos;
      if (m.oblique === true && !first) continue;
      if (!first || m.full !== true || this.genderOf(m.name) !== g || !this.isPerson(m.name))
        return null;
      const since = m.sentenceStart ?? m.pos;
      if (this.pronounBetween(g, since - 1, pos)) return null;
      if (found !== null && this.namedSince(found.name, since, pos)) return null;
      return m.name;
    }
    return null;
  }

  /** `name` is mentioned between the two positions, not as an owner or after a preposition. */
  private namedSince(name: string, from: number, to: number): boolean {
    for (let i = lowerBound(this.mentions, from); i < this.mentions.length; i++) {
      const m = this.mentions[i];
      if (m === undefined || m.pos >= to) return false;
      if (m.name === name && m.oblique !== true) return true;
    }
    return false;
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
      const person = (m: Mention): boolean =>
        m.person === true ||
        this.isPerson(m.name) ||
        ((m.quoted === true || m.spoke === true) &&
          /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?$/u.test(m.name) &&
          !isOrgWord(m.name.toLowerCase()));
      const found = this.latestSpeakerMention(
        pos,
        (m) => person(m) && (fits(m.name) || this.namesakeOf(m.name, g) !== null),
      );
      const nearest = this.nearestMention(pos, fits);
      if (
        found !== null &&
        nearest !== null &&
        nearest.oblique !== true &&
        nearest.pos > found.pos &&
        this.newPersonAfterOther(found.pos, nearest.pos, pos, person, g)
      )
        return nearest.name;
      const intro = this.introducedPerson(found, pos, g);
      if (intro !== null) return intro;
      const speaker = found?.name ?? null;
      if (speaker !== null) return fits(speaker) ? speaker : this.namesakeOf(speaker, g);
      // No speaker fits: the nearest person named as a subject or object, not as an owner
      // ("Inspired by Lee’s campaign, he ...") or after a preposition.
      return (this.nearestMention(pos, fits, true) ?? nearest)?.name ?? null;
    }
    return this.lastQuoted(pos);
  }

  resolve(phrase: Phrase, pos: number): string | null {
    switch (phrase.kind) {
      case 'name': {
        if (phrase.group === true) return phrase.name;
        const entity = this.entityFor(phrase.name, pos);
        // "Audiences can expect", "Republicans say", "New Hampshire": nobody by name.
        if (
          entity === undefined &&
          phrase.outlet !== true &&
          (!this.plausibleName(phrase.name) ||
            (phrase.plural === true && this.isCommonPlural(phrase.name.toLowerCase())))
        )
          return null;
        const name = entity?.name ?? phrase.name;
        // "Mrs. Clinton said": the honorific settles the gender for later pronouns.
        if (phrase.gender !== null && !this.gender.has(name)) this.gender.set(name, phrase.gender);
        return name;
      }
      case 'pronoun':
        return this.byPronoun(phrase.word, pos);
      case 'role': {
        const { named, inner } = phrase;
        // "Dean said" after "Howard Dean": the surname of a person the article named in full.
        if (phrase.surname !== undefined) {
          const e = matchEntity(this.entities, phrase.surname);
          if (e?.kind === 'person' && e.name.includes(' ')) return e.name;
        }
        // The name modifying the role ("an AIPAC spokesman"), and the one it is of ("an adviser
        // to Baker").
        const byModifier =
          named !== undefined && this.plausibleName(named)
            ? () => this.resolve({ kind: 'name', name: named, gender: null, outlet: true }, pos)
            : null;
        const byInner =
          inner !== null
            ? () => this.resolve({ kind: 'name', name: inner, gender: null }, pos)
            : null;
        // "one Clinton aide": someone new, named by the name that modifies the role.
        if (!phrase.definite && byModifier !== null) return byModifier();
        if (!phrase.definite && byInner !== null) {
          const found = byInner();
          if (found !== null) return found;
        }
        // "said the Labour leader", after "Roe spoke as the Labour leader".
        const holder = phrase.definite ? this.roleHolder(phrase.words, pos) : null;
        if (holder !== null) return holder;
        // "a White House official": someone the article has not named, not a described person.
        const byRole = phrase.definite ? this.byRole(phrase.words, pos) : null;
        const topic = phrase.definite ? this.topicBefore(pos, phrase.words, byRole) : null;
        if (topic !== null) return topic;
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
        if (byModifier !== null) return byModifier();
        if (byInner !== null) return byInner();
        return phrase.definite ? this.lastQuoted(pos) : null;
      }
      case 'publication':
        // "the paper said": the last institution that spoke ("The Journal notes") or was cited.
        return this.latestSpeaker(pos, (m) => m.cited === true || m.institution === true);
      case 'document':
        return (
          this.byDocument(phrase.noun, pos) ??
          this.latestSpeaker(pos, (m) => m.quoted === true || m.verb === true)
        );
    }
  }
}

/** Pronouns that refer back to a man or a woman, subject or possessive. */
const SUBJECT_PRONOUNS = new Map<string, 'm' | 'f'>([
  ['he', 'm'],
  ['his', 'm'],
  ['she', 'f'],
  ['her', 'f'],
]);
/** Tokens after a subject searched for its pronoun (a long sentence). */
const PRONOUN_REACH = 30;

/**
 * The gender of a pronoun later in the sentence whose first name ends at `b`, with no other
 * person's name, quotation or ";" between: "Ivo Marek said his team ..." (m), "Brill, who won
 * her first race ..." (f). Another person ("Marek told Lee Chan she ...") leaves it open.
 */
function pronounAfterSubject(
  para: Paragraph,
  b: number,
  inside: (k: number) => boolean,
  isPersonName: (name: string) => boolean,
): 'm' | 'f' | null {
  const { tokens } = para;
  const s = para.sentence[b - 1];
  for (let k = b; k < tokens.length && k - b < PRONOUN_REACH; k++) {
    const t = tokens[k];
    if (t === undefined || para.sentence[k] !== s || inside(k)) return null;
    if (isNameToken(t)) {
      // "told a TV interviewer that he": a name, but not a person's, does not intervene.
      let e = k + 1;
      while (e < tokens.length && e - b < PRONOUN_REACH && isNameToken(tokens[e] ?? t)) e++;
      if (isPersonName(nameText(tokens, k, e))) return null;
      k = e - 1;
      continue;
    }
    if (t.text === ';' || t.lower === 'they' || t.lower === 'their') return null;
    const g = SUBJECT_PRONOUNS.get(t.lower);
    if (g !== undefined) return g;
  }
  return null;
}

/**
 * "as the Labour leader": the definite role phrase of `size` words ending at `k` follows "as"
 * (not "such as", "as well as").
 */
function asRole(tokens: readonly Token[], k: number, size: number): boolean {
  const d = k - size;
  return (
    tokens[d]?.lower === 'the' &&
    tokens[d - 1]?.lower === 'as' &&
    !/^(?:such|well|same)$/.test(tokens[d - 2]?.lower ?? '')
  );
}

/** The document at `k` is a quote's source: "the memo said", "according to the memo". */
function quotesDocument(tokens: readonly Token[], k: number): boolean {
  if (isFiniteSpeechAt(tokens, k + 1)) return true;
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    if (tokens[j]?.lower === 'to' && tokens[j - 1]?.lower === 'according') return true;
  }
  return false;
}

/** Words that follow the subject of a reported clause: "said Doe would", "said Doe has". */
const CLAUSE_VERB =
  /^(?:is|was|are|were|has|had|have|would|will|could|should|can|may|might|must|did|does|\p{Ll}+ed|\p{Ll}+[^s\W]s)$/u;

/**
 * The name at `k`, right after a speech verb, is the subject of what was said, not the speaker:
 * "Roe, a county official, said Doe continued to ...".
 */
function clauseAfter(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined || !isNameToken(t)) return false;
  const [, b] = runAround(tokens, k);
  return CLAUSE_VERB.test(tokens[b]?.text ?? '');
}

/** The name just before the verb at `v` follows a speech verb: "said Doe continued". */
function reportedSubject(tokens: readonly Token[], v: number): boolean {
  const t = tokens[v - 1];
  if (t === undefined || !isNameToken(t)) return false;
  const [a] = runAround(tokens, v - 1);
  return isFiniteSpeechAt(tokens, a - 1);
}

/** How far back from a speech verb the "that" of a clause reported by someone else may stand. */
const EMBED_REACH = 8;

/**
 * The speech verb at `v` sits in a "that" clause of another speech verb: "Roe said that Doe had
 * reported ...", "noting that the paper’s Doe had written ...". Doe is talked about, Roe speaks.
 */
function embeddedReport(tokens: readonly Token[], v: number, floor: number): boolean {
  for (let j = v - 1; j > floor && v - j <= EMBED_REACH; j--) {
    const t = tokens[j];
    if (t === undefined || /^[,;:“”"]$/.test(t.text)) return false;
    if (t.lower !== 'that') continue;
    for (let u = j - 1; u >= floor && j - u <= 2; u--) {
      const w = tokens[u];
      if (w !== undefined && (isFiniteSpeechAt(tokens, u) || SPEECH_PARTICIPLE.has(w.lower)))
        return true;
    }
    return false;
  }
  return false;
}

/** For each token of the paragraph, the index of the first token of its sentence. */
function sentenceStarts(para: Paragraph): number[] {
  const starts: number[] = [];
  para.tokens.forEach((_, k) => {
    const same = k > 0 && para.sentence[k - 1] === para.sentence[k];
    starts.push(same ? (starts[k - 1] ?? k) : k);
  });
  return starts;
}

/**
 * Holds the description all the role words' heads ("the Florida senator": "senator"), and its
 * places agree: "the New Jersey governor" is not the "former New York governor".
 */
function describedAs({ desc, placed }: DescribedPerson, words: readonly string[]): boolean {
  const heads = words.filter((w) => isRoleWord(w)).map(canonicalRole);
  if (!heads.every((h) => desc.includes(` ${h} `))) return false;
  return !placed || words.every((w) => !isPlaceName(w) || desc.includes(` ${w} `));
}

/** The sentence holding `pos`, given where each sentence starts (ascending). */
function sentenceAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
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
