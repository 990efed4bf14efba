/**
 * Runs a command for a Slack user: builds the CommandContext (moderator check only when the
 * command needs it), calls runCommand (which records metrics) and renders the reply. Never
 * throws: unexpected failures become the generic error reply.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CommandDef } from '../../command.js';
import { errorReply, runCommand } from '../../dispatch.js';
import type { Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import type { ModeratorCheck } from './moderator.js';
import type { RawOptions } from './parse.js';
import { renderReply, type RenderOptions, type SlackMessage } from './render.js';

export interface SlackRunDeps {
  services: Services;
  log: Logger;
  moderators: ModeratorCheck;
}

export interface SlackCaller {
  userId: string;
  userName?: string;
  channelId: string;
  teamId?: string;
}

export interface RunResult {
  reply: Reply;
  message: SlackMessage;
  /**
   * Slack answers privately (cards offer "Share in channel"); only a moderator command that
   * publishes (e.g. /digest post) answers in the channel.
   */
  responseType: 'ephemeral' | 'in_channel';
}

export async function runForSlack(
  deps: SlackRunDeps,
  def: CommandDef,
  raw: RawOptions,
  caller: SlackCaller,
  render: RenderOptions = { share: { command: def.name, args: raw } },
): Promise<RunResult> {
  const requestId = randomUUID();
  const log = deps.log.child({ requestId, command: def.name, platform: 'slack' });
  let reply: Reply;
  try {
    const isModerator = def.moderatorOnly
      ? await deps.moderators.isModerator(caller.userId)
      : false;
    reply = await runCommand(def, raw, {
      services: deps.services,
      platform: 'slack',
      user: {
        id: caller.userId,
        ...(caller.userName ? { name: caller.userName } : {}),
        isModerator,
      },
      channelId: caller.channelId,
      ...(caller.teamId ? { workspaceId: caller.teamId } : {}),
      requestId,
      now: new Date(),
      log,
    });
  } catch (e) {
    reply = errorReply(e, { log, requestId });
  }
  const publish = Boolean(def.moderatorOnly) && reply.visibility === 'public';
  const share = reply.kind === 'cards' && !publish ? render.share : undefined;
  return {
    reply,
    message: renderReply(reply, { ...render, share }),
    responseType: publish ? 'in_channel' : 'ephemeral',
  };
}
