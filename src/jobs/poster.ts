/**
 * Posting a reply into a channel outside of any interaction (scheduled digests). Each platform
 * implements {@link ChannelPoster} and maps its API failures to the typed errors below, so the
 * digest runner can decide what to retry.
 */
import type { Reply } from '../reply.js';
import type { Platform } from '../store/digests.js';

export interface ChannelPoster {
  platform: Platform;
  /**
   * Posts the reply; resolves once the platform accepted every message. `idempotencyKey` is
   * the same for every attempt of one run (platforms that support it use it to drop repeats).
   */
  post(channelId: string, reply: Reply, idempotencyKey: string): Promise<void>;
}

/** Base class: a post the platform refused. `retryable` tells the runner whether to try again. */
export class PostError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PostError';
  }
}

export class ChannelMissingError extends PostError {
  constructor(channelId: string, options?: { cause?: unknown }) {
    super(`channel ${channelId} does not exist or the bot cannot see it`, false, options);
    this.name = 'ChannelMissingError';
  }
}

export class NoPermissionError extends PostError {
  constructor(channelId: string, options?: { cause?: unknown }) {
    super(`the bot is not allowed to post in channel ${channelId}`, false, options);
    this.name = 'NoPermissionError';
  }
}

export class RateLimitedError extends PostError {
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      `rate limited by the platform (retry after ${Math.ceil(retryAfterMs / 1000)} s)`,
      true,
      options,
    );
    this.name = 'RateLimitedError';
  }
}

/** Any other failure (network, 5xx): worth retrying. */
export class PostFailedError extends PostError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`posting failed: ${detail}`, true, options);
    this.name = 'PostFailedError';
  }
}
