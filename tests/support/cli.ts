/**
 * Runs the `newsbot` program as a user does, from its TypeScript entry (`node --import tsx
 * src/cli.ts`): a new Node process per run. Paths are absolute, so a test may run it from a
 * directory of its own.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CLI = join(ROOT, 'src/cli.ts');

/** Starts `newsbot ARGS...`; the caller owns the process (to read it as it runs, or kill it). */
export function spawnCli(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, CLI, ...args], options);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsbot ARGS...` to the end with exactly `env`, feeding it `stdin` (empty by default). */
export function runCli(
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string; stdin?: string },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, {
      env: opts.env,
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end(opts.stdin ?? '');
  });
}
