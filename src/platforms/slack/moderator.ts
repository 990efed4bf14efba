/**
 * Who may use moderator commands on Slack: workspace admins and owners (users.info), and the
 * users listed in SLACK_DIGEST_USERS. Answers are cached for a minute to spare the Web API.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';

const TTL_MS = 60_000;

export class ModeratorCheck {
  private readonly cache = new Map<string, { value: boolean; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly listed: readonly string[],
    private readonly log: Logger,
  ) {}

  async isModerator(userId: string): Promise<boolean> {
    if (this.listed.includes(userId)) return true;
    const hit = this.cache.get(userId);
    if (hit && hit.until > Date.now()) return hit.value;
    let value: boolean;
    try {
      const res = await this.client.users.info({ user: userId });
      value = Boolean(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner);
    } catch (err) {
      this.log.warn({ err, userId }, 'users.info failed; treating user as not a moderator');
      return false;
    }
    this.cache.set(userId, { value, until: Date.now() + TTL_MS });
    return value;
  }
}
