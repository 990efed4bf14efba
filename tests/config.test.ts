import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('applies defaults for an empty environment', () => {
    const c = parseConfig({});
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.HTTP_PORT).toBe(3000);
    expect(c.RATE_LIMIT_PER_MINUTE).toBe(10);
  });

  it('reports every bad variable at once, by name, without echoing secrets', () => {
    let error: unknown;
    try {
      parseConfig({
        REDIS_URL: 'http://nope',
        HTTP_PORT: 'eighty',
        SLACK_APP_TOKEN: 'not-an-app-token',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/REDIS_URL: expected a redis:\/\/ or rediss:\/\/ URL/);
    expect(problems).toMatch(/HTTP_PORT: expected a whole number/);
    expect(problems).toMatch(/SLACK_APP_TOKEN: expected an app-level token/);
    expect(problems).not.toContain('not-an-app-token');
  });

  it('requires the companion variable of a platform token', () => {
    expect(() => parseConfig({ DISCORD_TOKEN: 'abc' })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});

describe('.env.example', () => {
  it('documents every variable of the schema and is itself valid', async () => {
    const { readFileSync } = await import('node:fs');
    const { ConfigSchema } = await import('../src/config.js');
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    for (const name of Object.keys(ConfigSchema.shape)) expect(env).toHaveProperty(name);
    expect(() => parseConfig(env)).not.toThrow();
  });
});
