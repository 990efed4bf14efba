/**
 * Who's who: the people and organisations an article names, each with the description the
 * article gives it ("Iranian Foreign Minister Javad Zarif", "Mustafa al-Kadhimi, the Iraqi prime
 * minister", "X, who heads Y") and how often it is mentioned, short mentions ("Zarif",
 * "al-Kadhimi") merged into the full name. Pure and linear in the text length.
 */
import type { Entity } from './article.js';
import {
  HONORIFICS,
  endsInRole,
  isNameToken,
  isOrgAcronym,
  isOrgWord,
  isPartyTag,
  isRoleModifier,
  isPlaceName,
  isRoleWord,
  lowercaseWords,
  nameRuns,
  nameText,
  splitRun,
  surnameKey,
  tokenizeCached,
  trimNameStart,
  type Token,
} from './names.js';
import { SPEECH_FINITE, isSpeechVerb } from './speech-verbs.js';

/** One capitalised-name occurrence with what its context says about it. */
interface Mention {
  name: string;
  kind: 'person' | 'organisation' | 'unknown';
  description: string | null;
  /** Context shows a person: honorific, role title or speech verb next to it. */
  personal: boolean;
  /**
   * A lone role word ("King") or a word the text also writes in lower case ("Will", "Rose"):
   * a person only as the surname of a full name.
   */
  surnameOnly?: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'to', 'in', 'on', 'at', 'a', 'an']);
/** What may stand before a sentence's first word: nothing, an opening mark, a colon or dash. */
const OPENING = /^(?:|[“"‘'([:;—–-])$/;
/** Party or status words written before a name without being part of it. */
const LEADING_ADJECTIVES = new Set([
  'republican',
  'democrat',
  'democratic',
  'former',
  'gop',
  'then',
  'late',
]);
const PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'to', 'with', 'on', 'from']);
const APPOSITIVE_END = new Set([',', '.', ';', '-', '–', '—', '(', ')', ':', '!', '?']);
/** Words that open a relative clause: a description ends before them. */
const RELATIVE = new Set(['that', 'which', 'whose', 'where', 'when']);
/** Words between a name and a place ("McConnell of Kentucky"). */
const PLACE_PREPOSITIONS = new Set(['of', 'from', 'in', 'at', 'to', 'near']);
const MAX_DESCRIPTION = 12;
const MAX_PREFIX = 8;
const WHO_VERBS: ReadonlyMap<string, string> = new Map([
  ['heads', 'head of'],
  ['headed', 'former head of'],
  ['leads', 'leader of'],
  ['led', 'former leader of'],
  ['runs', 'head of'],
  ['ran', 'former head of'],
  ['chairs', 'chair of'],
  ['directs', 'director of'],
  ['founded', 'founder of'],
  ['co-founded', 'co-founder of'],
  ['owns', 'owner of'],
  ['represents', 'representative of'],
  ['commands', 'commander of'],
]);

function words(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    const glue = out === '' || t.text === ',' || t.text === '’s' ? '' : ' ';
    out += glue + t.text;
  }
  return out;
}

/** "Iraqi prime minister" → "Iraqi Prime Minister" when the whole phrase is a title. */
function titleCase(tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  let titled = first !== undefined && first.cap;
  for (let k = from; k < to && titled; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    titled = t.cap || isRoleWord(t.lower) || isRoleModifier(t.lower) || SMALL_WORDS.has(t.lower);
  }
  if (!titled) return words(tokens, from, to);
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    parts.push(
      t.cap || SMALL_WORDS.has(t.lower)
        ? t.text
        : (t.text[0] ?? '').toUpperCase() + t.text.slice(1),
    );
  }
  return parts.join(' ');
}

/** Role words written in front of a run ("elite commander", "Trump’s campaign manager"). */
function prefixDescription(tokens: readonly Token[], runStart: number, titled: boolean): number {
  const before = tokens[runStart - 1];
  if (before === undefined) return runStart;
  // A role right before the run ("elite commander Qasem Soleimani"), or modifiers before a
  // title inside it ("Tulsa police Chief Chuck Jordan").
  if (before.possessive) return runStart;
  if (!isRoleWord(before.lower) && !(titled && isRoleModifier(before.lower))) return runStart;
  let k = runStart;
  while (k > 0 && runStart - k < MAX_PREFIX) {
    const t = tokens[k - 1];
    if (t === undefined) break;
    const next = tokens[k];
    const fits =
      isRoleWord(t.lower) ||
      isRoleModifier(t.lower) ||
      (isNameToken(t) && !HONORIFICS.has(t.lower)) ||
      (t.lower === 'of' && next !== undefined && next.cap);
    if (!fits) break;
    k--;
  }
  while (k < runStart && tokens[k]?.lower === 'of') k++;
  return k;
}

