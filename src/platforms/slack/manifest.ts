/**
 * The Slack app manifest, generated from the command registry: slash commands with
 * descriptions and usage hints, bot scopes, request URLs and interactivity. Without a base URL
 * the manifest enables Socket Mode instead of request URLs.
 */
import type { CommandDef } from '../../command.js';
import { slackCommandNames, topName } from './parse.js';
import { trimText } from './mrkdwn.js';

export const EVENTS_PATH = '/slack/events';

/** Bot scopes: slash commands, posting (and into public channels not joined), users.info. */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read'] as const;

export interface SlackCommandManifest {
  command: string;
  description: string;
  usage_hint: string;
  should_escape: boolean;
  url?: string;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: SlackCommandManifest[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

export class ManifestUrlError extends Error {
  constructor(url: string) {
    super(`--url must be an https:// (or http://) base URL, got ${JSON.stringify(url)}`);
    this.name = 'ManifestUrlError';
  }
}

export function buildManifest(
  defs: readonly CommandDef[],
  opts: { url?: string; name?: string } = {},
): SlackManifest {
  const requestUrl = opts.url ? eventsUrl(opts.url) : undefined;
  const name = opts.name ?? 'newsbot';
  const slashCommands = slackCommandNames(defs).map((top): SlackCommandManifest => {
    const family = defs.filter((d) => topName(d.name) === top);
    const subs = family.filter((d) => d.name !== top);
    const plain = family.find((d) => d.name === top);
    const description = plain
      ? plain.description
      : `${subs.map((d) => d.name.split(' ')[1]).join(', ')}: ${subs.map((d) => d.description).join('; ')}`;
    const usage = [
      ...(plain ? [plain.usage] : []),
      ...subs.map((d) => `${d.name.split(' ')[1]} ${d.usage}`.trimEnd()),
    ].join(' | ');
    return {
      command: `/${top}`,
      description: trimText(description, 100),
      usage_hint: trimText(usage, 100),
      should_escape: false,
      ...(requestUrl ? { url: requestUrl } : {}),
    };
  });
  return {
    display_information: {
      name,
      description: 'Summaries, quotes and context for world-news articles.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: slashCommands,
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !requestUrl,
      token_rotation_enabled: false,
    },
  };
}

function eventsUrl(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ManifestUrlError(base);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ManifestUrlError(base);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${EVENTS_PATH}`;
}
