/** The channel posters of the platforms this configuration can post to (for scheduled digests). */
import type { Config } from '../config.js';
import type { ChannelPoster } from '../jobs/poster.js';
import type { Platform } from '../store/digests.js';
import { createDiscordPoster } from './discord/channel-poster.js';
import { createSlackPoster } from './slack/channel-poster.js';

export function channelPosters(
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>,
): Partial<Record<Platform, ChannelPoster>> {
  return {
    ...(config.DISCORD_TOKEN ? { discord: createDiscordPoster(config) } : {}),
    ...(config.SLACK_BOT_TOKEN ? { slack: createSlackPoster(config) } : {}),
  };
}
