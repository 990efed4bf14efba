/**
 * The safe fetcher every feed and page download goes through. It refuses non-public addresses
 * (checked after DNS resolution, on every redirect hop) unless NEWSBOT_ALLOW_PRIVATE_FETCH is
 * set; caps size, total time, redirects and content types; sends conditional requests
 * (ETag / Last-Modified). Each failure is a specific {@link FetchError} with a clear reason.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Config } from '../config.js';
import { nonPublicReason } from './private-address.js';

export const USER_AGENT = 'newsbot/0.1 (news summary bot; +https://github.com/newsbot)';

export interface FetchLimits {
  maxBytes: number;
  /** Total time for the whole download, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
};

/** Media types newsbot reads: web pages and XML feeds (any `+xml` type as well). */
export const ACCEPTED_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'text/plain',
];

const ACCEPT_HEADER =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.1';

/** Why a download failed; `reason` is short and safe to show to users and in `/feeds list`. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${reason} (${url})`, options);
    this.name = 'FetchError';
  }
}
export class InvalidUrlError extends FetchError {
  override name = 'InvalidUrlError';
}
export class BlockedAddressError extends FetchError {
  override name = 'BlockedAddressError';
}
export class FetchTimeoutError extends FetchError {
  override name = 'FetchTimeoutError';
}
export class ResponseTooLargeError extends FetchError {
  override name = 'ResponseTooLargeError';
}
export class TooManyRedirectsError extends FetchError {
  override name = 'TooManyRedirectsError';
}
export class UnsupportedContentTypeError extends FetchError {
  override name = 'UnsupportedContentTypeError';
}
export class HttpStatusError extends FetchError {
  override name = 'HttpStatusError';
  constructor(
    url: string,
    readonly status: number,
  ) {
    super(url, `HTTP ${status} ${http.STATUS_CODES[status] ?? ''}`.trim());
  }
}
/** DNS failure, refused connection, reset, TLS error... */
export class NetworkError extends FetchError {
  override name = 'NetworkError';
}

