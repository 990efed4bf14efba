/**
 * Command latency under a steady load: the bot runs as its own process (the production build,
 * dist/src/main.js, compiled first by `npm run build`; both
 * platforms configured, a private redis-server holding the seed article and the BBC dev set);
 * this process sends commands at a fixed rate, open loop (not waiting for answers), through
 * the real Slack HTTP path (signed slash commands to Bolt's receiver, timed to the answer) and
 * the Discord path (interactions over the stand-in gateway, timed to the callback). Errors are
 * non-200s, timeouts and "try again"/"went wrong" answers. Also the bot's peak RSS (VmHWM).
 * Target at 200 requests/s for 60 s: p50 ≤ 5 ms, p99 ≤ 50 ms, 0 errors.
 *
 *   npx tsx bench/load.ts [--rate 200] [--duration 60] [--platforms slack,discord] [--profile DIR]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestAll } from '../src/ingest/pipeline.js';
import { readSources } from '../src/ingest/sources.js';
import { createServices } from '../src/services.js';
import { closeRedis, createRedis } from '../src/store/redis.js';
import { prepareArticle } from '../src/news/prepare.js';
import { APPLICATION_ID, DiscordStandIn } from '../tests/support/discord-standin.js';
import { freePort, PrivateRedis } from '../tests/support/redis.js';
import { sendSigned, slashCommandBody, SlackStandIn } from '../tests/support/slack-standin.js';
import { flag, loadNote, percentile } from './lib/corpus.js';
import { DATA_DIR } from './lib/data.js';
import { formatTable } from './lib/table.js';

const RATE = Number(flag('rate', '200'));
const DURATION_S = Number(flag('duration', '60'));
const PLATFORMS = flag('platforms', 'slack,discord').split(',');
/** `--profile DIR`: the bot writes a V8 CPU profile there when it stops. */
const PROFILE_DIR = flag('profile', '');
const SECRET = 'bench-load-secret';
const PREFIX = 'load';
const ROOT = join(import.meta.dirname, '..');
const TIMEOUT_MS = 10_000;
const FAILED = /try again|went wrong/i;

interface Result {
  ms: number;
  error: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed(url: string): Promise<string> {
  const redis = createRedis({ REDIS_URL: url, REDIS_TIMEOUT_MS: 10_000 });
  const { articles } = createServices(redis, { REDIS_PREFIX: PREFIX });
  const text = readFileSync(join(DATA_DIR, 'articles', 'seed-khamenei-iraq.txt'), 'utf8');
  const { article, analysis } = prepareArticle(
    { text, title: 'Khamenei meets Iraqi PM', source: 'Example Wire' },
    new Date(),
  );
  const { id } = await articles.save(article, analysis);
  await ingestAll(readSources([join(DATA_DIR, 'bbc-news-summary', 'dev.jsonl')]), {
    store: articles,
    now: new Date(),
  });
  await closeRedis(redis);
  return id;
}

/** Peak resident set size of a process, MB (Linux VmHWM). */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

/** Sends `send()` RATE times a second for DURATION_S, open loop; every result. */
async function drive(send: (i: number) => Promise<Result>): Promise<Result[]> {
  const total = RATE * DURATION_S;
  const pending: Array<Promise<Result>> = [];
  const started = performance.now();
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE) + 1);
    while (pending.length < due) {
      const i = pending.length;
      pending.push(send(i).catch(() => ({ ms: TIMEOUT_MS, error: true })));
    }
    await sleep(5);
  }
  return Promise.all(pending);
}

async function main(): Promise<void> {
  const redis = await PrivateRedis.start();
  const id = await seed(redis.url);
  const slack = await SlackStandIn.start();
  const discord = await DiscordStandIn.start();
  const port = await freePort();
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  // Measure what production runs: compiled JavaScript, not TypeScript through tsx.
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const bot = spawn(process.execPath, [...profile, 'dist/src/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      REDIS_PREFIX: PREFIX,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: discord.apiUrl,
      FEEDS: '',
    },
  });
  const rows: (string | number)[][] = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 600 || bot.exitCode !== null) throw new Error('the bot did not become ready');
      await sleep(100);
    }
    const slackCommands: Array<[string, string]> = [
      ['/summary', id],
      ['/quotes', id],
      ['/context', id],
      ['/news', 'iran page 1'],
    ];
    const sendSlack = async (i: number): Promise<Result> => {
      const [command, text] = slackCommands[i % slackCommands.length]!;
      const sink = slack.responseUrl();
      const t0 = performance.now();
      const res = await sendSigned(
        `${base}/slack/events`,
        SECRET,
        slashCommandBody(command, text, sink, `U${i % 500}`),
      );
      let body = res.text;
      if (res.status === 200 && !body)
        body = JSON.stringify((await slack.responseTo(sink, TIMEOUT_MS)).body);
      return { ms: performance.now() - t0, error: res.status !== 200 || FAILED.test(body) };
    };
    const option = (value: string) => [{ name: 'article', type: 3, value }];
    const discordSends: Array<() => { token: string }> = [
      () => discord.slashCommand('summary', option(id)),
      () => discord.slashCommand('quotes', option(id)),
      () => discord.slashCommand('context', option(id)),
      () => discord.slashCommand('news'),
      () =>
        discord.autocomplete('summary', [
          { name: 'article', type: 3, value: 'iran', focused: true },
        ]),
    ];
    const sendDiscord = async (i: number): Promise<Result> => {
      const t0 = performance.now();
      const { token } = discordSends[i % discordSends.length]!();
      const callback = await discord.waitForRequest(
        (r) => r.path.includes(`/${token}/callback`),
        TIMEOUT_MS,
      );
      if (i % 100 === 0) discord.requests.length = 0;
      return { ms: callback.at - t0, error: FAILED.test(JSON.stringify(callback.body)) };
    };
    for (const platform of PLATFORMS) {
      const send = platform === 'slack' ? sendSlack : sendDiscord;
      for (let i = 0; i < 20; i++) await send(i); // warm-up
      const results = await drive(send);
      const times = results.map((r) => r.ms).sort((a, b) => a - b);
      rows.push([
        platform,
        `${RATE}/s × ${DURATION_S} s`,
        String(results.length),
        percentile(times, 50),
        percentile(times, 99),
        times.at(-1)!,
        String(results.filter((r) => r.error).length),
        loadNote(),
      ]);
    }
    rows.forEach((r) => r.push(`${peakRssMb(bot.pid!).toFixed(0)} MB`));
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await slack.close();
    await discord.close();
    await redis.stop();
  }
  console.log('Command latency under load, bot in its own process (ms, sent open loop)\n');
  console.log(
    formatTable(
      ['platform', 'load', 'requests', 'p50', 'p99', 'max', 'errors', 'load avg', 'bot peak RSS'],
      rows,
      2,
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
