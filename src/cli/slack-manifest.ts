/** `newsbot slack-manifest [--url https://host]`: prints the Slack app manifest (JSON). */
import type { Command } from 'commander';
import { commands } from '../../commands/index.js';
import { buildManifest } from '../platforms/slack/manifest.js';
import { println } from './runtime.js';

export function registerSlackManifest(program: Command): void {
  program
    .command('slack-manifest')
    .description('print the Slack app manifest (JSON) generated from the slash commands')
    .option(
      '--url <base>',
      'public base URL of the bot; Slack calls <base>/slack/events (omit for Socket Mode)',
    )
    .action((opts: { url?: string }) => {
      const manifest = buildManifest(commands, opts.url ? { url: opts.url } : {});
      println(JSON.stringify(manifest, null, 2));
    });
}
