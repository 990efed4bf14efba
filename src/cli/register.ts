/**
 * `newsbot register [--guild ID] [--dry-run]`: registers the slash commands with Discord.
 * Guild registration is instant; global registration propagates through Discord. Only the
 * commands that differ from what is registered are written.
 */
import type { Command } from 'commander';
import { commands } from '../../commands/index.js';
import { discordEnabled } from '../config.js';
import { cliConfig, EXIT_CONFIG, println } from './runtime.js';

export function registerRegister(program: Command): void {
  program
    .command('register')
    .description('register the slash commands with Discord (only changes are written)')
    .option('--guild <id>', 'register in one guild (instant) instead of globally')
    .option('--dry-run', 'print the registration payload and change nothing')
    .action(async (opts: { guild?: string; dryRun?: boolean }) => {
      // Loaded here: discord.js would slow every other subcommand.
      const [{ REST }, { registrationPayload, syncCommands }] = await Promise.all([
        import('discord.js'),
        import('../platforms/discord/registration.js'),
      ]);
      const payload = registrationPayload(commands);
      if (opts.dryRun) {
        println(JSON.stringify(payload, null, 2));
        return;
      }
      const config = cliConfig();
      if (!discordEnabled(config)) {
        process.stderr.write(
          'newsbot: set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register commands\n',
        );
        process.exitCode = EXIT_CONFIG;
        return;
      }
      if (opts.guild !== undefined && !/^\d{5,25}$/.test(opts.guild)) {
        throw new Error(`--guild expects a numeric guild id, got "${opts.guild}"`);
      }
      const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
        config.DISCORD_TOKEN!,
      );
      const plan = await syncCommands(rest, config.DISCORD_APPLICATION_ID!, payload, opts.guild);
      const scope = opts.guild
        ? `guild ${opts.guild}`
        : 'global (takes effect as Discord propagates it)';
      println(`Commands ${scope}:`);
      for (const c of plan.create) println(`  created   /${c.name}`);
      for (const { payload: c } of plan.update) println(`  updated   /${c.name}`);
      for (const c of plan.remove) println(`  removed   /${c.name}`);
      for (const name of plan.unchanged) println(`  unchanged /${name}`);
    });
}
