/**
 * Discord latency: the real bot process wiring (startApp: Redis on REDIS_URL or the local
 * server, discord.js logged in to the local stand-in) answers N interactions one at a time
 * (/summary, /quotes, /context, /news, autocomplete and a view button in turn), each timed from
 * the gateway dispatch to the stand-in receiving the interaction callback. Prints median, p90,
 * p99 and max, overall and per kind.
 *
 *   npm run bench:discord [-- --interactions 1000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { prepareArticle } from '../src/news/prepare.js';
import { createServices } from '../src/services.js';
import { Redis } from 'ioredis';
import {
  APPLICATION_ID,
  DiscordStandIn,
  type InteractionOption,
} from '../tests/support/discord-standin.js';
import { deleteByPrefix, SHARED_REDIS_URL, uniquePrefix } from '../tests/support/redis.js';
import { DATA_DIR } from './lib/data.js';
import { formatTable } from './lib/table.js';

const arg = process.argv.indexOf('--interactions');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 1_000;
const WARMUP = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? SHARED_REDIS_URL;
  const prefix = uniquePrefix('bench-discord');
  const standIn = await DiscordStandIn.start();
  const config = parseConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    DISCORD_TOKEN: 'bench-token',
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: standIn.apiUrl,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const redis = new Redis(redisUrl);
  const services = createServices(redis, config);
  const now = new Date();
  const seedText = readFileSync(join(DATA_DIR, 'articles', 'seed-khamenei-iraq.txt'), 'utf8');
  const { article, analysis } = prepareArticle(
    {
      text: seedText,
      url: 'https://news.example.com/khamenei-iraq',
      source: 'Example Wire',
      publishedAt: '2020-07-21T15:00:00Z',
    },
    now,
  );
  const { id } = await services.articles.save(article, analysis);
  for (let i = 0; i < 30; i++) {
    const a = prepareArticle(
      {
        title: `Iran and Iraq story ${i}`,
        text: `Story ${i} about talks between Iran and Iraq in Tehran. Officials met on day ${i}.`,
        publishedAt: new Date(Date.UTC(2020, 5, 1 + i)).toISOString(),
      },
      now,
    );
    await services.articles.save(a.article, a.analysis);
  }
  const app = await startApp(config, createLogger('silent'));

  const article_ = (value: string): InteractionOption[] => [{ name: 'article', type: 3, value }];
  const kinds: Array<[string, () => { token: string }]> = [
    ['summary', () => standIn.slashCommand('summary', article_(id))],
    ['quotes', () => standIn.slashCommand('quotes', article_(id))],
    ['context', () => standIn.slashCommand('context', article_(id))],
    ['news', () => standIn.slashCommand('news')],
    ['summary (words)', () => standIn.slashCommand('summary', article_('Khamenei Kadhimi talks'))],
    [
      'autocomplete',
      () =>
        standIn.autocomplete('summary', [
          { name: 'article', type: 3, value: 'iran', focused: true },
        ]),
    ],
    ['button', () => standIn.button(`nb:quotes?article=${id}`)],
  ];
  const times = new Map<string, number[]>(kinds.map(([k]) => [k, []]));
  for (let i = 0; i < N + WARMUP; i++) {
    const [kind, send] = kinds[i % kinds.length]!;
    const started = performance.now();
    const { token } = send();
    const callback = await standIn.waitForRequest(
      (r) => r.path.includes(`/${token}/callback`),
      10_000,
    );
    if (i >= WARMUP) times.get(kind)!.push(callback.at - started);
    standIn.requests.length = 0;
  }

  const row = (name: string, values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    return [
      name,
      String(s.length),
      percentile(s, 50),
      percentile(s, 90),
      percentile(s, 99),
      s.at(-1)!,
    ];
  };
  const all = [...times.values()].flat();
  console.log(
    `Discord interactions through discord.js and the local stand-in (Redis ${redisUrl}), one at a time, ms from dispatch to callback\n`,
  );
  console.log(
    formatTable(
      ['kind', 'n', 'median', 'p90', 'p99', 'max'],
      [...[...times].map(([k, v]) => row(k, v)), row('all', all)],
      2,
    ),
  );

  await app.stop();
  await standIn.close();
  await deleteByPrefix(redis, prefix);
  redis.disconnect();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
