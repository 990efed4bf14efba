import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../../commands/index.js';
import { defineCommand, type CommandDef } from '../../../src/command.js';
import { notice } from '../../../src/reply.js';
import { buildManifest, ManifestUrlError } from '../../../src/platforms/slack/manifest.js';

describe('Slack app manifest', () => {
  it('lists every command with its description, usage hint and request URL', () => {
    const m = buildManifest(commands, { url: 'https://bot.example.org/' });
    const summary = m.features.slash_commands.find((c) => c.command === '/summary');
    expect(summary).toEqual({
      command: '/summary',
      description: 'Summarise a stored news article',
      usage_hint: '<article id, URL or words> [short|standard|long]',
      should_escape: false,
      url: 'https://bot.example.org/slack/events',
    });
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(
      commands.map((c) => `/${c.name.split(' ')[0]}`).filter((n, i, a) => a.indexOf(n) === i),
    );
    expect(m.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'users:read']),
    );
    expect(m.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://bot.example.org/slack/events',
    });
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('uses Socket Mode when no URL is given', () => {
    const m = buildManifest(commands);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity).toEqual({ is_enabled: true });
    expect(m.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
  });

  it('folds subcommands into one command with every usage', () => {
    const sub = (name: string, usage: string): CommandDef =>
      defineCommand({
        name,
        description: `${name} it`,
        usage,
        options: { date: { description: 'd', type: 'string', schema: z.string().optional() } },
        handle: async () => notice('info', 'ok'),
      }) as unknown as CommandDef;
    const m = buildManifest([sub('digest post', '[YYYY-MM-DD]'), sub('digest preview', '')]);
    expect(m.features.slash_commands).toEqual([
      {
        command: '/digest',
        description: 'post, preview: digest post it; digest preview it',
        usage_hint: 'post [YYYY-MM-DD] | preview',
        should_escape: false,
      },
    ]);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => buildManifest(commands, { url: 'ftp://x' })).toThrow(ManifestUrlError);
    expect(() => buildManifest(commands, { url: 'not a url' })).toThrow(ManifestUrlError);
  });
});
