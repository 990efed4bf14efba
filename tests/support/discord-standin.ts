/**
 * A local Discord stand-in for tests and benchmarks: the REST API (gateway discovery,
 * interaction callbacks, webhooks, application commands) and a WebSocket gateway on 127.0.0.1.
 * It records every REST request, and dispatches INTERACTION_CREATE events to connected clients.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | undefined;
  at: number;
}

export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  [key: string]: unknown;
}

export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

export const APPLICATION_ID = '1100000000000000001';
export const BOT_USER_ID = '1100000000000000002';
export const GUILD_ID = '1100000000000000003';
export const CHANNEL_ID = '1100000000000000004';
export const USER_ID = '1100000000000000005';
/** Permission bits: ManageMessages (1 << 13) plus basic ones, or only basic ones. */
const MODERATOR_PERMISSIONS = String((1n << 13n) | (1n << 10n) | (1n << 11n));
const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n));

let snowflake = 1_200_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e9)) * 1000n;
const nextId = () => String(++snowflake);

export class DiscordStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Registered commands: key "global" or the guild id. */
  readonly commands = new Map<string, RegisteredCommand[]>();
  /** REST writes to application commands (PUT/POST/PATCH/DELETE). */
  commandWrites = 0;
  /** The next this-many interaction callbacks are refused with 400 (as Discord does for a bad body). */
  refuseCallbacks = 0;
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  private waiters: Array<{
    match: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }> = [];

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {}

  /** The value for DISCORD_API_URL / `rest.api` (discord.js appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  static async start(): Promise<DiscordStandIn> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: '/gateway' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const standIn = new DiscordStandIn(server, wss, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => standIn.onRequest(req, res));
    wss.on('connection', (ws) => standIn.onConnection(ws));
    return standIn;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Connected gateway sessions that have identified. */
  get sessions(): number {
    return this.sockets.size;
  }

  // ------------------------------------------------------------------ REST

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const url = new URL(req.url ?? '/', 'http://x');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname.replace(/^\/api\/v10/, '')),
        body,
        authorization: req.headers.authorization,
        at: performance.now(),
      };
      this.requests.push(recorded);
      const [status, payload] = this.route(recorded);
      if (payload === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      }
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(recorded)) return true;
        w.resolve(recorded);
        return false;
      });
    });
  }

  private route(r: RecordedRequest): [number, unknown] {
    const p = r.path;
    if (r.method === 'GET' && p === '/gateway/bot') {
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: 1,
          },
        },
      ];
    }
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) {
      if (this.refuseCallbacks > 0) {
        this.refuseCallbacks--;
        return [400, { message: 'Invalid Form Body', code: 50035 }];
      }
      return [204, undefined];
    }
    const webhook = /^\/webhooks\/(\d+)\/[^/]+(\/messages\/(@original|\d+))?$/.exec(p);
    if (webhook) {
      if (r.method === 'DELETE') return [204, undefined];
      return [200, this.message(r.body)];
    }
    const cmds = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands(?:\/(\d+))?$/.exec(p);
    if (cmds) return this.commandsRoute(r, cmds[1]!, cmds[2], cmds[3]);
    return [404, { message: `Unknown route ${r.method} ${p}`, code: 0 }];
  }

  private message(body: unknown): Record<string, unknown> {
    return {
      id: nextId(),
      channel_id: CHANNEL_ID,
      type: 0,
      author: {
        id: BOT_USER_ID,
        username: 'newsbot',
        discriminator: '0',
        bot: true,
        avatar: null,
        global_name: null,
      },
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      ...(typeof body === 'object' && body ? body : {}),
    };
  }

  private commandsRoute(
    r: RecordedRequest,
    applicationId: string,
    guildId: string | undefined,
    commandId: string | undefined,
  ): [number, unknown] {
    const key = guildId ?? 'global';
    const list = this.commands.get(key) ?? [];
    const make = (c: Record<string, unknown>, id = nextId()): RegisteredCommand =>
      ({
        type: 1,
        version: nextId(),
        default_member_permissions: null,
        ...c,
        id,
        application_id: applicationId,
        ...(guildId ? { guild_id: guildId } : {}),
      }) as unknown as RegisteredCommand;
    if (r.method === 'GET') return [200, commandId ? list.find((c) => c.id === commandId) : list];
    this.commandWrites++;
    if (r.method === 'PUT') {
      const next = (r.body as Record<string, unknown>[]).map((c) => {
        const existing = list.find((e) => e.name === c.name);
        return make(c, existing?.id);
      });
      this.commands.set(key, next);
      return [200, next];
    }
    if (r.method === 'POST') {
      const created = make(r.body as Record<string, unknown>);
      this.commands.set(key, [...list.filter((c) => c.name !== created.name), created]);
      return [201, created];
    }
    if (r.method === 'PATCH' && commandId) {
      const old = list.find((c) => c.id === commandId);
      if (!old) return [404, { message: 'Unknown application command', code: 10063 }];
      const updated = make({ ...old, ...(r.body as Record<string, unknown>) }, commandId);
      this.commands.set(
        key,
        list.map((c) => (c.id === commandId ? updated : c)),
      );
      return [200, updated];
    }
    if (r.method === 'DELETE' && commandId) {
      this.commands.set(
        key,
        list.filter((c) => c.id !== commandId),
      );
      return [204, undefined];
    }
    return [405, { message: 'Method not allowed', code: 0 }];
  }

  /** Resolves with the first request (already received or future) that matches. */
  waitForRequest(
    match: (r: RecordedRequest) => boolean,
    timeoutMs = 5_000,
  ): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (r: RecordedRequest) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** Every request made for the interaction with this token (callback, edits, follow-ups). */
  requestsFor(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}`));
  }

  // ------------------------------------------------------------------ gateway

  private send(ws: WebSocket, payload: unknown): void {
    ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket): void {
    this.send(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (msg.op === 1) this.send(ws, { op: 11, d: null, s: null, t: null });
      if (msg.op === 2) {
        this.sockets.add(ws);
        this.send(ws, {
          op: 0,
          t: 'READY',
          s: ++this.seq,
          d: {
            v: 10,
            user: {
              id: BOT_USER_ID,
              username: 'newsbot',
              discriminator: '0',
              bot: true,
              avatar: null,
              global_name: null,
            },
            guilds: [],
            session_id: randomBytes(16).toString('hex'),
            resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
            application: { id: APPLICATION_ID, flags: 0 },
          },
        });
      }
    });
    ws.on('close', () => this.sockets.delete(ws));
  }

  private dispatch(t: string, d: unknown): void {
    for (const ws of this.sockets) this.send(ws, { op: 0, t, s: ++this.seq, d });
  }

  // ------------------------------------------------------------------ interactions

  private base(type: number, opts: { moderator?: boolean }) {
    const id = nextId();
    const token = `tok_${randomBytes(12).toString('hex')}`;
    return {
      id,
      token,
      payload: {
        id,
        token,
        type,
        application_id: APPLICATION_ID,
        guild_id: GUILD_ID,
        channel_id: CHANNEL_ID,
        channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'news' },
        member: {
          user: {
            id: USER_ID,
            username: 'reader',
            discriminator: '0',
            avatar: null,
            global_name: 'Reader',
          },
          roles: [],
          joined_at: '2024-01-01T00:00:00.000Z',
          deaf: false,
          mute: false,
          flags: 0,
          permissions: opts.moderator ? MODERATOR_PERMISSIONS : MEMBER_PERMISSIONS,
        },
        app_permissions: MEMBER_PERMISSIONS,
        locale: 'en-GB',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': GUILD_ID },
        context: 0,
        version: 1,
        attachment_size_limit: 8_388_608,
      } as Record<string, unknown>,
    };
  }

  /** Sends /name with options; returns the interaction's id and token. */
  slashCommand(
    name: string,
    options: InteractionOption[] = [],
    opts: { moderator?: boolean } = {},
  ): { id: string; token: string } {
    const i = this.base(2, opts);
    i.payload.data = { id: nextId(), name, type: 1, options };
    this.dispatch('INTERACTION_CREATE', i.payload);
    return { id: i.id, token: i.token };
  }

  autocomplete(name: string, options: InteractionOption[]): { id: string; token: string } {
    const i = this.base(4, {});
    i.payload.data = { id: nextId(), name, type: 1, options };
    this.dispatch('INTERACTION_CREATE', i.payload);
    return { id: i.id, token: i.token };
  }

  /** Presses a button on a message (the message body as the bot sent it). */
  button(
    customId: string,
    message: Record<string, unknown> = {},
    opts: { moderator?: boolean } = {},
  ): { id: string; token: string } {
    const i = this.base(3, opts);
    i.payload.data = { custom_id: customId, component_type: 2 };
    i.payload.message = this.message(message);
    this.dispatch('INTERACTION_CREATE', i.payload);
    return { id: i.id, token: i.token };
  }
}
