/**
 * Runs one command for any platform: rate limit, moderator rights, option validation, the
 * handler, and the mapping of errors to replies a user can act on; records metrics.
 * Adapters call this and only render the result.
 */
import { OptionError, parseOptions, type CommandContext, type CommandDef } from './command.js';
import { StoreUnavailableError, UserFacingError } from './errors.js';
import { commandSeconds, commandsTotal, type CommandOutcome } from './metrics.js';
import { notice, type Reply } from './reply.js';

export const TRY_AGAIN_TEXT =
  'The news store is not answering right now. Please try again in a few seconds.';

export async function runCommand(
  def: CommandDef,
  raw: Record<string, unknown>,
  ctx: CommandContext,
): Promise<Reply> {
  const started = performance.now();
  const { reply, outcome } = await run(def, raw, ctx);
  const labels = { command: def.name, platform: ctx.platform };
  commandsTotal.inc({ ...labels, outcome });
  commandSeconds.observe(labels, (performance.now() - started) / 1000);
  return reply;
}

async function run(
  def: CommandDef,
  raw: Record<string, unknown>,
  ctx: CommandContext,
): Promise<{ reply: Reply; outcome: CommandOutcome }> {
  const limit = await ctx.services.rateLimit?.hit(ctx.platform, ctx.user.id);
  if (limit && !limit.allowed) {
    const seconds = Math.max(1, Math.ceil(limit.retryAfterMs / 1000));
    return {
      reply: notice(
        'info',
        `You're sending commands faster than I can keep up with. Please wait ${seconds} s and try again.`,
      ),
      outcome: 'rate_limited',
    };
  }
  if (def.moderatorOnly && !ctx.user.isModerator) {
    return {
      reply: notice('error', `Only moderators can use /${def.name}.`),
      outcome: 'forbidden',
    };
  }
  let input;
  try {
    input = parseOptions(def, raw);
  } catch (e) {
    if (e instanceof OptionError) {
      return {
        reply: notice('error', `${e.message}\nUsage: /${def.name} ${def.usage}`),
        outcome: 'invalid',
      };
    }
    throw e;
  }
  try {
    return { reply: await def.handle(input, ctx), outcome: 'ok' };
  } catch (e) {
    return classifyError(e, ctx);
  }
}

/** The reply for an error thrown while handling a command; internal errors are logged. */
export function errorReply(e: unknown, ctx: Pick<CommandContext, 'log' | 'requestId'>): Reply {
  return classifyError(e, ctx).reply;
}

function classifyError(
  e: unknown,
  ctx: Pick<CommandContext, 'log' | 'requestId'>,
): { reply: Reply; outcome: CommandOutcome } {
  if (e instanceof UserFacingError)
    return { reply: notice('error', e.message), outcome: 'not_found' };
  if (e instanceof StoreUnavailableError) {
    ctx.log.warn({ err: e, requestId: ctx.requestId }, 'store unavailable');
    return { reply: notice('error', TRY_AGAIN_TEXT), outcome: 'unavailable' };
  }
  ctx.log.error({ err: e, requestId: ctx.requestId }, 'command failed');
  return {
    reply: notice(
      'error',
      `Something went wrong on our side (request ${ctx.requestId}). Please try again.`,
    ),
    outcome: 'error',
  };
}
