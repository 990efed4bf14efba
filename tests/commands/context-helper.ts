/** Shared by the command tests: a store on a unique prefix, seeding, and a command context. */
import type { CommandContext } from '../../src/command.js';
import { createLogger } from '../../src/log.js';
import type { ArticleDraft } from '../../src/news/prepare.js';
import { createServices } from '../../src/services.js';
import type { Services } from '../../src/services.js';
import { testRedis, type TestRedis } from '../support/redis.js';
import { storeArticle } from '../support/articles.js';

export { SEED_TEXT, SEED_URL } from '../support/articles.js';
const NOW = new Date('2026-11-28T12:00:00Z');

export interface CommandFixture {
  services: Services;
  redis: TestRedis;
  ctx(overrides?: Partial<CommandContext>): CommandContext;
  seed(draft: ArticleDraft): Promise<string>;
}

export async function commandFixture(name: string): Promise<CommandFixture> {
  const redis = await testRedis(name);
  const services = createServices(redis.redis, { REDIS_PREFIX: redis.prefix });
  const log = createLogger('silent');
  return {
    services,
    redis,
    ctx: (overrides = {}) => ({
      services,
      platform: 'discord',
      user: { id: 'u1', isModerator: false },
      channelId: 'c1',
      requestId: 'req-1',
      now: NOW,
      log,
      ...overrides,
    }),
    seed: (draft) => storeArticle(services.articles, draft),
  };
}
