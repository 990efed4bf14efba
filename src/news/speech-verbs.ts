/**
 * Verbs that attribute speech ("said", "told", "warned"...), as the exact word forms news text
 * uses. Finite forms take a subject ("Zarif said"); participles ("saying", "adding") attribute to
 * the subject of the clause they hang from.
 */

/** Regular verbs given by their base form; forms are generated below. */
const REGULAR =
  'add admit announce answer argue ask assert boast caution charge claim complain concede ' +
  'conclude confirm contend continue counter declare deny describe emphasize emphasise explain ' +
  'insist joke lament maintain mention note object observe plead post predict promise ' +
  'quip recall remark repeat reply report respond scream shout state stress suggest ' +
  'testify tweet urge vow warn whisper yell acknowledge allege affirm demand announce ' +
  'reiterate retort recount muse agree disagree estimate exclaim mock echo gush marvel scoff ' +
  'concur caution assure lash rail press question proclaim demur interject opine tout brag ' +
  'pledge inquire wonder elaborate clarify interrupt snap rant fume bark grumble gripe sigh ' +
  'confess laugh beam remember retaliate blog react';

/** Irregular verbs: base, third person, past (and participle), -ing. */
const IRREGULAR: readonly (readonly string[])[] = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['write', 'writes', 'wrote', 'writing', 'written'],
  ['speak', 'speaks', 'spoke', 'speaking', 'spoken'],
];

function regularForms(base: string): string[] {
  if (base.endsWith('e')) return [base, `${base}s`, `${base}d`, `${base.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(base)) {
    const stem = base.slice(0, -1);
    return [base, `${stem}ies`, `${stem}ied`, `${base}ing`];
  }
  if (/^(quip|admit|plead|snap|brag|blog)$/.test(base)) {
    const past = base === 'plead' ? 'pleaded' : `${base}${base.slice(-1)}ed`;
    const ing = base === 'plead' ? 'pleading' : `${base}${base.slice(-1)}ing`;
    return [base, `${base}s`, past, ing];
  }
  if (/(ss|sh|ch|x)$/.test(base)) return [base, `${base}es`, `${base}ed`, `${base}ing`];
  return [base, `${base}s`, `${base}ed`, `${base}ing`];
}

const finite = new Set<string>();
const participle = new Set<string>();
/** Bases that double as nouns ("a note", "the claims"): only their -ed and -ing forms count. */
const NOUN_LIKE = new Set(
  'answer charge claim demand estimate joke note object point post promise quip remark repeat report state tweet vow comment press question pledge rant snap blog'.split(
    ' ',
  ),
);
/** Bare forms that are safe as present tense ("they say", "officials warn"). */
const BARE = new Set(['say', 'tell', 'add', 'insist', 'argue', 'warn', 'explain', 'write']);

for (const forms of [...REGULAR.split(' ').map(regularForms), ...IRREGULAR]) {
  const base = forms[0] ?? '';
  forms.forEach((form, i) => {
    if (form.endsWith('ing')) participle.add(form);
    else if (i !== 0 || BARE.has(base) || !NOUN_LIKE.has(base)) finite.add(form);
  });
}

/** Finite speech verbs and past participles ("said", "says", "has told"). */
export const SPEECH_FINITE: ReadonlySet<string> = finite;
/** -ing forms that attach a quote to the clause's subject ("..., saying"). */
export const SPEECH_PARTICIPLE: ReadonlySet<string> = participle;

/** True for any speech-verb form (lower-case input). */
export function isSpeechVerb(word: string): boolean {
  return finite.has(word) || participle.has(word);
}

/** Two-word speech verbs: "shot back", "went on", "chimed in", "pointed out", "as X put it". */
const PHRASAL: ReadonlyMap<string, string> = new Map([
  ['shot', 'back'],
  ['fired', 'back'],
  ['hit', 'back'],
  ['pushed', 'back'],
  ['went', 'on'],
  ['goes', 'on'],
  ['chimed', 'in'],
  ['put', 'it'],
  ['puts', 'it'],
  ['pointed', 'out'],
  ['points', 'out'],
  ['weighed', 'in'],
  ['weighs', 'in'],
]);

/**
 * True when `word` followed by `next` is a two-word speech verb (lower-case input). "Went on"
 * speaks only before punctuation or "about" ("she went on: ...", "he went on about ..."):
 * before a word it is a motion or a continuation ("the Senate goes on recess", "went on to win").
 */
export function isPhrasalSpeech(
  word: string,
  next: string | undefined,
  after?: string | undefined,
): boolean {
  if (next === undefined || PHRASAL.get(word) !== next) return false;
  return next !== 'on' || after === undefined || after === 'about' || !/\p{L}/u.test(after);
}
