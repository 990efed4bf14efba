/**
 * The `newsbot` command-line program. Each subcommand lives in its own module and registers
 * itself on the program; add new ones to REGISTRARS.
 */
import { Command } from 'commander';
import { StoreUnavailableError } from '../errors.js';
import { registerAnalyze } from './analyze.js';
import { registerConfig } from './config.js';
import { registerDigest } from './digest.js';
import { registerFeeds } from './feeds.js';
import { registerGet } from './get.js';
import { registerIngest } from './ingest.js';
import { registerRegister } from './register.js';
import { registerReindex } from './reindex.js';
import { registerSearch } from './search.js';
import { registerSlackManifest } from './slack-manifest.js';
import { registerStats } from './stats.js';

const REGISTRARS: Array<(program: Command) => void> = [
  registerIngest,
  registerAnalyze,
  registerGet,
  registerSearch,
  registerStats,
  registerReindex,
  registerFeeds,
  registerDigest,
  registerRegister,
  registerSlackManifest,
  registerConfig,
];

export function buildProgram(): Command {
  const program = new Command('newsbot')
    .description('Summarises world-news articles for Discord and Slack; manage its article store.')
    .showHelpAfterError();
  for (const register of REGISTRARS) register(program);
  return program;
}

/** Runs the program; failures print one line and set a non-zero exit status. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof StoreUnavailableError) {
      const cause = e.cause instanceof Error && e.cause.name !== 'MaxRetriesPerRequestError';
      process.stderr.write(
        `newsbot: the article store (Redis) is not answering${cause ? ` (${(e.cause as Error).message})` : ''}; check REDIS_URL and that Redis is running\n`,
      );
    } else {
      process.stderr.write(`newsbot: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.exitCode = 1;
  }
}
