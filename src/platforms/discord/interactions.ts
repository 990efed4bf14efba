/**
 * Handles one Discord interaction: slash command, autocomplete or button. Answers directly
 * when the command is fast; when it has not finished after `deferAfterMs`, defers and edits.
 * Never throws: failures are logged with the interaction's request id and answered politely.
 */
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type REST,
} from 'discord.js';
import type { Logger } from 'pino';
import { ActionDecodeError, decodeAction } from '../../../commands/lib/actions.js';
import type { AutocompleteChoice, CommandContext, CommandDef } from '../../command.js';
import { errorReply, runCommand } from '../../dispatch.js';
import { notice, type Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { renderMessages } from './render.js';
import { InteractionResponder } from './respond.js';

export interface InteractionDeps {
  services: Services;
  commands: readonly CommandDef[];
  rest: REST;
  log: Logger;
  /** Defer when the command has not answered after this long (Discord allows 3 s in all). */
  deferAfterMs: number;
}

const AUTOCOMPLETE_DEADLINE_MS = 2_500;
const AUTOCOMPLETE_MAX = 25;
const CHOICE_MAX = 100;

type Handled = ChatInputCommandInteraction | ButtonInteraction | AutocompleteInteraction;

function contextFor(interaction: Handled, deps: InteractionDeps, log: Logger): CommandContext {
  return {
    services: deps.services,
    platform: 'discord',
    user: {
      id: interaction.user.id,
      name: interaction.user.username,
      isModerator: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
    },
    channelId: interaction.channelId ?? '',
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    requestId: interaction.id,
    now: new Date(),
    log,
  };
}

/** The command path ("summary", "digest post") of a slash command or autocomplete. */
function commandPath(interaction: ChatInputCommandInteraction | AutocompleteInteraction): string {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  return [interaction.commandName, group, sub].filter(Boolean).join(' ');
}

function optionValues(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const o of options) {
    if (o.options) Object.assign(values, optionValues(o.options));
    else if (o.value !== undefined) values[o.name] = o.value;
  }
  return values;
}

/** `work`'s result, or 'timeout' if it takes longer than `ms` (the timer is cleared either way). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function handleInteraction(
  interaction: Interaction,
  deps: InteractionDeps,
): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isAutocomplete())
    return;
  const log = deps.log.child({
    requestId: interaction.id,
    platform: 'discord',
    user: interaction.user.id,
  });
  const responder = new InteractionResponder(deps.rest, interaction);
  try {
    if (interaction.isAutocomplete()) {
      await autocomplete(interaction, deps, log, responder);
    } else {
      await command(interaction, deps, log, responder);
    }
  } catch (e) {
    log.error({ err: e }, 'interaction failed');
    if (!interaction.isAutocomplete()) await apologise(responder, e, log, interaction.id);
  }
}

/** Last resort after a failure (e.g. Discord refused the answer): a polite private notice. */
async function apologise(
  responder: InteractionResponder,
  e: unknown,
  log: Logger,
  requestId: string,
) {
  const [message] = renderMessages(errorReply(e, { log, requestId }));
  try {
    await (responder.acknowledged ? responder.followUp(message!) : responder.reply(message!));
  } catch (again) {
    log.error({ err: again }, 'could not answer the interaction');
  }
}

async function autocomplete(
  interaction: AutocompleteInteraction,
  deps: InteractionDeps,
  log: Logger,
  responder: InteractionResponder,
): Promise<void> {
  const def = deps.commands.find((c) => c.name === commandPath(interaction));
  const focused = interaction.options.getFocused(true);
  let choices: AutocompleteChoice[] = [];
  if (def?.autocomplete) {
    const ctx = contextFor(interaction, deps, log);
    try {
      const found = await within(
        def.autocomplete(focused.name, String(focused.value), ctx),
        AUTOCOMPLETE_DEADLINE_MS,
      );
      if (found === 'timeout') log.warn({ command: def.name }, 'autocomplete timed out');
      else choices = found;
    } catch (e) {
      log.warn({ err: e, command: def.name }, 'autocomplete failed');
    }
  }
  await responder.autocomplete(
    choices.slice(0, AUTOCOMPLETE_MAX).map((c) => ({
      name: c.name.slice(0, CHOICE_MAX),
      value: c.value.slice(0, CHOICE_MAX),
    })),
  );
}

/** What a slash command or button asks for: the command and its raw option values. */
function request(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  deps: InteractionDeps,
): { def: CommandDef | undefined; name: string; raw: Record<string, unknown> } {
  if (interaction.isChatInputCommand()) {
    const name = commandPath(interaction);
    return {
      def: deps.commands.find((c) => c.name === name),
      name,
      raw: optionValues(interaction.options.data),
    };
  }
  const { command, args } = decodeAction(interaction.customId);
  return { def: deps.commands.find((c) => c.name === command), name: command, raw: args };
}

/** Starts the command the interaction asks for; the promise never rejects. */
function startCommand(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  deps: InteractionDeps,
  ctx: CommandContext,
): { name: string; work: Promise<Reply> } {
  try {
    const req = request(interaction, deps);
    const work = req.def
      ? runCommand(req.def, req.raw, ctx).catch((e: unknown) => errorReply(e, ctx))
      : Promise.resolve(notice('error', `Unknown command /${req.name}.`));
    return { name: req.name, work };
  } catch (e) {
    const reply =
      e instanceof ActionDecodeError
        ? notice('error', 'This button is no longer supported.')
        : errorReply(e, ctx);
    return { name: 'unknown', work: Promise.resolve(reply) };
  }
}

async function command(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  deps: InteractionDeps,
  log: Logger,
  responder: InteractionResponder,
): Promise<void> {
  const started = performance.now();
  const ctx = contextFor(interaction, deps, log);
  const { name, work } = startCommand(interaction, deps, ctx);

  const first = await within(work, deps.deferAfterMs);
  const isButton = interaction.isButton();
  /** A button on a public message swaps the card in place; otherwise a new message answers. */
  const sourceEphemeral = isButton && interaction.message.flags.has(MessageFlags.Ephemeral);
  const updates = (reply: Reply) =>
    isButton && reply.kind === 'cards' && reply.visibility === 'public' && !sourceEphemeral;

  let reply: Reply;
  if (first !== 'timeout') {
    reply = first;
    const [head, ...rest] = renderMessages(reply);
    await (updates(reply) ? responder.update(head!) : responder.reply(head!));
    for (const m of rest) await responder.followUp(m);
  } else {
    await (isButton ? responder.deferUpdate() : responder.deferReply());
    reply = await work;
    const messages = renderMessages(reply);
    if (updates(reply) || (!isButton && reply.visibility === 'public')) {
      const [head, ...rest] = messages;
      await responder.editOriginal(head!);
      for (const m of rest) await responder.followUp(m);
    } else {
      // The deferred answer is public; an ephemeral reply replaces it with private follow-ups.
      if (!isButton) await responder.deleteOriginal();
      for (const m of messages) await responder.followUp(m);
    }
  }
  log.info(
    {
      command: name,
      tone: reply.kind === 'notice' ? reply.tone : 'cards',
      ms: Math.round(performance.now() - started),
      deferred: first === 'timeout',
    },
    'command answered',
  );
}
