/**
 * Word tokens with offsets, and the vocabulary of names: capitalised runs ("Iranian Foreign
 * Minister Javad Zarif"), the role words and titles that describe people, pronouns, and the key
 * that merges short mentions ("Zarif", "al-Kadhimi") into a full name. Pure functions.
 */
import { givenNameGender } from './given-names.js';

export { givenNameGender };

export interface Token {
  /** The token as written (possessive "’s" kept). */
  text: string;
  /** Lower-case form without a possessive ending. */
  lower: string;
  start: number;
  end: number;
  /** Starts with a capital letter (or is an "al-Kadhimi" style particle name). */
  cap: boolean;
  /** Ends with a possessive "’s" / "'s". */
  possessive: boolean;
}

/**
 * Words (letters/digits joined by apostrophes, hyphens or inner dots, with a trailing dot kept
 * for abbreviations) or single non-space characters. No nested quantifiers: linear time.
 */
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?|\S/gu;

/** Abbreviations whose trailing period belongs to the word. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr sen rep gov gen lt col maj capt sgt cmdr adm brig rev fr hon pres st jr sr ' +
    'prof supt det insp no vs inc corp co ltd jan feb mar apr aug sep sept oct nov dec'
  ).split(' '),
);

const POSSESSIVE = /['’]s$/;
const PARTY_TAG = /^[DRI]-\p{Lu}[\p{L}.]{0,6}$/u;

/** "R-Ky.", "D-Va.": a party-state tag written after a politician's name. */
export function isPartyTag(text: string): boolean {
  return PARTY_TAG.test(text);
}
const NAME_PARTICLE =
  /^(?:al|el|ad|as|ash|at|bin|ibn|abu|de|del|della|der|van|von|da|di|du|la|le|dos|das|ben|mac)$/;
const PARTICLE_PREFIX = /^(?:al|el|ad|as|ash|at)-\p{Lu}/u;

function isCapital(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

/** Tokens of recently seen sentences: entities and quotes read the same sentences. */
const TOKEN_CACHE_LIMIT = 20_000;
const tokenCache = new Map<string, readonly Token[]>();

/** Tokenises `text` (offsets from 0), memoised; the tokens must not be modified. */
export function tokenizeCached(text: string): readonly Token[] {
  let tokens = tokenCache.get(text);
  if (tokens === undefined) {
    tokens = tokenize(text);
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

/** Tokenises `text`; offsets are shifted by `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let word = m[0];
    let start = m.index;
    if (word.length > 1 && word.endsWith('.')) {
      const bare = word.slice(0, -1);
      // "Jr.", "U.S.", "R-Ky." (a party-state tag): the period belongs to the word.
      const keep =
        ABBREVIATIONS.has(bare.toLowerCase()) ||
        bare.includes('.') ||
        bare.length === 1 ||
        PARTY_TAG.test(bare);
      if (!keep) {
        push(out, bare, base + start);
        word = '.';
        start += bare.length;
      }
    }
    push(out, word, base + start);
  }
  return out;
}

function push(out: Token[], text: string, start: number): void {
  const possessive = text.length > 2 && text.endsWith('s') && POSSESSIVE.test(text);
  const bare = possessive ? text.slice(0, -2) : text;
  out.push({
    text,
    lower: bare.toLowerCase(),
    start,
    end: start + text.length,
    cap: startsCapitalised(text),
    possessive,
  });
}

/** A capital first letter, or an "al-Kadhimi" style particle name (ASCII checked first: hot). */
function startsCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c === 97 || c === 101) return PARTICLE_PREFIX.test(text);
  if (c < 128) return false;
  const first = text[0] ?? '';
  return isCapital(first) && /\p{L}/u.test(first);
}

/** Capitalised words that are not names when they open a run (sentence starts, months, days). */
const NOT_NAME = new Set(
  (
    'the a an and but or so yet if in on at as by for from of to with without into onto after ' +
    'before during following while when where whether although though because since until unless ' +
    'he she it they we i you his her its their our my your this that these those there here ' +
    'then thus also however meanwhile still now today yesterday tomorrow last next earlier later ' +
    'some many most one two three all both each every no not nor what why how who whom which ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december jan feb mar apr jun jul aug sep sept ' +
    'oct nov dec like just even only mr. mrs. ms. dr. said says asked told according indeed ' +
    'instead perhaps maybe yes oh well please let more less other another such under over about ' +
    'rather moreover furthermore finally nonetheless nevertheless again first second third ' +
    'sometimes often already hence otherwise besides anyway overall ultimately eventually ' +
    'suddenly recently currently previously initially originally asked speaking according'
  ).split(' '),
);

/** Courtesy titles: dropped from names and descriptions, but they mark a person (and gender). */
export const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['mr', 'm'],
  ['mr.', 'm'],
  ['mrs', 'f'],
  ['mrs.', 'f'],
  ['ms', 'f'],
  ['ms.', 'f'],
  ['miss', 'f'],
  ['sir', 'm'],
  ['dame', 'f'],
  ['dr', null],
  ['dr.', null],
]);

