/**
 * Interaction handling details through discord.js and the stand-in: deferring slow commands,
 * moderator rights, internal errors, unknown buttons. Uses small test commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCommand, type CommandDef } from '../../../src/command.js';
import { createLogger } from '../../../src/log.js';
import { startDiscord, type DiscordBot } from '../../../src/platforms/discord/bot.js';
import { notice } from '../../../src/reply.js';
import { createServices } from '../../../src/services.js';
import { DiscordStandIn } from '../../support/discord-standin.js';
import { testRedis, type TestRedis } from '../../support/redis.js';
import { z } from 'zod';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const testCommands = [
  defineCommand({
    name: 'slow',
    description: 'answers late',
    usage: '[private]',
    options: {
      private: { description: 'ephemeral', type: 'string', schema: z.string().optional() },
    },
    async handle({ private: p }) {
      await sleep(300);
      if (p) return notice('error', 'Private answer');
      return {
        kind: 'cards',
        visibility: 'public',
        text: 'done',
        cards: [
          {
            title: 'Slow card',
            sections: [],
            actions: [{ type: 'command', label: 'Again', command: 'slow', args: {} }],
          },
        ],
      };
    },
  }),
  defineCommand({
    name: 'digest post',
    description: 'moderators only',
    usage: '',
    options: {},
    moderatorOnly: true,
    handle: async (_input, ctx) => notice('success', `Posted by ${ctx.user.id}`),
  }),
  defineCommand({
    name: 'broken',
    description: 'throws',
    usage: '',
    options: {},
    handle: async () => {
      throw new Error('boom');
    },
  }),
] as CommandDef[];

let standIn: DiscordStandIn;
let bot: DiscordBot;
let redis: TestRedis;

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  redis = await testRedis('discord-interactions');
  bot = await startDiscord({
    config: {
      DISCORD_TOKEN: 'stand-in-token',
      DISCORD_API_URL: standIn.apiUrl,
      DISCORD_SHARDS: 'auto',
    },
    services: createServices(redis.redis, { REDIS_PREFIX: redis.prefix }),
    log: createLogger('silent'),
    commands: testCommands,
    deferAfterMs: 50,
  });
});

afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
  await redis?.cleanup();
});

describe('interaction handling', () => {
  it('defers a slow command, then edits the original response', async () => {
    const { token } = standIn.slashCommand('slow');
    const edit = await standIn.waitForRequest(
      (r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`),
    );
    const [callback] = standIn.requestsFor(token);
    expect(callback!.body).toEqual({ type: 5 });
    expect(edit.body).toMatchObject({
      embeds: [{ title: 'Slow card' }],
      allowed_mentions: { parse: [] },
    });
  });

  it('a slow private answer replaces the deferred reply with an ephemeral follow-up', async () => {
    const { token } = standIn.slashCommand('slow', [{ name: 'private', type: 3, value: 'yes' }]);
    const follow = await standIn.waitForRequest(
      (r) => r.method === 'POST' && r.path.endsWith(`/${token}`),
    );
    expect(follow.body).toMatchObject({ content: '⚠️ Private answer', flags: 64 });
    expect(standIn.requestsFor(token).map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
  });

  it('a slow button defers the update, then edits the message', async () => {
    const { token } = standIn.button('nb:slow');
    await standIn.waitForRequest(
      (r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`),
    );
    expect(standIn.requestsFor(token)[0]!.body).toEqual({ type: 6 });
  });

  it('moderator-only commands check Manage Messages', async () => {
    const denied = standIn.slashCommand('digest', [{ name: 'post', type: 1, options: [] }]);
    const d = await standIn.waitForRequest((r) => r.path.includes(`/${denied.token}/callback`));
    expect(d.body).toMatchObject({
      type: 4,
      data: { content: '⚠️ Only moderators can use /digest post.', flags: 64 },
    });
    const allowed = standIn.slashCommand('digest', [{ name: 'post', type: 1, options: [] }], {
      moderator: true,
    });
    const a = await standIn.waitForRequest((r) => r.path.includes(`/${allowed.token}/callback`));
    expect(a.body).toMatchObject({
      type: 4,
      data: { content: expect.stringMatching(/^✅ Posted by \d+$/) },
    });
  });

  it('an internal error is answered politely with the request id', async () => {
    const { id, token } = standIn.slashCommand('broken');
    const r = await standIn.waitForRequest((q) => q.path.includes(`/${token}/callback`));
    expect(r.body).toMatchObject({
      type: 4,
      data: {
        content: `⚠️ Something went wrong on our side (request ${id}). Please try again.`,
        flags: 64,
      },
    });
  });

  it('a button this bot did not make gets an ephemeral explanation', async () => {
    const { token } = standIn.button('someone-else:thing');
    const r = await standIn.waitForRequest((q) => q.path.includes(`/${token}/callback`));
    expect(r.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: '⚠️ This button is no longer supported.' },
    });
  });

  it('when Discord refuses an answer, a polite notice still goes out', async () => {
    standIn.refuseCallbacks = 1;
    const { id, token } = standIn.slashCommand('digest', [{ name: 'post', type: 1, options: [] }], {
      moderator: true,
    });
    const second = await standIn.waitForRequest(
      (r) => r.path.includes(`/${token}/callback`) && standIn.requestsFor(token).length === 2,
    );
    expect(second.body).toMatchObject({
      type: 4,
      data: {
        flags: 64,
        content: `⚠️ Something went wrong on our side (request ${id}). Please try again.`,
      },
    });
  });

  it('an unknown command is answered, not ignored', async () => {
    const { token } = standIn.slashCommand('nonexistent');
    const r = await standIn.waitForRequest((q) => q.path.includes(`/${token}/callback`));
    expect(r.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: '⚠️ Unknown command /nonexistent.' },
    });
  });
});
