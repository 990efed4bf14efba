/**
 * There is no Docker engine on the build machines: lint the Dockerfile and check what the
 * container promises (multi-stage, production deps only, non-root, health check, compiled JS).
 */
import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const text = readFileSync(new URL('Dockerfile', root), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions();
const runtime = dockerfile.getFROMs().at(-1)!;
const runtimeInstructions = instructions.filter(
  (i) => i.getRange().start.line > runtime.getRange().start.line,
);
const args = (keyword: string) =>
  runtimeInstructions
    .filter((i) => i.getKeyword() === keyword)
    .map((i) => i.getRawArgumentsContent());

describe('Dockerfile', () => {
  it('passes the Dockerfile linter with no problems', () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds in one stage and runs from a slim Node 20 image in another', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(runtime.getImage()).toMatch(/^node:20[-.\w]*slim/);
    const runtimeText = text.split('\n').slice(runtime.getRange().start.line).join('\n');
    expect(runtimeText).toMatch(/^COPY --from=build \/app\/dist /m);
  });

  it('installs production dependencies only and runs compiled JavaScript as a non-root user', () => {
    expect(args('RUN').join('\n')).toMatch(/npm ci --omit=dev/);
    expect(args('USER')).toEqual(['node']);
    expect(args('CMD').join('')).toMatch(/dist\/src\/main\.js/);
  });

  it('checks health on /healthz', () => {
    expect(args('HEALTHCHECK').join('')).toMatch(/\/healthz/);
  });

  it('keeps secrets and build output out of the build context', () => {
    const ignore = readFileSync(new URL('.dockerignore', root), 'utf8').split('\n');
    for (const entry of ['.env', 'node_modules', '.git']) expect(ignore).toContain(entry);
  });
});

describe('compose.yaml', () => {
  const compose = readFileSync(new URL('compose.yaml', root), 'utf8');
  it('runs the bot beside Redis 7 with append-only persistence on a volume', () => {
    expect(compose).toMatch(/image: redis:7/);
    expect(compose).toMatch(/--appendonly', 'yes'/);
    expect(compose).toMatch(/redis-data:\/data/);
    expect(compose).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
    expect(compose).toMatch(/env_file: \.env/);
  });
});
