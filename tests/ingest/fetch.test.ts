import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BlockedAddressError,
  Fetcher,
  FetchTimeoutError,
  HttpStatusError,
  InvalidUrlError,
  ResponseTooLargeError,
  TooManyRedirectsError,
  UnsupportedContentTypeError,
  USER_AGENT,
} from '../../src/ingest/fetch.js';
import { nonPublicReason } from '../../src/ingest/private-address.js';
import { FixtureServer } from '../support/http-fixture-server.js';

/** A loopback address this file treats as public, to get past the guard's first hop. */
const PRETEND_PUBLIC = '127.0.0.2';
vi.mock('../../src/ingest/private-address.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ingest/private-address.js')>();
  return {
    nonPublicReason: (ip: string) => (ip === PRETEND_PUBLIC ? null : real.nonPublicReason(ip)),
  };
});

let server: FixtureServer;
let publicServer: FixtureServer;
const open = new Fetcher({ NEWSBOT_ALLOW_PRIVATE_FETCH: true });
const guarded = new Fetcher({ NEWSBOT_ALLOW_PRIVATE_FETCH: false });

beforeAll(async () => {
  server = await FixtureServer.start({ slowMs: 3_000 });
  publicServer = await FixtureServer.start({ host: PRETEND_PUBLIC });
});
afterAll(async () => {
  await server.close();
  await publicServer.close();
});

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the fetch to fail');
}

describe('Fetcher against a local server (private fetch allowed)', () => {
  it('downloads a feed with its validators and our User-Agent', async () => {
    const r = await open.fetch(server.feedUrl('guardian.rss'));
    expect(r.notModified).toBe(false);
    if (r.notModified) return;
    expect(r.mediaType).toBe('application/rss+xml');
    expect(r.etag).toMatch(/^"/);
    expect(r.lastModified).toContain('2018');
    expect(r.body.toString('utf8')).toContain('<rss');
    expect(server.requests.at(-1)?.userAgent).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^newsbot\//);
  });

  it('answers notModified to a conditional GET the server answers with 304', async () => {
    const first = await open.fetch(server.feedUrl('heise.atom'));
    if (first.notModified) throw new Error('unexpected 304');
    const again = await open.fetch(server.feedUrl('heise.atom'), { etag: first.etag! });
    expect(again).toEqual({ notModified: true, url: server.feedUrl('heise.atom') });
    expect(server.requests.at(-1)?.ifNoneMatch).toBe(first.etag);
  });

  it('follows a few redirects and reports the final URL', async () => {
    const r = await open.fetch(`${server.base}/chain/3`);
    expect(r.url).toBe(`${server.base}/page/0`);
  });

  it('decompresses gzip bodies', async () => {
    const r = await open.fetch(`${server.base}/gzip/heraldsun.rss`);
    if (r.notModified) throw new Error('unexpected 304');
    expect(r.body.toString('latin1')).toContain('The First Item');
  });

  it('refuses a redirect loop, and more than 5 redirects', async () => {
    const loop = await failure(open.fetch(`${server.base}/loop`));
    expect(loop).toBeInstanceOf(TooManyRedirectsError);
    expect(loop.message).toMatch(/redirect loop/);
    const chain = await failure(open.fetch(`${server.base}/chain/6`));
    expect(chain).toBeInstanceOf(TooManyRedirectsError);
    expect(chain.message).toMatch(/more than 5 redirects/);
  });

  it('refuses bodies over 5 MB', async () => {
    const e = await failure(open.fetch(`${server.base}/huge`));
    expect(e).toBeInstanceOf(ResponseTooLargeError);
    expect(e.message).toMatch(/larger than 5 MB/);
  });

  it('gives up on a slow server after the time limit', async () => {
    const quick = new Fetcher({ NEWSBOT_ALLOW_PRIVATE_FETCH: true }, { timeoutMs: 300 });
    const e = await failure(quick.fetch(`${server.base}/slow`));
    expect(e).toBeInstanceOf(FetchTimeoutError);
    expect(e.message).toMatch(/timed out after 0.3 s/);
  });

  it('reports HTTP errors with their status', async () => {
    const e = await failure(open.fetch(`${server.base}/error`));
    expect(e).toBeInstanceOf(HttpStatusError);
    expect((e as HttpStatusError).status).toBe(500);
    expect(e.message).toMatch(/HTTP 500 Internal Server Error/);
  });

  it('refuses content that is neither a page nor a feed', async () => {
    const e = await failure(open.fetch(`${server.base}/image`));
    expect(e).toBeInstanceOf(UnsupportedContentTypeError);
    expect(e.message).toMatch(/image\/png/);
  });

  it('refuses non-http schemes', async () => {
    const e = await failure(open.fetch('file:///etc/passwd'));
    expect(e).toBeInstanceOf(InvalidUrlError);
    expect(e.message).toMatch(/unsupported scheme file:/);
  });
});

describe('Fetcher with the private-address guard on', () => {
  it('refuses a direct loopback URL with a clear reason, before connecting', async () => {
    const before = server.requests.length;
    const e = await failure(guarded.fetch(server.feedUrl('guardian.rss')));
    expect(e).toBeInstanceOf(BlockedAddressError);
    expect(e.message).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
    expect(server.requests.length).toBe(before);
  });

  it('refuses a host name that resolves to loopback (checked after DNS)', async () => {
    const e = await failure(guarded.fetch(`http://localhost:${server.port}/page/1`));
    expect(e).toBeInstanceOf(BlockedAddressError);
    expect(e.message).toMatch(/localhost resolves to a (loopback|IPv4-mapped loopback) address/);
  });

  it('fetches from an address it considers public', async () => {
    const r = await guarded.fetch(`${publicServer.base}/page/1`);
    expect(r.notModified).toBe(false);
  });

  it('refuses a redirect to 127.0.0.1 (every hop is checked)', async () => {
    const to = encodeURIComponent(`${server.base}/page/1`);
    const e = await failure(guarded.fetch(`${publicServer.base}/redirect?to=${to}`));
    expect(e).toBeInstanceOf(BlockedAddressError);
    expect(e.message).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
  });

  it('refuses a redirect to a host name that resolves to loopback', async () => {
    const to = encodeURIComponent(`http://localhost:${server.port}/page/1`);
    const e = await failure(guarded.fetch(`${publicServer.base}/redirect?to=${to}`));
    expect(e).toBeInstanceOf(BlockedAddressError);
    expect(e.message).toMatch(/localhost resolves to a/);
  });

  it('refuses IPv6 loopback, link-local and mapped private addresses', async () => {
    for (const url of [
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:10.0.0.1]/',
      'http://0.0.0.0/',
      'http://2130706433/',
    ]) {
      expect(await failure(guarded.fetch(url))).toBeInstanceOf(BlockedAddressError);
    }
  });
});

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['224.0.0.1', 'multicast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['64:ff9b::a00:1', 'NAT64 private'],
    ['2002:c0a8:101::1', '6to4 private'],
  ])('%s is %s', (ip, kind) => {
    expect(nonPublicReason(ip)).toBe(kind);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => {
      expect(nonPublicReason(ip)).toBeNull();
    },
  );
});
