import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AnalysisPool,
  AnalysisPoolClosedError,
  prepareOutcome,
} from '../../src/ingest/analysis-pool.js';
import type { ArticleDraft } from '../../src/news/prepare.js';
import { draftFromRecord } from '../../src/ingest/sources.js';
import { BBC_DEV_PATH } from '../support/data.js';

const BBC = BBC_DEV_PATH;
const NOW = new Date('2026-01-02T12:00:00Z');

let drafts: ArticleDraft[];

beforeAll(async () => {
  const lines = (await readFile(BBC, 'utf8')).split('\n').slice(0, 6);
  drafts = lines.map((l) => draftFromRecord(JSON.parse(l)));
  drafts.splice(3, 0, { title: '  Empty  ', text: '' }, { text: 'x'.repeat(10) + '\u0000' });
});

describe('AnalysisPool', () => {
  let pool: AnalysisPool;
  beforeAll(() => {
    pool = new AnalysisPool(2);
  });
  afterAll(() => pool.close());

  it('prepares batches on workers exactly as on this thread, rejections included', async () => {
    const expected = drafts.map((d) => prepareOutcome(d, NOW));
    const batches = Promise.all([
      pool.prepare(drafts.slice(0, 4), NOW),
      pool.prepare(drafts.slice(4), NOW),
    ]);
    expect(pool.backlog).toBe(1); // the least busy worker has one batch queued
    const [first, second] = await batches;
    expect(pool.backlog).toBe(0);
    expect([...first!, ...second!]).toEqual(expected);
    expect(pool.size).toBe(2); // both workers still alive: the batches really ran on them
    expect(expected.filter((o) => 'record' in o)).toHaveLength(6);
    expect(expected[3]).toEqual({ rejected: { title: 'Empty', error: expect.any(String) } });
    expect(expected[4]).toEqual({ rejected: { error: expect.stringMatching(/binary/) } });
  });

  it('fails batches still pending when closed, then prepares on this thread', async () => {
    const pending = pool.prepare(drafts, NOW);
    // Attach the expectation first: the batch is rejected while close() runs.
    const failed = expect(pending).rejects.toThrow(AnalysisPoolClosedError);
    await pool.close();
    expect(pool.size).toBe(0);
    await failed;
    expect(await pool.prepare(drafts, NOW)).toEqual(drafts.map((d) => prepareOutcome(d, NOW)));
    expect(await pool.prepare(drafts.slice(0, 1), NOW)).toEqual([prepareOutcome(drafts[0]!, NOW)]);
  });
});
