/**
 * Fuzzing the analyser and the command argument parsers with fast-check: random Unicode, empty
 * and giant inputs, one 1 MB line, nested quotation marks, right-to-left text. Nothing may throw
 * except the documented refusals (ArticleRejectedError, CommandTextError, OptionError), and the
 * 1 MB inputs must finish well inside a generous bound (catastrophic backtracking would not;
 * the real speed is measured in bench/fuzz-speed.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { OptionError, parseOptions } from '../../src/command.js';
import { analyze } from '../../src/news/analyze.js';
import { ArticleRejectedError, prepareArticle } from '../../src/news/prepare.js';
import {
  CommandTextError,
  parseCommandText,
  slackCommandNames,
} from '../../src/platforms/slack/parse.js';

const NOW = new Date('2026-11-28T12:00:00Z');
/**
 * CPU time allowed for 1 MB: catastrophic backtracking or quadratic scans take minutes (one
 * such scan took 122 s before it was fixed); linear code takes about a second even on a loaded
 * 2-core machine. CPU time, not wall time, so that waiting for a core does not count.
 */
const GIANT_BOUND_MS = 10_000;

const QUOTES = ['"', '“', '”', '‘', '’', "'", '«', '»', '„', '「', '」', '‹', '›'];
const RTL = ['قال الرئيس', 'ישראל', '\u202e', '\u200f', '\u061f', 'مرحبا بالعالم.'];

/** Words, punctuation, quotation marks, right-to-left runs, line breaks and any Unicode. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(...QUOTES, ...RTL, '\n', '\n\n', '. ', '?! ', ' — ', ':', '...', 'Mr.', 'U.S.'),
  fc.constantFrom('Obama', 'Iran', 'said', 'Tehran', 'According to', 'Khamenei', 'told reporters'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const newsish = fc.array(piece, { maxLength: 60 }).map((p) => p.join(' '));

/** Quotation marks nested `depth` deep around a sentence. */
const nestedQuotes = fc
  .tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom(...QUOTES), fc.constantFrom(...QUOTES))
  .map(([depth, open, close]) => `${`${open}He said `.repeat(depth)}war${close.repeat(depth)}.`);

function prepareOrRefuse(draft: Parameters<typeof prepareArticle>[0]): void {
  try {
    prepareArticle(draft, NOW);
  } catch (e) {
    if (!(e instanceof ArticleRejectedError)) throw e;
  }
}

function parseOrRefuse(top: string, text: string): void {
  try {
    const { def, raw } = parseCommandText(commands, top, text);
    parseOptions(def, raw);
  } catch (e) {
    if (!(e instanceof CommandTextError) && !(e instanceof OptionError)) throw e;
  }
}

/** CPU milliseconds of this test process (vitest runs each file in its own fork). */
function timed(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe('the analyser', () => {
  it('prepares or refuses any text and title, never throws anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(newsish, nestedQuotes, fc.string({ unit: 'grapheme' })),
        fc.option(fc.oneof(newsish, fc.string()), { nil: undefined }),
        (text, title) => prepareOrRefuse({ text, title }),
      ),
      { numRuns: 300 },
    );
  });

  it('prepares or refuses drafts with odd fields (paragraph lists, dates, URLs)', () => {
    fc.assert(
      fc.property(
        fc.array(newsish, { maxLength: 8 }),
        fc.oneof(fc.string(), fc.integer(), fc.date({ noInvalidDate: true })),
        fc.oneof(fc.webUrl(), fc.string()),
        (paragraphs, publishedAt, url) => prepareOrRefuse({ paragraphs, publishedAt, url }),
      ),
      { numRuns: 200 },
    );
  });

  it('analyses any paragraphs directly', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(newsish, nestedQuotes), { maxLength: 6 }), newsish, (p, t) => {
        analyze({ title: t, paragraphs: p });
      }),
      { numRuns: 200 },
    );
  });

  it('handles empty and whitespace-only input with a refusal', () => {
    for (const text of ['', ' ', '\n\n\n', '\u200b\u200f', '“”']) {
      expect(() => prepareArticle({ text }, NOW)).toThrow(ArticleRejectedError);
    }
  });

  it.each([
    ['one 1 MB line of words', () => 'the minister said talks would resume '.repeat(28_500)],
    [
      '1 MB of sentences in paragraphs',
      () => 'Iran said: “We will talk.” Mr. Obama agreed.\n\n'.repeat(22_000),
    ],
    ['1 MB of nested quotation marks', () => '“He said ‘'.repeat(100_000)],
    ['1 MB of right-to-left text', () => 'قال الرئيس إن المحادثات ستستأنف. '.repeat(17_000)],
    ['1 MB without spaces', () => 'a'.repeat(1_048_576)],
    ['1 MB of dots', () => '.'.repeat(1_048_576)],
    ['1 MB of capitalised words', () => 'Tehran Iraq Khamenei Obama '.repeat(39_000)],
  ])(
    'finishes %s in bounded time',
    (_name, make) => {
      const text = make();
      expect(text.length).toBeGreaterThan(500_000);
      expect(timed(() => prepareOrRefuse({ text }))).toBeLessThan(GIANT_BOUND_MS);
    },
    30_000,
  );
});

describe('the command argument parsers', () => {
  const tops = slackCommandNames(commands);

  it('parse or refuse any Slack command text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...tops),
        fc.oneof(
          newsish,
          nestedQuotes,
          fc
            .array(
              fc.constantFrom(
                'page',
                'page:',
                'length:',
                'long',
                'post',
                '2',
                '-1',
                '<@U1|x>',
                '&amp;',
                'x:y',
              ),
              {
                maxLength: 10,
              },
            )
            .map((w) => w.join(' ')),
        ),
        (top, text) => parseOrRefuse(top, text),
      ),
      { numRuns: 400 },
    );
  });

  it('validate or refuse raw option values of any type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.anything()),
        (def, extra) => {
          const raw: Record<string, unknown> = { ...extra };
          for (const name of Object.keys(def.options)) raw[name] = extra[name];
          try {
            parseOptions(def, raw);
          } catch (e) {
            if (!(e instanceof OptionError)) throw e;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parses a 1 MB command text in bounded time', () => {
    const text = `${'<https://example.com/a|a> page:2 “quoted ‘words’” قال '.repeat(20_000)}`;
    for (const top of tops) {
      expect(timed(() => parseOrRefuse(top, text))).toBeLessThan(GIANT_BOUND_MS);
    }
  }, 60_000);
});
