/**
 * A real 3-node Redis Cluster on loopback, started by the test and removed afterwards.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './redis.js';

const run = promisify(execFile);

export class LocalRedisCluster {
  private constructor(
    readonly ports: number[],
    private readonly procs: ChildProcess[],
    private readonly dir: string,
  ) {}

  /** Comma-separated host:port list, the REDIS_CLUSTER_NODES format. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  static async start(size = 3): Promise<LocalRedisCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-cluster-'));
    const ports: number[] = [];
    // Cluster bus ports are port + 10000: pick ports whose bus port is free too.
    while (ports.length < size) {
      const port = await freePort();
      if (port < 55_000 && !ports.includes(port)) ports.push(port);
    }
    const procs = ports.map((port) =>
      spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--cluster-node-timeout',
          '2000',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      ),
    );
    const cluster = new LocalRedisCluster(ports, procs, dir);
    for (const port of ports) await waitForPing(port);
    await run('redis-cli', [
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (let i = 0; i < 100; i++) {
      const { stdout } = await run('redis-cli', ['-p', String(ports[0]), 'cluster', 'info']);
      if (stdout.includes('cluster_state:ok')) return cluster;
      await new Promise((r) => setTimeout(r, 100));
    }
    await cluster.stop();
    throw new Error('Redis Cluster did not become ready');
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null) return resolve();
            p.once('exit', () => resolve());
            p.kill('SIGKILL');
          }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function waitForPing(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => null,
    });
    probe.on('error', () => {}); // refused connections while the server starts are expected
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
  throw new Error(`redis-server did not start on port ${port}`);
}
