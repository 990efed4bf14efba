/**
 * Slack latency: the real Bolt HTTP receiver (Redis on REDIS_URL, Web API stand-in on
 * 127.0.0.1), N correctly signed slash commands (/summary, /quotes, /context, /news in turn,
 * one at a time), timed from sending the request to the complete answer (the ack body, or the
 * response_url message when the ack was empty). Prints median, p90, p99 and max.
 *
 *   npm run bench:slack [-- --requests 1000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { prepareArticle } from '../src/news/prepare.js';
import { startSlack } from '../src/platforms/slack/app.js';
import { createServices } from '../src/services.js';
import { closeRedis, createRedis } from '../src/store/redis.js';
import { freePort, SHARED_REDIS_URL, testRedis } from '../tests/support/redis.js';
import { sendSigned, slashCommandBody, SlackStandIn } from '../tests/support/slack-standin.js';
import { DATA_DIR } from './lib/data.js';

const SECRET = 'bench-signing-secret';
const arg = process.argv.indexOf('--requests');
const REQUESTS = arg > 0 ? Number(process.argv[arg + 1]) : 1_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const log = createLogger('silent');
  const standIn = await SlackStandIn.start();
  const tr = await testRedis('bench-slack', process.env.REDIS_URL ?? SHARED_REDIS_URL);
  const redis = createRedis({ REDIS_URL: tr.url, REDIS_TIMEOUT_MS: 1_000 });
  const services = createServices(redis, { REDIS_PREFIX: tr.prefix });
  const text = readFileSync(join(DATA_DIR, 'articles', 'seed-khamenei-iraq.txt'), 'utf8');
  const { article, analysis } = prepareArticle({ text, source: 'RT' }, new Date());
  const { id } = await services.articles.save(article, analysis);

  const port = await freePort();
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: standIn.apiUrl,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    REDIS_PREFIX: tr.prefix,
  });
  const slack = await startSlack({ config, services, log });
  const url = `http://127.0.0.1:${port}/slack/events`;
  const requests: Array<[string, string]> = [
    ['/summary', id],
    ['/quotes', id],
    ['/context', id],
    ['/news', 'khamenei page 1'],
  ];

  const times: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < REQUESTS; i++) {
      const [command, args] = requests[i % requests.length]!;
      const sink = standIn.responseUrl();
      const started = performance.now();
      const res = await sendSigned(url, SECRET, slashCommandBody(command, args, sink));
      if (!res.json) await standIn.responseTo(sink);
      times.push(performance.now() - started);
      if (res.status !== 200 || !/"type":"header"/.test(res.text)) failures++;
    }
  } finally {
    await slack.stop();
    await standIn.close();
    await closeRedis(redis);
    await tr.cleanup();
  }
  times.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`Slack slash commands over signed HTTP (Bolt HTTPReceiver, Redis, 1 client)`);
  console.log(`requests ${times.length}, answers without a card ${failures}`);
  console.log(
    `median ${fmt(percentile(times, 50))}  p90 ${fmt(percentile(times, 90))}  ` +
      `p99 ${fmt(percentile(times, 99))}  max ${fmt(times.at(-1)!)}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