/** Nouns that say what a person is: the heads of descriptions. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    'minister president leader premier pm commander chief head secretary senator sen. rep. ' +
    'representative governor gov. mayor spokesman spokeswoman spokesperson chairman chairwoman ' +
    'chair ceo director ambassador general gen. judge justice king queen prince princess ' +
    'ayatollah cleric officer official adviser advisor aide analyst professor prof. founder ' +
    'manager nominee candidate speaker lawmaker congressman congresswoman chancellor pope envoy ' +
    'strategist attorney lawyer economist executive editor reporter correspondent columnist ' +
    'author host anchor owner coach captain singer actor actress star producer writer ' +
    'investor billionaire businessman businesswoman activist campaigner researcher scientist ' +
    'doctor expert sheriff prosecutor rabbi imam bishop cardinal emir sultan sheikh colonel ' +
    'col. lieutenant lt. sergeant sgt. admiral boss partner president-elect ' +
    'director-general secretary-general vice-president mp mep pollster consultant ' +
    'commissioner administrator superintendent inspector detective chairperson treasurer ' +
    'dean rector principal counsel deputy negotiator militant councillor councilman ' +
    'councilwoman delegate diplomat historian philosopher chief-executive ' +
    'marshal general-secretary monarch crown emperor empress shah grand-ayatollah'
  ).split(' '),
);

/** Words that may modify a role inside a description ("former", "top", "foreign"). */
const ROLE_MODIFIERS = new Set(
  (
    'former then acting deputy vice top senior chief elite foreign prime interior defense ' +
    'defence finance state presidential republican democratic democrat conservative liberal ' +
    'labour tory veteran longtime long-time outgoing incoming new current late retired military ' +
    'national security campaign press white house assistant associate executive general ' +
    'managing communications policy political party opposition minority majority supreme ' +
    'spiritual religious independent fellow u.s. us federal county city district regional ' +
    'local chief-of-staff staff legal health economic trade energy justice education homeland ' +
    'intelligence army navy police fire senate congressional gop team club company firm ' +
    'hardline moderate leading influential powerful prominent founding co-founder co-founding ' +
    'global international european american british world junior principal lead special'
  ).split(' '),
);

/** Role-word synonyms, so "the Iraqi PM" finds "Iraqi Prime Minister". */
const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['pm', 'prime minister'],
  ['premier', 'prime minister'],
  ['sen.', 'senator'],
  ['rep.', 'representative'],
  ['gov.', 'governor'],
  ['gen.', 'general'],
  ['prof.', 'professor'],
  ['col.', 'colonel'],
  ['lt.', 'lieutenant'],
  ['sgt.', 'sergeant'],
  ['spokeswoman', 'spokesman'],
  ['spokesperson', 'spokesman'],
  ['chairwoman', 'chairman'],
  ['chair', 'chairman'],
  ['advisor', 'adviser'],
  ['congresswoman', 'congressman'],
]);

