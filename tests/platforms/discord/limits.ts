/** Checks a Discord message body against every documented limit (shared by the Discord tests). */
import { expect } from 'vitest';
import type { DiscordMessage } from '../../../src/platforms/discord/render.js';

export function expectWithinDiscordLimits(m: DiscordMessage): void {
  expect(m.allowed_mentions).toEqual({ parse: [] });
  if (m.content !== undefined) expect(m.content.length).toBeLessThanOrEqual(2000);
  expect(m.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect(m.components.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of m.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(80);
      if ('custom_id' in b) {
        expect(b.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(b.custom_id)).toBe(false);
        ids.add(b.custom_id);
      }
    }
  }
  expect(m.content || m.embeds.length).toBeTruthy();
}

/** No text in the message could ping anyone, even if allowed_mentions were ignored. */
export function expectNoPings(m: unknown): void {
  const json = JSON.stringify(m);
  expect(json).not.toMatch(/@(everyone|here)/i);
  expect(json).not.toMatch(/<[@#]/);
}
