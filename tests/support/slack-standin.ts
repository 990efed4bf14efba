/**
 * A local stand-in for Slack, on 127.0.0.1 only: the Web API (`/api/<method>`: auth.test,
 * users.info, chat.*, apps.connections.open; every call recorded), response_url sinks
 * (`/respond/<n>`; every message recorded) and a Socket Mode WebSocket (`/socket`). Plus helpers
 * that send correctly signed slash commands and button presses to a Bolt app, as Slack does.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
}

export interface RecordedResponse {
  /** Which response_url received it. */
  sink: string;
  body: Record<string, unknown>;
  at: number;
}

export interface SlackUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(type: string | undefined, text: string): Record<string, unknown> {
  if (!text) return {};
  if (type?.includes('json')) return JSON.parse(text) as Record<string, unknown>;
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(text));
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        params[k] = JSON.parse(v);
      } catch {
        /* a plain string that starts with a bracket */
      }
    }
  }
  return params;
}

export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly users = new Map<string, SlackUser>();
  private waiters: Array<() => void> = [];
  private sinkCounter = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private readonly envelopes = new Map<string, (payload: Record<string, unknown>) => void>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {
    server.on('upgrade', (req, sock, head) => {
      if (req.url !== '/socket') return sock.destroy();
      this.wss.handleUpgrade(req, sock, head, (ws) => this.onSocket(ws));
    });
  }

  private onSocket(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as {
        envelope_id?: string;
        payload?: Record<string, unknown>;
      };
      const done = msg.envelope_id ? this.envelopes.get(msg.envelope_id) : undefined;
      if (done) {
        this.envelopes.delete(msg.envelope_id!);
        done(msg.payload ?? {});
      }
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'A0NEWSBOT' },
      }),
    );
    this.notify();
  }

  /** Sends a Socket Mode envelope; resolves with the app's acknowledgement payload. */
  async sendEnvelope(
    type: string,
    payload: Record<string, unknown>,
    timeoutMs = 5_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    while (!this.socket && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const ws = this.socket;
    if (!ws) throw new Error('no Socket Mode connection');
    const envelopeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.envelopes.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      ws.send(
        JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }),
      );
    });
  }

  static async start(): Promise<SlackStandIn> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const standIn = new SlackStandIn(server, (server.address() as AddressInfo).port);
    server.on('request', (req: IncomingMessage, res) => {
      void readBody(req).then((text) => {
        const reply = standIn.handle(req, text);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply));
      });
    });
    return standIn;
  }

  /** SLACK_API_URL for the app under test. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url. */
  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/respond/${++this.sinkCounter}`;
  }

  private handle(req: IncomingMessage, text: string): Record<string, unknown> {
    const url = req.url ?? '/';
    const params = parseParams(req.headers['content-type'], text);
    if (url.startsWith('/respond/')) {
      this.responses.push({ sink: url, body: params, at: Date.now() });
      this.notify();
      return { ok: true };
    }
    const method = url.replace(/^\/api\//, '').split('?')[0]!;
    this.calls.push({ method, params });
    this.notify();
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://standin.slack.test/',
          team: 'Stand-in',
          user: 'newsbot',
          team_id: 'T0STANDIN',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'users.info': {
        const user = this.users.get(String(params.user));
        return user ? { ok: true, user } : { ok: false, error: 'user_not_found' };
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: `${Date.now() / 1000}` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the first message to `sink` (a response_url); rejects after `timeoutMs`. */
  async responseTo(sink: string, timeoutMs = 5_000): Promise<RecordedResponse> {
    const path = new URL(sink).pathname;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.responses.find((r) => r.sink === path);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no response to ${path} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`, as Slack signs requests. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedResult {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
}

/** POSTs a form body to the app, signed with `secret` (`timestamp` in seconds; default now). */
export async function sendSigned(
  url: string,
  secret: string,
  body: string,
  opts: { timestamp?: number; signature?: string } = {},
): Promise<SignedResult> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** The form body Slack sends for `/command text`. */
export function slashCommandBody(
  command: string,
  text: string,
  responseUrl: string,
  user = 'U0USER',
): string {
  return new URLSearchParams({
    token: 'legacy-token',
    team_id: 'T0STANDIN',
    team_domain: 'standin',
    channel_id: 'C0NEWS',
    channel_name: 'news',
    user_id: user,
    user_name: 'reader',
    command,
    text,
    api_app_id: 'A0NEWSBOT',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** The form body Slack sends when a button is pressed on a (by default ephemeral) message. */
export function buttonPressBody(
  button: { action_id: string; value?: string },
  responseUrl: string,
  opts: { ephemeral?: boolean; user?: string } = {},
): string {
  const payload = {
    type: 'block_actions',
    user: { id: opts.user ?? 'U0USER', username: 'reader', team_id: 'T0STANDIN' },
    api_app_id: 'A0NEWSBOT',
    token: 'legacy-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: 'C0NEWS',
      is_ephemeral: opts.ephemeral ?? true,
    },
    trigger_id: '1.2.3',
    team: { id: 'T0STANDIN', domain: 'standin' },
    channel: { id: 'C0NEWS', name: 'news' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        block_id: 'b1',
        action_id: button.action_id,
        text: { type: 'plain_text', text: 'x' },
        ...(button.value !== undefined ? { value: button.value } : {}),
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
