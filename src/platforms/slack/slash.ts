/**
 * Slash commands: parse the text, answer within Slack's 3 s. A reply ready within the budget
 * goes back in the acknowledgement itself; a slower one is acknowledged empty and delivered
 * through response_url (respond) when done. Answers are ephemeral, cards carry "Share in channel"
 * (a moderator command that publishes, like /digest post, answers in the channel).
 */
import type { AckFn, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import type { CommandDef } from '../../command.js';
import { commandsTotal } from '../../metrics.js';
import { notice } from '../../reply.js';
import { CommandTextError, parseCommandText } from './parse.js';
import { renderReply, type SlackMessage } from './render.js';
import { runForSlack, type SlackRunDeps } from './run.js';

/** How long a command may take before it is acknowledged empty and answered via respond(). */
export const ACK_BUDGET_MS = 2_000;

export const ephemeral = (m: SlackMessage): RespondArguments => response(m, 'ephemeral');

export const response = (
  m: SlackMessage,
  responseType: 'ephemeral' | 'in_channel',
): RespondArguments => ({ response_type: responseType, text: m.text, blocks: m.blocks });

export async function handleSlash(
  deps: SlackRunDeps,
  defs: readonly CommandDef[],
  args: { command: SlashCommand; ack: AckFn<string | RespondArguments>; respond: RespondFn },
): Promise<void> {
  const { command, ack, respond } = args;
  const top = command.command.replace(/^\//, '');
  let parsed;
  try {
    parsed = parseCommandText(defs, top, command.text ?? '');
  } catch (e) {
    if (!(e instanceof CommandTextError)) throw e;
    commandsTotal.inc({ command: top, platform: 'slack', outcome: 'invalid' });
    await ack(ephemeral(renderReply(notice('error', `${e.message}\nUsage: ${e.usage}`))));
    return;
  }
  const work = runForSlack(deps, parsed.def, parsed.raw, {
    userId: command.user_id,
    userName: command.user_name,
    channelId: command.channel_id,
    teamId: command.team_id,
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ACK_BUDGET_MS);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first) {
    await ack(response(first.message, first.responseType));
    return;
  }
  await ack();
  const { message, responseType } = await work;
  await respond(response(message, responseType));
}
