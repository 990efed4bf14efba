/** Every slash command, written once for Discord and Slack. */
import type { CommandDef } from '../src/command.js';
import { contextCommand } from './context.js';
import { digestCommands } from './digest.js';
import { feedsCommands } from './feeds.js';
import { newsCommand } from './news.js';
import { quotesCommand } from './quotes.js';
import { summaryCommand } from './summary.js';

export const commands: CommandDef[] = [
  summaryCommand,
  quotesCommand,
  contextCommand,
  newsCommand,
  ...feedsCommands,
  ...digestCommands,
];

/** The command with this path ("summary", "digest post"), if any. */
export function findCommand(name: string): CommandDef | undefined {
  return commands.find((c) => c.name === name);
}