/** Role words implying a gender. */
const FEMALE_ROLES = new Set(
  'spokeswoman chairwoman congresswoman queen princess actress businesswoman councilwoman empress'.split(
    ' ',
  ),
);
const MALE_ROLES = new Set(
  'spokesman chairman congressman king prince businessman councilman emperor'.split(' '),
);

/** Canonical form of a role word ("PM" → "prime minister"). */
export function canonicalRole(word: string): string {
  const lower = word.toLowerCase();
  return ROLE_SYNONYMS.get(lower) ?? lower;
}

export function isRoleWord(lower: string): boolean {
  return ROLE_WORDS.has(lower);
}

export function isRoleModifier(lower: string): boolean {
  if (ROLE_MODIFIERS.has(lower)) return true;
  // "vice-presidential", "co-founding": compounds of modifiers and roles.
  return (
    lower.includes('-') &&
    lower
      .split('-')
      .every((part) => ROLE_MODIFIERS.has(part) || ROLE_WORDS.has(part) || part === 'co')
  );
}

/** Gender a role word implies, if any. */
export function roleGender(lower: string): 'm' | 'f' | null {
  if (FEMALE_ROLES.has(lower)) return 'f';
  if (MALE_ROLES.has(lower)) return 'm';
  return null;
}

export const PRONOUN_GENDER: ReadonlyMap<string, 'm' | 'f' | 'n' | 'p'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['it', 'n'],
  ['they', 'p'],
  ['we', 'p'],
  ['i', 'p'],
]);

/** Words that end an organisation's name ("Quds Force", "State Department"). */
const ORG_WORDS = new Set(
  (
    'party ministry council force forces committee department agency union bank commission court ' +
    'congress parliament senate network news times post journal corp corp. inc inc. company ' +
    'university institute foundation association organization organisation guard guards army ' +
    'navy fund group office administration service police federation board club league reserve ' +
    'assembly authority bureau cabinet campaign center centre church coalition college ' +
    'corporation government hospital international magazine media movement nations press ' +
    'project school society tribune herald telegraph guardian gazette reuters ap airlines ' +
    'brigade brigades militia front alliance caucus pac fbi cia nsa'
  ).split(' '),
);

/** Upper-case abbreviations that are places, not organisations. */
const PLACE_ACRONYMS = new Set('us u.s. uk u.k. usa u.s.a. uae eu tv ok ii iii iv'.split(' '));

export function isOrgWord(lower: string): boolean {
  return ORG_WORDS.has(lower);
}

/** An organisation written as an acronym ("NATO", "FBI"). */
export function isOrgAcronym(text: string): boolean {
  const bare = text.replace(POSSESSIVE, '');
  return /^\p{Lu}{2,6}$/u.test(bare) && !PLACE_ACRONYMS.has(bare.toLowerCase());
}

