/**
 * `npm run bench`: runs every `bench:*` script of package.json in turn (one at a time: the
 * figures are latencies) and prints each one's output under its name, then which ones failed.
 * Arguments after `--` are passed to every script (e.g. `--duration 10` for a quick load run;
 * scripts ignore flags they do not know). `--only a,b` runs only bench:a and bench:b.
 *
 *   npm run bench [-- --only load,search] [-- --duration 10 --sizes 1000,10000]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const scripts = Object.keys(
  (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts,
).filter((name) => name.startsWith('bench:'));

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1]?.split(',').map((n) => `bench:${n}`)) : null;
const passed = onlyAt >= 0 ? [...args.slice(0, onlyAt), ...args.slice(onlyAt + 2)] : args;

const failed: string[] = [];
for (const name of scripts.filter((n) => only === null || only.has(n))) {
  process.stdout.write(`\n===== ${name} =====\n`);
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', name, '--', ...passed], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (run.status !== 0) failed.push(name);
  process.stdout.write(`----- ${name}: ${run.status === 0 ? 'done' : 'FAILED'} in ${seconds} s\n`);
}
process.stdout.write(failed.length ? `\nfailed: ${failed.join(', ')}\n` : '\nall benches ran\n');
process.exitCode = failed.length ? 1 : 0;
