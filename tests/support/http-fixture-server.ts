/**
 * A local HTTP server (127.0.0.1 only) for feed and page fetching tests and the feeds bench.
 *
 * - `/feeds/NAME` (any query string): the real feeds of ../shared/data/feeds, read at run time, with every absolute
 *   http(s) URL rewritten to `/ext/HOST/PATH` on this server (so nothing ever leaves the
 *   machine); ETag + Last-Modified, answering 304 to matching conditional requests.
 * - `/ext/www.theguardian.com/...`: full article pages (real pages from
 *   ../shared/data/article-extraction, one per distinct path, up to `pageLimit`); other
 *   `/ext/` paths are 404.
 * - `/page/N`: article page N; `/slow` (answers after `slowMs`); `/huge` (6 MB);
 *   `/loop` (redirect loop); `/chain/N` (N redirects, then a page); `/error` (500);
 *   `/redirect?to=URL` (302 to URL); `/image` (image/png); `/gzip/NAME` (gzip-encoded feed);
 *   `/feed-as/NAME` (a feed served as text/html, to test detection by content).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import { DATA_DIR } from './data.js';

export { DATA_DIR };
export const FEEDS_DIR = join(DATA_DIR, 'feeds');
const PAGES_DIR = join(DATA_DIR, 'article-extraction', 'html');

/** The feed fixtures (file names). */
export function feedFixtures(): string[] {
  return readdirSync(FEEDS_DIR)
    .filter((f) => /\.(rss|atom)$/.test(f))
    .sort();
}

/** Hosts whose article links this server answers with a full page. */
export const PAGE_HOSTS = new Set(['www.theguardian.com']);

/** Feeds a real server sends with a charset header (no declaration inside the XML). */
const SERVED_CHARSET: Record<string, string> = { 'uolNoticias.rss': 'ISO-8859-1' };

export interface FixtureServerOptions {
  /** How long `/slow` waits before answering (default 30 s). */
  slowMs?: number;
  /** Delay before every `/page/` and `/ext/` answer (to make a poll take a while). */
  pageDelayMs?: number;
  /** How many distinct `/ext/` article links get a page (default: all); the rest are 404. */
  pageLimit?: number;
  /** Loopback address to listen on (default 127.0.0.1). */
  host?: string;
}

export class FixtureServer {
  /** Requests received, as "METHOD path" plus the conditional headers. */
  readonly requests: { path: string; ifNoneMatch?: string; userAgent?: string }[] = [];
  private readonly pageFiles = readdirSync(PAGES_DIR).sort();
  private readonly pageOfPath = new Map<string, number>();
  private readonly overrides = new Map<string, Buffer>();
  private readonly server: Server;
  private pageDelayMs: number;
  port = 0;

  constructor(private readonly options: FixtureServerOptions = {}) {
    this.pageDelayMs = options.pageDelayMs ?? 0;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: Error) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(e.message));
      });
    });
  }

  static async start(options?: FixtureServerOptions): Promise<FixtureServer> {
    const s = new FixtureServer(options);
    const host = options?.host ?? '127.0.0.1';
    await new Promise<void>((resolve) => s.server.listen(0, host, resolve));
    const address = s.server.address();
    s.port = typeof address === 'object' && address ? address.port : 0;
    return s;
  }

  get base(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  feedUrl(name: string): string {
    return `${this.base}/feeds/${name}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Delays every article page answer by `ms` from now on (to make a poll take a while). */
  setPageDelay(ms: number): void {
    this.pageDelayMs = ms;
  }

  /** Serves `bytes` as feed NAME from now on (to simulate a feed that changed). */
  setFeed(name: string, bytes: Buffer): void {
    this.overrides.set(name, bytes);
  }

  /** The fixture bytes with absolute URLs pointing at this server. */
  feedBytes(name: string): Buffer {
    const override = this.overrides.get(name);
    if (override) return override;
    const raw = readFileSync(join(FEEDS_DIR, name)).toString('latin1');
    const rewritten = raw.replace(
      /https?:\/\/([A-Za-z0-9.-]+)(:\d+)?\//g,
      (_m, host: string) => `${this.base}/ext/${host}/`,
    );
    return Buffer.from(rewritten, 'latin1');
  }

  /** An article page (HTML) from the extraction data set. */
  pageHtml(n: number): Buffer {
    const file = this.pageFiles[n % this.pageFiles.length]!;
    return gunzipSync(readFileSync(join(PAGES_DIR, file)));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const path = url.pathname;
    this.requests.push({
      path: `${path}${url.search}`,
      ...(req.headers['if-none-match'] ? { ifNoneMatch: req.headers['if-none-match'] } : {}),
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    });
    let m: RegExpExecArray | null;
    if ((m = /^\/feeds\/([\w.-]+)$/.exec(path))) return this.feed(req, res, m[1]!);
    if ((m = /^\/gzip\/([\w.-]+)$/.exec(path))) {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      return void res.end(gzipSync(this.feedBytes(m[1]!)));
    }
    if ((m = /^\/feed-as\/([\w.-]+)$/.exec(path))) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(this.feedBytes(m[1]!));
    }
    if ((m = /^\/page\/(\d+)$/.exec(path))) return this.page(res, Number(m[1]));
    if ((m = /^\/ext\/([^/]+)(\/.*)$/.exec(path))) {
      const key = `${m[1]}${m[2]}`;
      const limit = this.options.pageLimit ?? Infinity;
      if (PAGE_HOSTS.has(m[1]!) && !this.pageOfPath.has(key) && this.pageOfPath.size < limit)
        this.pageOfPath.set(key, this.pageOfPath.size);
      const n = this.pageOfPath.get(key);
      if (n !== undefined) return this.page(res, n);
      if (this.pageDelayMs) await new Promise((r) => setTimeout(r, this.pageDelayMs));
      return void res.writeHead(404).end('not found');
    }
    if ((m = /^\/chain\/(\d+)$/.exec(path))) {
      const n = Number(m[1]);
      const to = n > 0 ? `/chain/${n - 1}` : '/page/0';
      return void res.writeHead(302, { location: to }).end();
    }
    switch (path) {
      case '/slow':
        await new Promise((r) => setTimeout(r, this.options.slowMs ?? 30_000));
        return this.page(res, 0);
      case '/huge': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        for (let i = 0; i < 96 && !res.destroyed; i++) {
          if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
        }
        return void res.end();
      }
      case '/loop':
        return void res.writeHead(302, { location: '/loop-again' }).end();
      case '/loop-again':
        return void res.writeHead(301, { location: '/loop' }).end();
      case '/error':
        return void res.writeHead(500).end('internal error');
      case '/redirect':
        return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      case '/image':
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(100));
      default:
        return void res.writeHead(404).end('not found');
    }
  }

  private feed(req: IncomingMessage, res: ServerResponse, name: string): void {
    let body: Buffer;
    try {
      body = this.feedBytes(name);
    } catch {
      return void res.writeHead(404).end('no such feed');
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = 'Wed, 31 Jan 2018 20:15:15 GMT';
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    const type = name.endsWith('.atom') ? 'application/atom+xml' : 'application/rss+xml';
    const charset = SERVED_CHARSET[name];
    res.writeHead(200, {
      'content-type': charset ? `${type}; charset=${charset}` : type,
      etag,
      'last-modified': lastModified,
    });
    res.end(body);
  }

  private async page(res: ServerResponse, n: number): Promise<void> {
    if (this.pageDelayMs) await new Promise((r) => setTimeout(r, this.pageDelayMs));
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(this.pageHtml(n));
  }
}
