import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChannelMissingError,
  NoPermissionError,
  PostFailedError,
  RateLimitedError,
} from '../../../src/jobs/poster.js';
import {
  createDiscordPoster,
  messageNonce,
} from '../../../src/platforms/discord/channel-poster.js';
import type { Reply } from '../../../src/reply.js';

/** A stand-in for Discord's REST API on 127.0.0.1: channel "ok" accepts, others refuse. */
interface Received {
  path: string;
  auth: string | undefined;
  body: Record<string, unknown>;
}
const received: Received[] = [];
let server: Server;
let api: string;

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    received.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    const channel = /\/channels\/([^/]+)\/messages$/.exec(req.url ?? '')?.[1];
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    if (channel === 'ok') return reply(200, { id: String(received.length), channel_id: channel });
    if (channel === 'gone') return reply(404, { message: 'Unknown Channel', code: 10003 });
    if (channel === 'locked') return reply(403, { message: 'Missing Permissions', code: 50013 });
    if (channel === 'busy') {
      return reply(
        429,
        { message: 'You are being rate limited.', retry_after: 2.5, global: false },
        { 'retry-after': '3', 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': 'b1' },
      );
    }
    return reply(500, { message: 'Internal Server Error', code: 0 });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const reply: Reply = {
  kind: 'cards',
  visibility: 'ephemeral',
  text: 'News digest',
  cards: [
    { title: 'News digest: Sun 8 Mar 2026 (UTC)', meta: '1 top story', sections: [], actions: [] },
    {
      title: 'Story @everyone',
      url: 'https://news.example.org/a',
      sections: [{ style: 'lines', items: [{ text: 'One sentence.' }] }],
      actions: [],
    },
  ],
};

const poster = () => createDiscordPoster({ DISCORD_TOKEN: 'bot-token', DISCORD_API_URL: api });

describe('Discord channel poster', () => {
  it('posts the rendered digest into the channel with a nonce Discord deduplicates', async () => {
    received.length = 0;
    await poster().post('ok', reply, 'digest:discord:ok:2026-03-08');
    expect(received).toHaveLength(1);
    const [msg] = received;
    expect(msg!.path).toBe('/v10/channels/ok/messages');
    expect(msg!.auth).toBe('Bot bot-token');
    expect(msg!.body).toMatchObject({
      nonce: messageNonce('digest:discord:ok:2026-03-08', 0),
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect((msg!.body.embeds as unknown[]).length).toBe(2);
    // A scheduled post is public: never the ephemeral flag.
    expect(msg!.body.flags).toBeUndefined();
    expect(String(messageNonce('x', 0)).length).toBeLessThanOrEqual(25);
  });

  it('maps refusals to typed errors the runner acts on', async () => {
    const p = poster();
    await expect(p.post('gone', reply, 'k')).rejects.toBeInstanceOf(ChannelMissingError);
    await expect(p.post('locked', reply, 'k')).rejects.toBeInstanceOf(NoPermissionError);
    const limited = await p.post('busy', reply, 'k').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    const broken = await p.post('broken', reply, 'k').catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(PostFailedError);
    expect((broken as PostFailedError).retryable).toBe(true);
  });
});