/** ", the Iraqi prime minister," / "– commander of Iran’s elite Quds Force" after a name. */
function appositive(tokens: readonly Token[], runEnd: number): string | null {
  let end = runEnd;
  // "Rep. Jim Clyburn (D-S.C.), the assistant leader": past the parenthesis.
  if (tokens[end]?.text === '(') {
    let close = end + 1;
    while (close < tokens.length && close - end < 8 && tokens[close]?.text !== ')') close++;
    if (tokens[close]?.text === ')') end = close + 1;
  }
  const comma = tokens[end];
  if (comma === undefined || !/^[,–—(]$/.test(comma.text)) return null;
  let k = end + 1;
  if (/^\d+$/.test(tokens[k]?.text ?? '') && tokens[k + 1]?.text === ',') k += 2;
  const who = tokens[k];
  if (who?.lower === 'who') return whoClause(tokens, k + 1);
  if (who !== undefined && DETERMINERS.has(who.lower)) k++;
  const from = k;
  // Modifiers, then a role word, then optionally more role words or one prepositional phrase.
  let phase: 'modifiers' | 'role' | 'phrase' = 'modifiers';
  while (k < tokens.length && k - from <= MAX_DESCRIPTION) {
    const t = tokens[k];
    if (t === undefined || APPOSITIVE_END.has(t.text)) break;
    if (t.lower === 'who' || t.lower === 'and' || isSpeechVerb(t.lower)) return null;
    if (phase === 'modifiers') {
      if (isRoleWord(t.lower) && !t.possessive) phase = 'role';
      else if (!(
        t.cap ||
        isRoleModifier(t.lower) ||
        t.possessive ||
        (t.lower === 'of' && k > from)
      ))
        return null;
    } else if (phase === 'role') {
      if (PREPOSITIONS.has(t.lower)) phase = 'phrase';
      else if (!isRoleWord(t.lower)) return null;
    } else if (RELATIVE.has(t.lower)) {
      return titleCase(tokens, from, k);
    }
    k++;
  }
  const stop = tokens[k];
  if (phase === 'modifiers' || (stop !== undefined && !APPOSITIVE_END.has(stop.text))) return null;
  return titleCase(tokens, from, k);
}

/** "who heads the Revolutionary Guards" → "head of the Revolutionary Guards". */
function whoClause(tokens: readonly Token[], k: number): string | null {
  const verb = tokens[k];
  const role = verb === undefined ? undefined : WHO_VERBS.get(verb.lower);
  if (role === undefined) return null;
  let e = k + 1;
  while (e < tokens.length && e - k <= 8 && !APPOSITIVE_END.has(tokens[e]?.text ?? '.')) e++;
  if (e === k + 1) return null;
  return `${role} ${words(tokens, k + 1, e)}`;
}

/** "Jane Roe (R-Ohio)", "John Doe (D)": a party tag in parentheses after a run marks a politician. */
function partyTagAfter(tokens: readonly Token[], end: number): boolean {
  const tag = tokens[end + 1];
  if (tokens[end]?.text !== '(' || tag === undefined) return false;
  if (!isPartyTag(tag.text) && !/^[DRI]$/.test(tag.text)) return false;
  for (let k = end + 2; k < tokens.length && k <= end + 5; k++) {
    if (tokens[k]?.text === ')') return true;
  }
  return false;
}

/** Is the run a speaker: "X said", "X, 45, told", "said X", "according to X"? */
function speaks(tokens: readonly Token[], start: number, end: number): boolean {
  const after = tokens[end];
  const after2 = tokens[end + 1];
  if (after !== undefined && SPEECH_FINITE.has(after.lower)) return true;
  if (
    after2 !== undefined &&
    /^(also|has|had|later|then)$/.test(after?.lower ?? '') &&
    SPEECH_FINITE.has(after2.lower)
  )
    return true;
  const before = tokens[start - 1];
  if (before === undefined) return false;
  if (SPEECH_FINITE.has(before.lower)) return true;
  return before.lower === 'to' && tokens[start - 2]?.lower === 'according';
}

function classify(tokens: readonly Token[], start: number, end: number): Mention['kind'] {
  const last = tokens[end - 1];
  if (last === undefined) return 'unknown';
  if (end - start === 1 && isOrgAcronym(last.text)) return 'organisation';
  for (let k = start; k < end; k++) {
    if (isOrgWord(tokens[k]?.lower ?? '')) return 'organisation';
  }
  return 'unknown';
}

/** Every name mention of one sentence. */
function sentenceMentions(sentence: string, lower: ReadonlySet<string>): Mention[] {
  const tokens = tokenizeCached(sentence);
  const out: Mention[] = [];
  // The end of an organisation's name that took in the run after its "of" or "on".
  let absorbedTo = -1;
  for (const [runStart, runEndRaw] of nameRuns(tokens)) {
    if (runStart < absorbedTo) continue;
    // Headlines in capitals ("DOCTORS DON’T WANT") are not names; acronyms are.
    if (
      runEndRaw - runStart > 1 &&
      !tokens.slice(runStart, runEndRaw).some((t) => /\p{Ll}/u.test(t.text))
    )
      continue;
    let runEnd = runEndRaw;
    // "Department of Justice", "Bank of England", "Commission on Presidential Debates".
    const of = tokens[runEnd];
    const nextTok = tokens[runEnd + 1];
    let absorbed = false;
    if (
      (of?.lower === 'of' || of?.lower === 'on') &&
      nextTok !== undefined &&
      isNameToken(nextTok) &&
      isOrgWord(tokens[runEnd - 1]?.lower ?? '')
    ) {
      const tail = nameRuns(tokens, runEnd + 1)[0];
      if (tail !== undefined && tail[0] === runEnd + 1) {
        runEnd = tail[1];
        absorbedTo = runEnd;
        absorbed = true;
      }
    }
    const split = splitRun(tokens, runStart, runEnd);
    // An organisation's name keeps its head noun ("Republican Party of Wyoming").
    let nameStart = absorbed ? runStart : split.nameStart;
    while (
      !absorbed &&
      nameStart < runEnd - 2 &&
      LEADING_ADJECTIVES.has(tokens[nameStart]?.lower ?? '')
    ) {
      nameStart++;
    }
    if (!absorbed) nameStart = trimNameStart(tokens, nameStart, runEnd, lower);
    if (nameStart >= runEnd || HONORIFICS.has(tokens[runEnd - 1]?.lower ?? '')) continue;
    // "King won": a lone role word may be the surname of a full name ("Sally Jean King").
    const roleWord = endsInRole(tokens, runStart, runEnd);
    if (roleWord && runEnd - runStart > 1) continue;
    const name = nameText(tokens, nameStart, runEnd);
    const kind = absorbed ? 'organisation' : classify(tokens, nameStart, runEnd);
    // "Will wrote": a lone word also written in lower case ("will") names someone only mid-sentence.
    const commonWord = runEnd - nameStart === 1 && lower.has(tokens[nameStart]?.lower ?? '');
    // "Audiences", "Hours", "New Hampshire": sentence starts and places are nobody.
    if (
      kind !== 'organisation' &&
      (isPlaceName(name) || (commonWord && OPENING.test(tokens[nameStart - 1]?.text ?? '')))
    )
      continue;
    const prefixStart = prefixDescription(tokens, runStart, split.title.length > 0);
    const titled = prefixStart < runStart || split.title.length > 0;
    const before = titled ? words(tokens, prefixStart, runStart) : '';
    const title = [before, split.title.join(' ')].filter((s) => s !== '').join(' ');
    // "Mitch McConnell of Kentucky, the majority leader": the appositive is not Kentucky's.
    const beforeName = tokens[runStart - 2];
    const placeLike =
      PLACE_PREPOSITIONS.has(tokens[runStart - 1]?.lower ?? '') &&
      beforeName !== undefined &&
      isNameToken(beforeName);
    const after = kind === 'organisation' || placeLike ? null : appositive(tokens, runEnd);
    const honorific = HONORIFICS.has(tokens[runStart]?.lower ?? '');
    const candidates = [title, after ?? ''].filter((d) => d !== '');
    const description = candidates.reduce<string | null>(
      (best, d) => (longer(d, best) ? d : best),
      null,
    );
    if (roleWord || (commonWord && kind !== 'organisation')) {
      out.push({ name, kind: 'unknown', description: null, personal: false, surnameOnly: true });
      continue;
    }
    out.push({
      name,
      kind,
      description: kind === 'organisation' ? null : description,
      // A lone word next to "said" may be a capital city ("Washington said"): not enough alone.
      personal:
        honorific ||
        description !== null ||
        partyTagAfter(tokens, runEnd) ||
        (runEnd - nameStart > 1 && speaks(tokens, runStart, runEnd)),
    });
  }
  return out;
}

interface Group {
  name: string;
  kind: Mention['kind'];
  description: string | null;
  mentions: number;
  personal: boolean;
  first: number;
  /** Seen on its own, without the rest of the full name. */
  shortUses: number;
  /** Only ever seen as a lone role or common word: kept only when it merges into a full name. */
  surnameOnly?: boolean;
}

/** The more informative of two descriptions: the longer one. */
function longer(candidate: string | null, current: string | null): boolean {
  if (candidate === null) return false;
  return current === null || candidate.split(' ').length > current.split(' ').length;
}

function initials(name: string): string {
  return name
    .split(' ')
    .filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('');
}

/** The people and organisations named in `sentences`, best (most mentioned) first. */
export function findEntities(sentences: string[]): Entity[] {
  const groups = new Map<string, Group>();
  const lower = lowercaseWords(sentences);
  let order = 0;
  for (const sentence of sentences) {
    for (const m of sentenceMentions(sentence, lower)) {
      const g = groups.get(m.name);
      if (g === undefined) {
        groups.set(m.name, { ...m, mentions: 1, first: order++, shortUses: 0 });
        continue;
      }
      g.mentions++;
      g.personal ||= m.personal;
      if (m.surnameOnly !== true) delete g.surnameOnly;
      if (g.kind === 'unknown') g.kind = m.kind;
      if (longer(m.description, g.description)) g.description = m.description;
    }
  }
  // Merge short mentions ("Zarif", "al-Kadhimi") into the full name with the same surname.
  const full = new Map<string, Group>();
  for (const g of groups.values()) {
    if (g.kind !== 'organisation' && g.name.includes(' ')) {
      const key = surnameKey(g.name);
      const known = full.get(key);
      // The longest spelling ("Ildefonso Guajardo Villarreal"), else the most mentioned.
      const better =
        known === undefined ||
        (g.name.endsWith(` ${known.name}`)
          ? true
          : known.name.endsWith(` ${g.name}`)
            ? false
            : g.mentions > known.mentions);
      if (better) full.set(key, g);
    }
  }
  const acronyms = new Map<string, Group>();
  for (const g of groups.values()) {
    if (g.kind === 'organisation' && g.name.includes(' ')) acronyms.set(initials(g.name), g);
  }
  for (const [name, g] of groups) {
    const fullName = full.get(surnameKey(name));
    // A multi-word name merges only into a longer spelling of itself.
    const target = name.includes(' ')
      ? g.kind === 'organisation' || fullName === undefined || !fullName.name.endsWith(` ${name}`)
        ? undefined
        : fullName
      : g.kind === 'organisation'
        ? acronyms.get(name)
        : full.get(surnameKey(name));
    if (target === undefined || target === g) {
      if (g.surnameOnly === true) groups.delete(name);
      continue;
    }
    target.mentions += g.mentions;
    target.shortUses += g.mentions;
    target.personal ||= g.personal;
    target.first = Math.min(target.first, g.first);
    if (longer(g.description, target.description)) target.description = g.description;
    groups.delete(name);
  }
  const out: (Entity & { first: number })[] = [];
  for (const g of groups.values()) {
    const multi = g.name.includes(' ');
    if (g.kind === 'organisation') {
      if (g.mentions >= 2 || g.description !== null) {
        out.push({
          name: g.name,
          kind: 'organisation',
          description: g.description,
          mentions: g.mentions,
          first: g.first,
        });
      }
      continue;
    }
    // A person: described or quoted, or a full name also used on its own by surname.
    if (g.personal || (multi && g.shortUses > 0)) {
      out.push({
        name: g.name,
        kind: 'person',
        description: g.description,
        mentions: g.mentions,
        first: g.first,
      });
    }
  }
  out.sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  return out.map(({ first: _first, ...entity }) => entity);
}

/** The entity a written name refers to: exact name, else the person with that surname. */
export function matchEntity(entities: readonly Entity[], name: string): Entity | undefined {
  let index = indexes.get(entities);
  if (index === undefined) {
    index = { byName: new Map(), bySurname: new Map() };
    for (const e of entities) {
      if (!index.byName.has(e.name)) index.byName.set(e.name, e);
      const key = surnameKey(e.name);
      if (e.kind === 'person' && !index.bySurname.has(key)) index.bySurname.set(key, e);
    }
    indexes.set(entities, index);
  }
  return index.byName.get(name) ?? index.bySurname.get(surnameKey(name));
}

/** Lookup tables per entity list (lists are not modified after findEntities returns them). */
const indexes = new WeakMap<
  readonly Entity[],
  { byName: Map<string, Entity>; bySurname: Map<string, Entity> }
>();
