/**
 * REDIS_URL=rediss://: the bot talks TLS to a private redis-server started with a self-signed
 * certificate, trusted through Node's NODE_EXTRA_CA_CERTS (how a private CA is configured).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../support/redis.js';

const dir = mkdtempSync(join(tmpdir(), 'newsbot-tls-'));
const procs: ChildProcess[] = [];
let tlsPort: number;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  tlsPort = await freePort();
  procs.push(
    spawn(
      'redis-server',
      [
        '--port',
        '0',
        '--tls-port',
        String(tlsPort),
        '--bind',
        '127.0.0.1',
        '--tls-cert-file',
        join(dir, 'cert.pem'),
        '--tls-key-file',
        join(dir, 'key.pem'),
        '--tls-ca-cert-file',
        join(dir, 'cert.pem'),
        '--tls-auth-clients',
        'no',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    ),
  );
});

afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

it('is ready over rediss:// with the CA trusted', async () => {
  const httpPort = await freePort();
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
      REDIS_URL: `rediss://127.0.0.1:${tlsPort}`,
      REDIS_PREFIX: 't:tls',
      HTTP_PORT: String(httpPort),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  procs.push(bot);
  await until(
    async () => (await fetch(`http://127.0.0.1:${httpPort}/readyz`)).status === 200,
    'the bot to be ready over TLS',
  );
  const exited = new Promise((r) => bot.once('exit', r));
  bot.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 40_000);
