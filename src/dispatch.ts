/**
 * Runs one command for any platform: validates options, checks moderator rights, maps errors
 * to replies a user can act on. Adapters call this and only render the result.
 */
import { OptionError, parseOptions, type CommandContext, type CommandDef } from './command.js';
import { StoreUnavailableError, UserFacingError } from './errors.js';
import { notice, type Reply } from './reply.js';

export const TRY_AGAIN_TEXT =
  'The news store is not answering right now. Please try again in a few seconds.';

export async function runCommand(
  def: CommandDef,
  raw: Record<string, unknown>,
  ctx: CommandContext,
): Promise<Reply> {
  if (def.moderatorOnly && !ctx.user.isModerator) {
    return notice('error', `Only moderators can use /${def.name}.`);
  }
  let input;
  try {
    input = parseOptions(def, raw);
  } catch (e) {
    if (e instanceof OptionError) {
      return notice('error', `${e.message}\nUsage: /${def.name} ${def.usage}`);
    }
    throw e;
  }
  try {
    return await def.handle(input, ctx);
  } catch (e) {
    return errorReply(e, ctx);
  }
}

/** The reply for an error thrown while handling a command; internal errors are logged. */
export function errorReply(e: unknown, ctx: Pick<CommandContext, 'log' | 'requestId'>): Reply {
  if (e instanceof UserFacingError) return notice('error', e.message);
  if (e instanceof StoreUnavailableError) {
    ctx.log.warn({ err: e, requestId: ctx.requestId }, 'store unavailable');
    return notice('error', TRY_AGAIN_TEXT);
  }
  ctx.log.error({ err: e, requestId: ctx.requestId }, 'command failed');
  return notice(
    'error',
    `Something went wrong on our side (request ${ctx.requestId}). Please try again.`,
  );
}
