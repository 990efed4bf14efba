import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import type { CommandDef } from '../../../src/command.js';
import {
  CommandTextError,
  parseCommandText,
  slackCommandNames,
  unescapeSlackText,
} from '../../../src/platforms/slack/parse.js';

const defs: CommandDef[] = commands;

describe('Slack command text parsing', () => {
  it('takes every word as the article when no keyword matches', () => {
    const { def, raw } = parseCommandText(defs, 'summary', 'iran iraq talks');
    expect(def.name).toBe('summary');
    expect(raw).toEqual({ article: 'iran iraq talks' });
  });

  it('reads a choice keyword anywhere, case-insensitively', () => {
    expect(parseCommandText(defs, 'summary', 'k3x9a0b1c2 long').raw).toEqual({
      article: 'k3x9a0b1c2',
      length: 'long',
    });
    expect(parseCommandText(defs, 'summary', 'SHORT khamenei').raw).toEqual({
      article: 'khamenei',
      length: 'short',
    });
  });

  it('reads "page 2" as an integer option and leaves the rest as the query', () => {
    expect(parseCommandText(defs, 'news', 'climate page 2').raw).toEqual({
      query: 'climate',
      page: 2,
    });
    expect(parseCommandText(defs, 'news', 'page:3').raw).toEqual({ page: 3 });
    expect(parseCommandText(defs, 'news', '').raw).toEqual({});
  });

  it('reads a quoted option value with its spaces, curly or straight quotes', () => {
    expect(parseCommandText(defs, 'news', 'source:"Al Jazeera" oil prices page 2').raw).toEqual({
      source: 'Al Jazeera',
      query: 'oil prices',
      page: 2,
    });
    expect(parseCommandText(defs, 'news', 'floods source:“BBC News”').raw).toEqual({
      query: 'floods',
      source: 'BBC News',
    });
    // An unclosed quotation runs to the end of the text.
    expect(parseCommandText(defs, 'news', 'source:"Al Jazeera').raw).toEqual({
      source: '"Al Jazeera',
    });
  });

  it('passes a bad page through for the command schema to reject', () => {
    expect(parseCommandText(defs, 'news', 'page two').raw).toEqual({ page: 'two' });
  });

  it('complains with the usage when an integer option has no value', () => {
    expect(() => parseCommandText(defs, 'news', 'climate page')).toThrow(CommandTextError);
    try {
      parseCommandText(defs, 'news', 'climate page');
    } catch (e) {
      expect((e as CommandTextError).usage).toBe(
        '/news [words to search for] [source:NAME] [page N]',
      );
    }
  });

  it('selects a subcommand by its first word and fills positional options', () => {
    const { def, raw } = parseCommandText(defs, 'digest', 'post 2026-11-27');
    expect(def.name).toBe('digest post');
    expect(raw).toEqual({ date: '2026-11-27' });
    expect(parseCommandText(defs, 'digest', 'PREVIEW').def.name).toBe('digest preview');
    expect(parseCommandText(defs, 'digest', 'schedule 07:30 Europe/London').raw).toEqual({
      time: '07:30',
      timezone: 'Europe/London',
    });
  });

  it('lists every subcommand usage for an unknown or missing subcommand', () => {
    for (const text of ['', 'publish']) {
      try {
        parseCommandText(defs, 'digest', text);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(CommandTextError);
        expect((e as CommandTextError).usage).toContain('/digest post [YYYY-MM-DD]\n');
        expect((e as CommandTextError).usage).toContain('/digest schedule <HH:MM>');
      }
    }
  });

  it('rejects words no option can take', () => {
    expect(() => parseCommandText(defs, 'digest', 'post 2026-11-27 extra')).toThrow(
      /did not understand “extra”/,
    );
  });

  it('hands an empty required text to the schema, so its message explains what to give', () => {
    expect(parseCommandText(defs, 'summary', '   ').raw).toEqual({ article: '' });
  });

  it('undoes Slack escaping and link markup in the text', () => {
    expect(unescapeSlackText('<https://example.com/a?b=1&amp;c=2|example.com/a> &lt;x&gt;')).toBe(
      'https://example.com/a?b=1&c=2 <x>',
    );
    expect(parseCommandText(defs, 'quotes', '<https://example.com/story>').raw).toEqual({
      article: 'https://example.com/story',
    });
  });

  it('groups subcommands under one Slack command', () => {
    expect(slackCommandNames(defs)).toEqual([
      'summary',
      'quotes',
      'context',
      'news',
      'feeds',
      'digest',
    ]);
  });
});
