import { afterAll, beforeAll, expect, it } from 'vitest';
import { ArticleNotFoundError, resolveArticle } from '../../../commands/lib/resolve.js';
import { commandFixture, SEED_TEXT, SEED_URL, type CommandFixture } from '../context-helper.js';

let f: CommandFixture;
let seed: string;
let twinA: string;
let twinB: string;

beforeAll(async () => {
  f = await commandFixture('cmd-resolve');
  seed = await f.seed({ text: SEED_TEXT, url: SEED_URL });
  twinA = await f.seed({
    title: 'Volcano erupts on remote island',
    text: 'A volcano erupted on a remote island on Monday. Residents were evacuated by boat.',
  });
  twinB = await f.seed({
    title: 'Volcano erupts again on remote island',
    text: 'A volcano erupted again on a remote island on Friday. Residents were evacuated by boat once more.',
  });
});
afterAll(() => f?.redis.cleanup());

const store = () => f.services.articles;

it('resolves an id, a stored URL and words', async () => {
  expect(await resolveArticle(store(), seed, 'summary')).toMatchObject({
    kind: 'article',
    stored: { article: { id: seed } },
  });
  expect(await resolveArticle(store(), ` ${SEED_URL} `, 'summary')).toMatchObject({
    kind: 'article',
    stored: { article: { id: seed } },
  });
  expect(await resolveArticle(store(), 'ayatollah Khamenei Iraq', 'quotes')).toMatchObject({
    kind: 'article',
    stored: { article: { id: seed } },
  });
});

it('asks which one when several stored articles match closely', async () => {
  const r = await resolveArticle(store(), 'volcano island', 'context');
  expect(r.kind).toBe('choice');
  if (r.kind === 'choice')
    expect(r.candidates.map((c) => c.id).sort()).toEqual([twinA, twinB].sort());
});

it('an exact headline wins over close matches', async () => {
  const r = await resolveArticle(store(), 'Volcano erupts again on remote island', 'summary');
  expect(r).toMatchObject({ kind: 'article', stored: { article: { id: twinB } } });
});

it('says what to try when nothing matches', async () => {
  await expect(resolveArticle(store(), 'quantum zebra', 'summary')).rejects.toThrow(
    new ArticleNotFoundError('quantum zebra'),
  );
  await expect(resolveArticle(store(), 'https://nowhere.example/x', 'summary')).rejects.toThrow(
    'No stored article has the URL “https://nowhere.example/x”.',
  );
});
