/**
 * Button presses (block_actions), acknowledged at once and answered through response_url:
 * Summary / Quotes / Context and /news pages re-run a command and replace the ephemeral card in
 * place (or answer the presser privately under a public card); "Share in channel" re-runs the
 * card's command and posts it for everyone.
 */
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { ActionDecodeError, decodeAction } from '../../../commands/lib/actions.js';
import type { CommandDef } from '../../command.js';
import { notice } from '../../reply.js';
import { renderReply } from './render.js';
import { runForSlack, type SlackCaller, type SlackRunDeps } from './run.js';
import { ephemeral } from './slash.js';

export type ButtonPress = BlockAction<ButtonAction>;

function callerOf(body: ButtonPress): SlackCaller {
  return {
    userId: body.user.id,
    userName: body.user.username,
    channelId: body.channel?.id ?? body.container.channel_id ?? '',
    ...(body.team?.id ? { teamId: body.team.id } : {}),
  };
}

function decode(defs: readonly CommandDef[], value: string | undefined) {
  try {
    const { command, args } = decodeAction(value ?? '');
    const def = defs.find((d) => d.name === command);
    return def ? { def, args } : undefined;
  } catch (e) {
    if (e instanceof ActionDecodeError) return undefined;
    throw e;
  }
}

const STALE_BUTTON = notice('error', 'This button no longer works. Run the command again.');

/** The command a button runs; a button that no longer decodes gets a note and `undefined`. */
async function decodeOrSayStale(
  defs: readonly CommandDef[],
  body: ButtonPress,
  respond: RespondFn,
): Promise<ReturnType<typeof decode>> {
  const found = decode(defs, body.actions[0]?.value);
  if (!found) await respond({ ...ephemeral(renderReply(STALE_BUTTON)), replace_original: false });
  return found;
}

/** A Summary / Quotes / Context / page button. */
export async function handleRunButton(
  deps: SlackRunDeps,
  defs: readonly CommandDef[],
  body: ButtonPress,
  respond: RespondFn,
): Promise<void> {
  const found = await decodeOrSayStale(defs, body, respond);
  if (!found) return;
  const inPlace = Boolean(body.container.is_ephemeral);
  const { reply, message } = await runForSlack(deps, found.def, found.args, callerOf(body));
  // An error (e.g. "try again") comes as a new note, so the card the user had stays.
  await respond({ ...ephemeral(message), replace_original: inPlace && reply.kind === 'cards' });
}

/** "Share in channel": the same card, posted for everyone, credited to the presser. */
export async function handleShareButton(
  deps: SlackRunDeps,
  defs: readonly CommandDef[],
  body: ButtonPress,
  respond: RespondFn,
): Promise<void> {
  const found = await decodeOrSayStale(defs, body, respond);
  if (!found) return;
  const caller = callerOf(body);
  const { reply, message } = await runForSlack(deps, found.def, found.args, caller, {
    sharedBy: caller.userId,
  });
  if (reply.kind !== 'cards') {
    await respond({ ...ephemeral(message), replace_original: false });
    return;
  }
  await respond({
    response_type: 'in_channel',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  });
}