export function isNameToken(token: Token): boolean {
  return (
    token.cap &&
    !NOT_NAME.has(token.lower) &&
    /\p{L}/u.test(token.text) &&
    // "Don’t", "Can't": a negated auxiliary opening a question, never a name.
    !/n['’]t$/u.test(token.lower)
  );
}

export function isNameParticle(token: Token): boolean {
  return NAME_PARTICLE.test(token.lower);
}

/** Maximal capitalised runs: [start, end) token index pairs; a possessive ends a run. */
export function nameRuns(
  tokens: readonly Token[],
  from = 0,
  to = tokens.length,
): [number, number][] {
  const runs: [number, number][] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (t === undefined || !isNameToken(t)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (!t.possessive) {
      while (j < to) {
        const u = tokens[j];
        if (u === undefined) break;
        if (u.cap && /\p{L}/u.test(u.text) && !NOT_NAME.has(u.lower)) {
          j++;
          if (u.possessive) break;
          continue;
        }
        const v = tokens[j + 1];
        if (isNameParticle(u) && v !== undefined && j + 1 < to && v.cap && !NOT_NAME.has(v.lower)) {
          j += 1;
          continue;
        }
        break;
      }
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** A run split into the description words in front of the name and the name itself. */
export interface SplitRun {
  /** Token index where the name starts (after titles such as "Foreign Minister"). */
  nameStart: number;
  /** Titles within the run, as written ("Iranian Foreign Minister"), honorifics dropped. */
  title: string[];
  gender: 'm' | 'f' | null;
}

/** Splits a capitalised run at its last role word or honorific. */
export function splitRun(tokens: readonly Token[], start: number, end: number): SplitRun {
  let cut = start;
  let gender: 'm' | 'f' | null = null;
  for (let k = start; k < end - 1; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    if (HONORIFICS.has(t.lower)) {
      gender = HONORIFICS.get(t.lower) ?? gender;
      cut = k + 1;
    } else if (ROLE_WORDS.has(t.lower) && !t.possessive) {
      gender = roleGender(t.lower) ?? gender;
      cut = k + 1;
    }
  }
  const title: string[] = [];
  for (let k = start; k < cut; k++) {
    const t = tokens[k];
    if (t !== undefined && !HONORIFICS.has(t.lower)) title.push(t.text);
  }
  return { nameStart: cut, title, gender };
}

/** The name a run of tokens spells, possessive dropped. */
export function nameText(tokens: readonly Token[], start: number, end: number): string {
  const parts: string[] = [];
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (t !== undefined) parts.push(t.possessive ? t.text.slice(0, -2) : t.text);
  }
  return parts.join(' ');
}

/** Key that merges mentions of one person: the surname without "al-" and possessive. */
const surnameCache = new Map<string, string>();

export function surnameKey(name: string): string {
  let key = surnameCache.get(name);
  if (key === undefined) {
    const parts = name.split(' ').filter((p) => !/^(?:jr\.?|sr\.?|ii|iii|iv)$/i.test(p));
    const last = parts[parts.length - 1] ?? name;
    key = last
      .replace(POSSESSIVE, '')
      .replace(/^(?:al|el|ad|as|ash|at)-/i, '')
      .toLowerCase();
    if (surnameCache.size >= TOKEN_CACHE_LIMIT) surnameCache.clear();
    surnameCache.set(name, key);
  }
  return key;
}

/** Places, nationalities and party labels: capitalised words that name no person. */
const PLACE_WORDS = new Set(
  (
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia ' +
    'hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts ' +
    'michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york ' +
    'carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah vermont ' +
    'virginia washington wisconsin wyoming america american americans united states u.s. us usa ' +
    'britain england scotland europe european china chinese russia russian germany german france ' +
    'french israel israeli iran iranian iraq iraqi syria syrian mexican canada canadian japan ' +
    'japanese korea korean india indian africa african asia asian cuba cuban latino latinos ' +
    'hispanic muslim muslims christian christians catholic islamic western eastern northern ' +
    'southern new north south east west city county state sunshine atlantic pacific valley ' +
    'republican republicans democrat democrats democratic gop conservative conservatives liberal ' +
    'liberals congress senate house washington ' +
    // State abbreviations of news style ("Aspen, Colo."), the unambiguous ones.
    'ala ariz ark calif colo conn fla kan kans ky md mich minn mont neb nev okla tenn tex vt wis wyo'
  ).split(' '),
);

/** A name made only of place, nationality or party words ("New Hampshire", "Republicans"). */
export function isPlaceName(name: string): boolean {
  let place = placeCache.get(name);
  if (place === undefined) {
    place = name
      .toLowerCase()
      .split(' ')
      .every((w) => PLACE_WORDS.has(w.replace(POSSESSIVE, '')));
    if (placeCache.size >= TOKEN_CACHE_LIMIT) placeCache.clear();
    placeCache.set(name, place);
  }
  return place;
}

const placeCache = new Map<string, boolean>();

/** Words the text also writes in lower case: capitalised, they are sentence starts, not names. */
export function lowercaseWords(sentences: readonly string[]): ReadonlySet<string> {
  let out = lowercaseCache.get(sentences);
  if (out === undefined) {
    const words = new Set<string>();
    for (const s of sentences) {
      for (const t of tokenizeCached(s)) {
        if (!t.cap && hasCasedLetter(t.lower)) words.add(t.lower);
      }
    }
    lowercaseCache.set(sentences, words);
    out = words;
  }
  return out;
}

/** A letter with an upper-case form (ASCII a-z checked first: most words start with one). */
function hasCasedLetter(lower: string): boolean {
  const c = lower.charCodeAt(0);
  return (c >= 97 && c <= 122) || lower !== lower.toUpperCase();
}

/** Per article: entities and quotes read the same sentence list. */
const lowercaseCache = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * Where the name inside a capitalised run starts: past leading words the text also writes in
 * lower case, or that stand before a known given name ("Crooked Hillary Clinton", "Black
 * Lawmakers Rip Donald Trump", "Telling Jeb Bush"). A name keeps at least two words.
 */
export function trimNameStart(
  tokens: readonly Token[],
  start: number,
  end: number,
  lower: ReadonlySet<string>,
): number {
  let a = start;
  while (end - a > 2 && lower.has(tokens[a]?.lower ?? '')) a++;
  for (let k = end - 2; k > a; k--) {
    const t = tokens[k];
    const before = tokens[k - 1];
    if (
      t !== undefined &&
      before !== undefined &&
      givenNameGender(t.lower) !== null &&
      givenNameGender(before.lower) === null &&
      !NAME_PARTICLE.test(before.lower) &&
      !HONORIFICS.has(before.lower) &&
      !ROLE_WORDS.has(before.lower)
    ) {
      return k;
    }
  }
  return a;
}

/** Roles an honorific addresses by title ("Mr. President", "Madam Speaker"). */
const ADDRESS_ROLES = new Set(
  'president speaker chairman chairwoman secretary ambassador minister mayor governor senator'.split(
    ' ',
  ),
);

/** A known given name in [start, end) ("Mary" in "Mary Jo Bishop"): the run is a full name. */
function hasGivenName(tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (t !== undefined && t.cap && givenNameGender(t.lower) !== null) return true;
  }
  return false;
}

/**
 * The run [start, end) ends in a role ("the Iraqi PM", "Prime Minister"), not in a surname
 * that is also a role word ("Charlie King", "Mr. Judge", "Howard Dean", "Mary Jo Bishop").
 */
export function endsInRole(tokens: readonly Token[], start: number, end: number): boolean {
  const last = tokens[end - 1];
  if (last === undefined || !ROLE_WORDS.has(last.lower)) return false;
  const before = tokens[end - 2];
  // "Mr. Judge": an honorific, even one outside the run, makes the word a surname; not a
  // title of address ("Mr. President").
  if (before !== undefined && HONORIFICS.has(before.lower) && !ADDRESS_ROLES.has(last.lower))
    return false;
  if (end - 1 <= start || before === undefined) return true;
  if (givenNameGender(before.lower) !== null || hasGivenName(tokens, start, end - 2)) return false;
  // "Iraqi PM", "Senate Majority Leader", "Jordanian King": modifiers, places, nationalities.
  return (
    ROLE_WORDS.has(before.lower) ||
    ROLE_MODIFIERS.has(before.lower) ||
    PLACE_WORDS.has(before.lower) ||
    /(?:an|ese|i|ish)$/.test(before.lower) ||
    !before.cap
  );
}