export interface Conditional {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { notModified: true; url: string }
  | {
      notModified: false;
      /** The final URL, after redirects (the base for relative links). */
      url: string;
      /** Media type without parameters, e.g. "application/rss+xml"; undefined when not sent. */
      mediaType?: string;
      /** The full Content-Type header (the charset parameter matters for decoding). */
      contentType?: string;
      body: Buffer;
      etag?: string;
      lastModified?: string;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** `dns.lookup` that fails with {@link BlockedAddressError} when any address is non-public. */
function guardedLookup(url: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        const kind = nonPublicReason(a.address);
        if (kind) {
          const reason = `refused: ${hostname} resolves to a ${kind} address (${a.address})`;
          return callback(new BlockedAddressError(url, reason), '', 0);
        }
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new NetworkError(url, `no address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

function header(res: IncomingMessage, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export class Fetcher {
  private readonly allowPrivate: boolean;
  readonly limits: FetchLimits;

  /** The private-address guard follows the configuration, and nothing else. */
  constructor(
    config: Pick<Config, 'NEWSBOT_ALLOW_PRIVATE_FETCH'>,
    limits: Partial<FetchLimits> = {},
  ) {
    this.allowPrivate = config.NEWSBOT_ALLOW_PRIVATE_FETCH;
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Downloads `url`; a 304 answer to a conditional request gives `{ notModified: true }`. */
  async fetch(url: string, conditional: Conditional = {}): Promise<FetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.limits.timeoutMs);
    try {
      return await this.follow(url, conditional, controller.signal);
    } catch (e) {
      // Aborting shows up as a connection error; a specific refusal keeps its own reason.
      const specific = e instanceof FetchError && !(e instanceof NetworkError);
      if (controller.signal.aborted && !specific)
        throw new FetchTimeoutError(url, `timed out after ${this.limits.timeoutMs / 1000} s`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(
    startUrl: string,
    conditional: Conditional,
    signal: AbortSignal,
  ): Promise<FetchResult> {
    const visited = new Set<string>();
    let current = startUrl;
    for (let hop = 0; ; hop++) {
      const target = this.checkUrl(current);
      visited.add(target.href);
      const res = await this.request(target, conditional, signal);
      const status = res.statusCode ?? 0;
      const location = header(res, 'location');
      if (REDIRECTS.has(status) && location) {
        res.destroy();
        let next: URL;
        try {
          next = new URL(location, target);
        } catch {
          throw new InvalidUrlError(target.href, `invalid redirect location "${location}"`);
        }
        if (visited.has(next.href))
          throw new TooManyRedirectsError(startUrl, `redirect loop at ${next.href}`);
        if (hop + 1 > this.limits.maxRedirects)
          throw new TooManyRedirectsError(
            startUrl,
            `more than ${this.limits.maxRedirects} redirects`,
          );
        current = next.href;
        continue;
      }
      if (status === 304) {
        res.destroy();
        return { notModified: true, url: target.href };
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new HttpStatusError(target.href, status);
      }
      const contentType = header(res, 'content-type');
      const mediaType = mediaTypeOf(contentType);
      if (mediaType && !ACCEPTED_TYPES.includes(mediaType) && !mediaType.endsWith('+xml')) {
        res.destroy();
        throw new UnsupportedContentTypeError(
          target.href,
          `unsupported content type ${mediaType} (expected a web page or a feed)`,
        );
      }
      const body = await this.readBody(res, target.href);
      return {
        notModified: false,
        url: target.href,
        ...(mediaType ? { mediaType } : {}),
        ...(contentType ? { contentType } : {}),
        body,
        ...optional('etag', header(res, 'etag')),
        ...optional('lastModified', header(res, 'last-modified')),
      };
    }
  }

  /** Parses the URL and refuses other schemes and non-public IP literals (no DNS involved). */
  private checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidUrlError(raw, 'not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new InvalidUrlError(raw, `unsupported scheme ${url.protocol} (only http and https)`);
    if (url.username || url.password)
      throw new InvalidUrlError(url.origin, 'URLs with credentials are not fetched');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.allowPrivate && isIP(host)) {
      const kind = nonPublicReason(host);
      if (kind) throw new BlockedAddressError(url.href, `refused: ${host} is a ${kind} address`);
    }
    return url;
  }

  private request(
    url: URL,
    conditional: Conditional,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: ACCEPT_HEADER,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, {
        method: 'GET',
        headers,
        signal,
        ...(this.allowPrivate ? {} : { lookup: guardedLookup(url.href) }),
      });
      req.once('response', resolve);
      req.once('error', (e) => {
        if (e instanceof FetchError) reject(e);
        else reject(new NetworkError(url.href, `cannot connect: ${e.message}`, { cause: e }));
      });
      req.end();
    });
  }

  private async readBody(res: IncomingMessage, url: string): Promise<Buffer> {
    const max = this.limits.maxBytes;
    const tooLarge = () =>
      new ResponseTooLargeError(url, `larger than ${Math.round(max / 1024 / 1024)} MB`);
    const declared = Number(header(res, 'content-length'));
    if (Number.isFinite(declared) && declared > max) {
      res.destroy();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      const stream = decompressed(res, url);
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        if (size > max) throw tooLarge();
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      res.destroy();
      if (e instanceof FetchError) throw e;
      throw new NetworkError(url, `download interrupted: ${(e as Error).message}`, { cause: e });
    }
    return Buffer.concat(chunks);
  }
}

function decompressed(res: IncomingMessage, url: string): Readable {
  const encoding = header(res, 'content-encoding')?.trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!encoding || encoding === 'identity') return res;
  if (!decoder) throw new FetchError(url, `unsupported content encoding ${encoding}`);
  pipeline(res, decoder, () => {});
  return decoder;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
