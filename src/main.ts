/**
 * `npm start`: the bot process. SIGTERM / SIGINT shut it down cleanly (exit code 0): commands in
 * flight finish first (up to 10 s). A second signal exits at once (exit code 130).
 */
import { startApp } from './app.js';
import { ConfigError } from './config.js';
import { loadCheckedConfig } from './config-check.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadCheckedConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  const app = await startApp(config, log);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting at once');
      process.exit(130);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`newsbot failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
