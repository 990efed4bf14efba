import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChannelMissingError,
  NoPermissionError,
  PostFailedError,
  RateLimitedError,
} from '../../../src/jobs/poster.js';
import { createSlackPoster } from '../../../src/platforms/slack/channel-poster.js';
import type { Reply } from '../../../src/reply.js';

/** A stand-in for Slack's Web API on 127.0.0.1: chat.postMessage per channel behaviour. */
const received: Array<{ path: string; auth?: string; params: URLSearchParams }> = [];
let server: Server;
let api: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const params = new URLSearchParams(raw);
    received.push({ path: req.url ?? '', auth: req.headers.authorization, params });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const channel = params.get('channel');
    if (channel === 'COK') return json(200, { ok: true, channel, ts: '1.000' });
    if (channel === 'CGONE') return json(200, { ok: false, error: 'channel_not_found' });
    if (channel === 'CLOCKED') return json(200, { ok: false, error: 'not_in_channel' });
    if (channel === 'CBUSY')
      return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' });
    return json(200, { ok: false, error: 'internal_error' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const reply: Reply = {
  kind: 'cards',
  visibility: 'ephemeral',
  text: 'News digest: 1 top story',
  cards: [
    {
      title: 'A story',
      url: 'https://news.example.org/a',
      sections: [{ style: 'lines', items: [{ text: 'One sentence.' }] }],
      actions: [],
    },
  ],
};

const poster = () => createSlackPoster({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api });

describe('Slack channel poster', () => {
  it('posts Block Kit with chat.postMessage', async () => {
    received.length = 0;
    await poster().post('COK', reply, 'digest:slack:COK:2026-03-08');
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/api/chat.postMessage');
    expect(received[0]!.auth).toBe('Bearer xoxb-test');
    expect(received[0]!.params.get('text')).toContain('News digest');
    const blocks = JSON.parse(received[0]!.params.get('blocks')!) as Array<{ type: string }>;
    expect(blocks.length).toBeGreaterThan(0);
  });

  it('maps refusals to typed errors the runner acts on', async () => {
    const p = poster();
    await expect(p.post('CGONE', reply, 'k')).rejects.toBeInstanceOf(ChannelMissingError);
    await expect(p.post('CLOCKED', reply, 'k')).rejects.toBeInstanceOf(NoPermissionError);
    const limited = await p.post('CBUSY', reply, 'k').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(7_000);
    await expect(p.post('CBROKEN', reply, 'k')).rejects.toBeInstanceOf(PostFailedError);
  });
});
