/**
 * Slack passes a slash command's arguments as one text. This turns it into raw option values
 * for a {@link CommandDef}, generically from its OptionSpecs: choice keywords ("long"),
 * `name value` pairs for integer options ("page 2"), `name:value` for any option (quoted when
 * it has spaces: `source:"Al Jazeera"`), and the `rest` option takes the remaining words.
 * "digest post" style names are subcommands of /digest.
 * Values are validated later by the command's zod schemas (runCommand).
 */
import { isRequired, type CommandDef, type OptionSpec } from '../../command.js';

export type RawOptions = Record<string, string | number>;

export interface ParsedCommand {
  def: CommandDef;
  raw: RawOptions;
}

/** The text could not be read as this command's arguments; `usage` shows how to write it. */
export class CommandTextError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'CommandTextError';
  }
}

/** Top-level Slack commands ("digest" for "digest post"), in registry order. */
export function slackCommandNames(defs: readonly CommandDef[]): string[] {
  return [...new Set(defs.map((d) => topName(d.name)))];
}

export const topName = (name: string): string => name.split(' ')[0]!;

export const usageLine = (def: CommandDef): string => `/${def.name} ${def.usage}`.trimEnd();

/** Undoes Slack's escaping of command text (`&amp;`, `<https://x|x>`, `<@U1|name>`). */
export function unescapeSlackText(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, target: string) => target)
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function parseCommandText(
  defs: readonly CommandDef[],
  top: string,
  text: string,
): ParsedCommand {
  let words = splitWords(unescapeSlackText(text));
  const family = defs.filter((d) => topName(d.name) === top);
  const subs = family.filter((d) => d.name.includes(' '));
  let def = family.find((d) => d.name === top);
  if (subs.length > 0) {
    const sub = subs.find((d) => d.name.split(' ')[1] === words[0]?.toLowerCase());
    if (sub) {
      def = sub;
      words = words.slice(1);
    }
  }
  if (!def) {
    const usage = family.map(usageLine).join('\n');
    const what = words[0] ? `Unknown subcommand “${words[0]}”.` : `/${top} needs a subcommand.`;
    throw new CommandTextError(what, usage);
  }
  return { def, raw: readOptions(def, words) };
}

function readOptions(def: CommandDef, words: string[]): RawOptions {
  const specs = Object.entries(def.options);
  const byName = new Map(specs.map(([name, spec]) => [name.toLowerCase(), [name, spec] as const]));
  const raw: RawOptions = {};
  const leftover: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    const pair = /^([a-z_-]+)[:=](.+)$/i.exec(word);
    const named = pair ? byName.get(pair[1]!.toLowerCase()) : undefined;
    if (named && !(named[0] in raw)) {
      raw[named[0]] = value(named[1], unquote(pair![2]!));
      continue;
    }
    const choice = specs.find(
      ([name, spec]) => !(name in raw) && spec.choices?.some((c) => c.toLowerCase() === lower),
    );
    if (choice) {
      raw[choice[0]] = choice[1].choices!.find((c) => c.toLowerCase() === lower)!;
      continue;
    }
    const key = byName.get(lower);
    if (key && key[1].type === 'integer' && !(key[0] in raw)) {
      const next = words[i + 1];
      if (next === undefined) {
        throw new CommandTextError(`“${word}” needs a number after it.`, usageLine(def));
      }
      raw[key[0]] = value(key[1], next);
      i++;
      continue;
    }
    leftover.push(word);
  }
  const rest = specs.find(([name, spec]) => spec.rest && !(name in raw));
  if (rest && (leftover.length > 0 || isRequired(rest[1]))) {
    // An empty required text goes to its schema, whose message says what to give.
    raw[rest[0]] = value(rest[1], leftover.splice(0).join(' '));
  }
  for (const [name, spec] of specs) {
    if (leftover.length === 0) break;
    if (name in raw || spec.rest || spec.choices) continue;
    raw[name] = value(spec, leftover.shift()!);
  }
  if (leftover.length > 0) {
    throw new CommandTextError(`I did not understand “${leftover.join(' ')}”.`, usageLine(def));
  }
  return raw;
}

/** Closing mark of each opening quotation mark a value may be wrapped in. */
const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '”'],
]);

/**
 * Words separated by white space; a quotation keeps its spaces (`source:"Al Jazeera"`). An
 * unclosed quotation runs to the end. One pass over the text.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  let closing: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (closing !== undefined) {
      if (ch === closing) closing = undefined;
    } else if (isSpace(ch)) {
      if (start >= 0) words.push(text.slice(start, i));
      start = -1;
    } else {
      if (start < 0) start = i;
      closing = QUOTE_PAIRS.get(ch);
    }
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** White space as `\s` matches it (ASCII checked first). */
function isSpace(ch: string): boolean {
  if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') return true;
  return (ch < ' ' || ch > '\u007f') && /\s/.test(ch);
}

/** A value without the quotation marks around it. */
function unquote(text: string): string {
  const closing = QUOTE_PAIRS.get(text[0] ?? '');
  return closing !== undefined && text.length > 1 && text.endsWith(closing)
    ? text.slice(1, -1).trim()
    : text;
}

function value(spec: OptionSpec, text: string): string | number {
  return spec.type === 'integer' && /^-?\d{1,15}$/.test(text) ? Number(text) : text;
}
