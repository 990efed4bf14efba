/**
 * Posts a reply into a Slack channel with chat.postMessage, outside any interaction: used by
 * scheduled digests. SLACK_API_URL points it at a stand-in server. The Web API client neither
 * retries nor waits out rate limits by itself; failures become the typed errors of
 * ../../jobs/poster.ts and the digest runner decides.
 */
import { webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import {
  ChannelMissingError,
  NoPermissionError,
  PostFailedError,
  RateLimitedError,
  type ChannelPoster,
} from '../../jobs/poster.js';
import type { Reply } from '../../reply.js';
import { renderReply } from './render.js';

const MISSING_CHANNEL = new Set(['channel_not_found', 'is_archived']);
const NO_PERMISSION = new Set([
  'not_in_channel',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'missing_scope',
  'not_allowed_token_type',
  'ekm_access_denied',
]);
const REQUEST_TIMEOUT_MS = 15_000;

export function createSlackPoster(
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>,
): ChannelPoster {
  const apiUrl = config.SLACK_API_URL?.replace(/\/?$/, '/');
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: REQUEST_TIMEOUT_MS,
    logLevel: webApi.LogLevel.ERROR,
  });

  return {
    platform: 'slack',
    // chat.postMessage has no idempotency key: the digest runner's claim is what prevents repeats.
    async post(channelId: string, reply: Reply): Promise<void> {
      const { text, blocks } = renderReply({ ...reply, visibility: 'public' });
      try {
        await client.chat.postMessage({
          channel: channelId,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (e) {
        throw postError(channelId, e);
      }
    },
  };
}

function postError(channelId: string, e: unknown): Error {
  if (e instanceof webApi.WebAPIRateLimitedError) {
    return new RateLimitedError(e.retryAfter * 1000, { cause: e });
  }
  if (e instanceof webApi.WebAPIPlatformError) {
    if (MISSING_CHANNEL.has(e.data.error)) return new ChannelMissingError(channelId, { cause: e });
    if (NO_PERMISSION.has(e.data.error)) return new NoPermissionError(channelId, { cause: e });
    return new PostFailedError(`Slack answered ${e.data.error}`, { cause: e });
  }
  return new PostFailedError(e instanceof Error ? e.message : String(e), { cause: e });
}
