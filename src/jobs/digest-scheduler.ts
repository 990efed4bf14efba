/**
 * The digest scheduler of the bot process: croner fires at second 0 of every minute and calls
 * {@link runDue} with that minute. Overlapping ticks are skipped (`protect`), and a failing tick
 * is logged, never fatal: the next minute tries again (due runs stay due for the grace period).
 */
import { Cron } from 'croner';
import { runDue, type RunDueDeps } from './digest-runner.js';

export interface DigestScheduler {
  stop(): void;
}

export function startDigestScheduler(deps: RunDueDeps): DigestScheduler {
  const job = new Cron('0 * * * * *', { protect: true, unref: true, timezone: 'UTC' }, async () => {
    try {
      const results = await runDue(deps, new Date());
      for (const r of results.filter((x) => x.result !== 'done' && x.result !== 'busy')) {
        deps.log.info({ digestRun: r }, 'digest run');
      }
    } catch (err) {
      deps.log.error({ err }, 'digest scheduler tick failed');
    }
  });
  return { stop: () => job.stop() };
}
