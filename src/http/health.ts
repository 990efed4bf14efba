/**
 * Health endpoints: GET /healthz (the process is up), GET /readyz (Redis answers and every
 * configured platform is connected; 503 with the reasons otherwise) and GET /metrics.
 * The routes are plain node:http handlers, served by {@link startHealthServer} or mounted as
 * Bolt customRoutes on Slack's HTTP server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { registry } from '../metrics.js';

export interface Route {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** Resolves to null when ready, else to the reason it is not (e.g. "redis: Command timed out"). */
export type ReadinessProbe = () => Promise<string | null>;

/** How long /readyz waits for a probe before calling it not ready. */
const PROBE_DEADLINE_MS = 2_000;

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function probeWithDeadline(name: string, probe: ReadinessProbe): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`${name}: no answer within ${PROBE_DEADLINE_MS} ms`),
      PROBE_DEADLINE_MS,
    );
  });
  try {
    const reason = await Promise.race([probe(), deadline]);
    return reason === null ? null : reason.startsWith(`${name}:`) ? reason : `${name}: ${reason}`;
  } catch (e) {
    return `${name}: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** The readiness verdict: every probe run in parallel; the reasons of those that failed. */
export async function readiness(probes: Record<string, ReadinessProbe>): Promise<string[]> {
  const results = await Promise.all(
    Object.entries(probes).map(([name, probe]) => probeWithDeadline(name, probe)),
  );
  return results.filter((r): r is string => r !== null);
}

/** /healthz, /readyz and /metrics; `probes` is read on every request, so it may grow later. */
export function healthRoutes(probes: Record<string, ReadinessProbe>, log: Logger): Route[] {
  const fail = (res: ServerResponse, e: unknown) => {
    log.error({ err: e }, 'health route failed');
    if (!res.headersSent) send(res, 500, 'internal error');
  };
  return [
    { path: '/healthz', method: ['GET', 'HEAD'], handler: (_req, res) => send(res, 200, 'ok') },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: (_req, res) => {
        readiness(probes).then(
          (reasons) =>
            reasons.length
              ? send(res, 503, `not ready\n${reasons.join('\n')}`)
              : send(res, 200, 'ready'),
          (e: unknown) => fail(res, e),
        );
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => {
        registry.metrics().then(
          (text) => send(res, 200, text, registry.contentType),
          (e: unknown) => fail(res, e),
        );
      },
    },
  ];
}

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

/** A plain HTTP server for `routes` (404 for other paths, 405 for other methods). */
export async function startHealthServer(opts: {
  host: string;
  port: number;
  routes: Route[];
  log: Logger;
}): Promise<HttpServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = opts.routes.find((r) => r.path === path);
    if (!route) return send(res, 404, 'not found');
    if (!route.method.includes(req.method ?? 'GET')) return send(res, 405, 'method not allowed');
    try {
      route.handler(req, res);
    } catch (e) {
      opts.log.error({ err: e }, 'health route failed');
      if (!res.headersSent) send(res, 500, 'internal error');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  opts.log.info({ port, host: opts.host }, 'http server listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
