import { afterEach, describe, expect, it } from 'vitest';
import {
  healthRoutes,
  startHealthServer,
  type HttpServer,
  type ReadinessProbe,
} from '../../src/http/health.js';
import { createLogger } from '../../src/log.js';

const log = createLogger('silent');
let server: HttpServer | undefined;

async function serve(probes: Record<string, ReadinessProbe>): Promise<string> {
  server = await startHealthServer({
    host: '127.0.0.1',
    port: 0,
    routes: healthRoutes(probes, log),
    log,
  });
  return `http://127.0.0.1:${server.port}`;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('health server', () => {
  it('/healthz is ok and /readyz is ready when every probe passes', async () => {
    const base = await serve({ redis: async () => null, discord: async () => null });
    const h = await fetch(`${base}/healthz`);
    expect([h.status, await h.text()]).toEqual([200, 'ok']);
    const r = await fetch(`${base}/readyz`);
    expect([r.status, await r.text()]).toEqual([200, 'ready']);
  });

  it('/readyz is 503 and names every failing probe', async () => {
    const base = await serve({
      redis: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6399');
      },
      discord: async () => 'not connected',
      slack: async () => null,
    });
    const r = await fetch(`${base}/readyz`);
    expect(r.status).toBe(503);
    expect(await r.text()).toBe(
      'not ready\nredis: connect ECONNREFUSED 127.0.0.1:6399\ndiscord: not connected',
    );
  });

  it('serves Prometheus metrics and refuses other paths and methods', async () => {
    const base = await serve({});
    const m = await fetch(`${base}/metrics`);
    expect(m.status).toBe(200);
    expect(await m.text()).toContain('newsbot_commands_total');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
