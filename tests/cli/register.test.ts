/**
 * `newsbot register` run as a user runs it (one process, against the Discord stand-in): with the
 * commands already registered it writes nothing. (Creating, updating and removing are covered
 * in-process by tests/platforms/discord/bot.test.ts.)
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { registrationPayload, syncCommands } from '../../src/platforms/discord/registration.js';
import { runCli, type CliRun } from '../support/cli.js';
import { APPLICATION_ID, DiscordStandIn, GUILD_ID } from '../support/discord-standin.js';

let standIn: DiscordStandIn;

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
});
afterAll(async () => {
  await standIn?.close();
});

function register(args: string[]): Promise<CliRun> {
  return runCli(['register', ...args], {
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'stand-in-token',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: standIn.apiUrl,
    },
  });
}

it('finds nothing to change when the same commands are registered already', async () => {
  const rest = new REST({ api: standIn.apiUrl }).setToken('stand-in-token');
  await syncCommands(rest, APPLICATION_ID, registrationPayload(commands), GUILD_ID);
  const writes = standIn.commandWrites;
  expect(writes).toBe(standIn.commands.get(GUILD_ID)!.length);

  const run = await register(['--guild', GUILD_ID]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Commands guild ${GUILD_ID}:`);
  expect(run.stdout).toContain('unchanged /summary');
  expect(run.stdout).not.toMatch(/created|updated|removed/);
  expect(standIn.commandWrites).toBe(writes);
}, 30_000);
