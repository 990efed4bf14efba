/**
 * `newsbot digest [--date YYYY-MM-DD] [--tz Area/City] [--json]`: prints the digest of a local
 * calendar date (default: the last 24 hours); its JSON lists the stories with their article ids.
 * `newsbot digest run-due [--now ISO-8601] [--json]`: posts every scheduled digest due at that
 * instant, exactly once (what the bot's scheduler runs every minute).
 */
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { UserFacingError } from '../errors.js';
import { dayWindow, last24Hours, loadDigest } from '../jobs/digest-content.js';
import { runDue } from '../jobs/digest-runner.js';
import { parseDate, parseZone } from '../jobs/digest-times.js';
import { createLogger } from '../log.js';
import { createServices, type Services } from '../services.js';
import { closeRedis } from '../store/redis.js';
import type { Config } from '../config.js';
import { cliConfig, cliRedis, println } from './runtime.js';

async function withServices<T>(fn: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const redis = cliRedis(config);
  try {
    return await fn(createServices(redis, config), config);
  } finally {
    await closeRedis(redis);
  }
}

export function registerDigest(program: Command): void {
  const digest = program
    .command('digest')
    .description('print the news digest: the top stories of a day, or of the last 24 hours')
    .option('--date <YYYY-MM-DD>', 'calendar date in --tz (default: the last 24 hours)')
    .option('--tz <Area/City>', 'time zone of the date', 'UTC')
    .option('--json', 'print the stories as JSON, with their article ids')
    .action(async (opts: { date?: string; tz: string; json?: boolean }) => {
      // A bad zone or date throws a UserFacingError: main() prints its message, exit status 1.
      const zone = parseZone(opts.tz);
      const date = opts.date ? parseDate(opts.date) : undefined;
      const window = date ? dayWindow(date, zone) : last24Hours(new Date(), zone);
      const result = await withServices((services) => loadDigest(services.articles, window));
      if (opts.json) {
        println(
          JSON.stringify(
            {
              window: {
                label: window.label,
                from: new Date(window.fromMs).toISOString(),
                to: new Date(window.toMs).toISOString(),
              },
              articles: result.articleCount,
              stories: result.stories.map(({ latestMs, score: _score, ...s }) => ({
                ...s,
                latest: new Date(latestMs).toISOString(),
              })),
            },
            null,
            2,
          ),
        );
        return;
      }
      println(`News digest: ${window.label} (${result.articleCount} articles)`);
      if (result.stories.length === 0) println('No stored articles were published then.');
      result.stories.forEach((s, i) => {
        println();
        println(`${i + 1}. ${s.headline}`);
        println(`   ${s.reports} reports, ${s.sources.length} sources: ${s.sources.join(', ')}`);
        println(`   ${s.summary.join(' ')}`);
        for (const l of s.links) println(`   - [${l.id}] ${l.source ?? ''} ${l.url ?? l.title}`);
      });
    });

  digest
    .command('run-due')
    .description('post every scheduled digest that is due now, exactly once')
    .option('--now <ISO-8601>', 'the instant to run at (default: now)')
    .option('--json', 'print the results as JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      // `--json` is also an option of `digest`: read it from either.
      const opts = cmd.optsWithGlobals<{ now?: string; json?: boolean }>();
      const now = opts.now ? DateTime.fromISO(opts.now, { setZone: true }) : DateTime.now();
      if (!now.isValid) throw new UserFacingError(`--now "${opts.now}" is not an ISO-8601 instant`);
      // Loaded here: the platform clients (discord.js, Bolt) would slow every other subcommand.
      const { channelPosters } = await import('../platforms/channel-posters.js');
      const results = await withServices((services, config) =>
        runDue(
          {
            digests: services.digests,
            articles: services.articles,
            posters: channelPosters(config),
            log: createLogger(config.LOG_LEVEL),
          },
          now.toJSDate(),
        ),
      );
      if (opts.json) println(JSON.stringify(results));
      else {
        for (const r of results) {
          const extra = [r.attempts ? `${r.attempts} attempt(s)` : '', r.reason ?? '']
            .filter(Boolean)
            .join('; ');
          println(
            `${r.result}\t${r.platform}:${r.channelId}\t${r.date}${extra ? `\t${extra}` : ''}`,
          );
        }
        if (results.length === 0) println('no digest is due');
      }
      if (results.some((r) => r.result === 'failed')) process.exitCode = 1;
    });
}
