/**
 * Posts a reply into a Discord channel over REST (POST /channels/{id}/messages), outside any
 * interaction: used by scheduled digests. DISCORD_API_URL points it at a stand-in server.
 * Rate limits and errors are surfaced as the typed errors of ../../jobs/poster.ts (the REST
 * client does not wait or retry by itself; the digest runner decides).
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from 'discord.js';
import type { Config } from '../../config.js';
import {
  ChannelMissingError,
  NoPermissionError,
  PostFailedError,
  RateLimitedError,
  type ChannelPoster,
} from '../../jobs/poster.js';
import type { Reply } from '../../reply.js';
import { renderMessages } from './render.js';

/** Discord error codes: Unknown Channel; Missing Access, Missing Permissions, Cannot send. */
const MISSING_CHANNEL = new Set([10003]);
const NO_PERMISSION = new Set([50001, 50013, 50007, 50008]);
const REQUEST_TIMEOUT_MS = 15_000;

/** Discord drops a repeated message with the same nonce (max 25 characters) for a few minutes. */
export const messageNonce = (idempotencyKey: string, index: number): string =>
  createHash('sha256').update(`${idempotencyKey}#${index}`).digest('hex').slice(0, 25);

export function createDiscordPoster(
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>,
): ChannelPoster {
  const rest = new REST({
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
    timeout: REQUEST_TIMEOUT_MS,
    retries: 0,
    rejectOnRateLimit: () => true,
  }).setToken(config.DISCORD_TOKEN ?? '');

  return {
    platform: 'discord',
    async post(channelId: string, reply: Reply, idempotencyKey: string): Promise<void> {
      const messages = renderMessages({ ...reply, visibility: 'public' });
      for (const [index, message] of messages.entries()) {
        const { flags: _flags, ...body } = message;
        try {
          await rest.post(Routes.channelMessages(channelId), {
            body: {
              ...body,
              allowed_mentions: { parse: [] },
              nonce: messageNonce(idempotencyKey, index),
              enforce_nonce: true,
            },
          });
        } catch (e) {
          throw postError(channelId, e);
        }
      }
    },
  };
}

function postError(channelId: string, e: unknown): Error {
  if (e instanceof RateLimitError) return new RateLimitedError(e.retryAfter, { cause: e });
  if (e instanceof DiscordAPIError) {
    if (MISSING_CHANNEL.has(Number(e.code)) || e.status === 404) {
      return new ChannelMissingError(channelId, { cause: e });
    }
    if (NO_PERMISSION.has(Number(e.code)) || e.status === 403) {
      return new NoPermissionError(channelId, { cause: e });
    }
    return new PostFailedError(`Discord answered ${e.status} (${e.code})`, { cause: e });
  }
  if (e instanceof HTTPError)
    return new PostFailedError(`Discord answered ${e.status}`, { cause: e });
  return new PostFailedError(e instanceof Error ? e.message : String(e), { cause: e });
}
