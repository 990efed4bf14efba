/**
 * The Discord bot driven through discord.js itself: the real client logs in to the local
 * stand-in, receives INTERACTION_CREATE and answers over REST; the stand-in records it all.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { decodeAction } from '../../../commands/lib/actions.js';
import type { DiscordMessage } from '../../../src/platforms/discord/render.js';
import { registrationPayload, syncCommands } from '../../../src/platforms/discord/registration.js';
import { APPLICATION_ID, GUILD_ID } from '../../support/discord-standin.js';
import { callbackOf, SEED_TEXT, SEED_URL, startHarness, type Harness } from './harness.js';
import { expectNoPings, expectWithinDiscordLimits } from './limits.js';

let h: Harness;
let seedId: string;
let earlierId: string;
let hugeId: string;
let pingId: string;

const EARLIER_TEXT = [
  'Iran fired ballistic missiles at US forces in Iraq in retaliation for the killing of Qasem Soleimani, the commander of the Quds Force.',
  'Ayatollah Ali Khamenei said the strike on the Ain al-Asad base was a slap in the face for the United States.',
  'Iraqi lawmakers voted to expel US forces from Iraq after the drone strike in Baghdad.',
].join('\n');

const PING_TEXT = [
  'Protesters gathered outside parliament @everyone said, as organisers tagged <@123> and <@&456> in posts.',
  '“Tell @here and <#789> that we will not stop,” said Jane Doe, a spokesperson for the group.',
  'The march was the largest since 2019, when similar protests closed the city centre for a week.',
].join('\n');

function buttonId(message: DiscordMessage, label: string): string {
  for (const row of message.components) {
    for (const b of row.components) if (b.label === label && 'custom_id' in b) return b.custom_id;
  }
  throw new Error(`no button "${label}"`);
}

beforeAll(async () => {
  h = await startHarness({ name: 'discord-bot' });
  seedId = await h.seed({
    text: SEED_TEXT,
    title: 'Khamenei tells Iraqi PM the US will face further retaliation for Soleimani killing',
    url: SEED_URL,
    source: 'Example Wire',
    publishedAt: '2020-07-21T15:00:00Z',
  });
  earlierId = await h.seed({
    text: EARLIER_TEXT,
    title: 'Iran strikes US bases in Iraq in retaliation for Soleimani killing',
    url: 'https://news.example.com/world/iran-missiles',
    source: 'Example Wire',
    publishedAt: '2020-01-08T06:00:00Z',
  });
  const paragraphs = SEED_TEXT.split('\n').filter(Boolean);
  const huge = Array.from({ length: 38 }, (_, i) =>
    paragraphs.map((p) => `${p} (Part ${i + 1}.)`).join('\n'),
  ).join('\n');
  hugeId = await h.seed({
    text: huge,
    title: `Very long report ${'on the talks in Tehran '.repeat(18)}`.trim(),
  });
  pingId = await h.seed({
    text: PING_TEXT,
    title: 'Protest @everyone <@123> march',
    publishedAt: '2020-07-01T10:00:00Z',
  });
  for (let i = 0; i < 4; i++) {
    await h.seed({
      text: `Farmers in region ${i} harvested a record crop of wheat this season after steady rain. Prices fell as a result.`,
      title: `Record wheat harvest in region ${i}`,
      publishedAt: `2020-06-0${i + 1}T10:00:00Z`,
    });
  }
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('slash commands on the seed article', () => {
  it('/summary answers with a linked embed, bullet summary and view buttons', async () => {
    const { token } = h.standIn.slashCommand('summary', [
      { name: 'article', type: 3, value: seedId },
    ]);
    const { type, data, request } = await callbackOf(h.standIn, token);
    expect(type).toBe(4);
    expect(request.authorization).toBeUndefined();
    expectWithinDiscordLimits(data);
    expect(data.flags).toBeUndefined();
    const e = data.embeds[0]!;
    expect(e.title).toContain('Khamenei tells Iraqi PM');
    expect(e.url).toBe(SEED_URL);
    expect(e.author?.name).toBe('Example Wire · 21 Jul 2020');
    const bullets = e.description!.split('\n');
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    for (const b of bullets) expect(b).toMatch(/^• \S/);
    const buttons = data.components[0]!.components;
    expect(buttons.map((b) => b.label)).toEqual(['Summary', 'Quotes', 'Context', 'Source']);
    expect(buttons[0]).toMatchObject({ disabled: true });
    expect(buttons[3]).toMatchObject({ url: SEED_URL });
  });

  it('/summary by words and a length choice', async () => {
    const { token } = h.standIn.slashCommand('summary', [
      { name: 'article', type: 3, value: 'Khamenei tells Iraqi PM further retaliation' },
      { name: 'length', type: 3, value: 'short' },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    expect(data.embeds[0]!.url).toBe(SEED_URL);
    expect(data.embeds[0]!.description!.split('\n').length).toBeLessThanOrEqual(3);
    expect(data.embeds[0]!.footer?.text).toContain('short summary');
  });

  it('/summary by the stored URL', async () => {
    const { token } = h.standIn.slashCommand('summary', [
      { name: 'article', type: 3, value: `${SEED_URL}?utm_source=x` },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    expect(data.embeds[0]!.url).toBe(SEED_URL);
  });

  it('/quotes shows block quotes with their speakers', async () => {
    const { token } = h.standIn.slashCommand('quotes', [
      { name: 'article', type: 3, value: seedId },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    expectWithinDiscordLimits(data);
    const d = data.embeds[0]!.description!;
    expect(d).toContain(
      '> “They killed your guest at your house and explicitly confessed to the crime”',
    );
    expect(d).toMatch(/> — (Ayatollah )?Ali Khamenei/);
    expect(data.components[0]!.components[1]).toMatchObject({ label: 'Quotes', disabled: true });
  });

  it('/context shows background, who’s who and dated earlier coverage', async () => {
    const { token } = h.standIn.slashCommand('context', [
      { name: 'article', type: 3, value: seedId },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    expectWithinDiscordLimits(data);
    const fields = data.embeds[0]!.fields!;
    expect(fields.map((f) => f.name)).toEqual(['Background', "Who's who", 'Earlier coverage']);
    expect(fields[0]!.value).toContain('1980');
    expect(fields[1]!.value).toContain('**Javad Zarif**');
    expect(fields[2]!.value).toContain('Iran strikes US bases in Iraq');
    expect(fields[2]!.value).toContain('8 Jan 2020');
    expect(fields[2]!.value).toContain(earlierId);
  });

  it('/news lists the latest stories with paging buttons', async () => {
    const { token } = h.standIn.slashCommand('news');
    const { data } = await callbackOf(h.standIn, token);
    expectWithinDiscordLimits(data);
    const e = data.embeds[0]!;
    expect(e.title).toBe('Latest stories');
    expect(e.footer?.text).toBe('Page 1 of 2 · 8 stories');
    expect(e.description).toContain('Khamenei tells Iraqi PM');
    const next = buttonId(data, 'Next ▶');
    const press = h.standIn.button(next, data as unknown as Record<string, unknown>);
    const page2 = await callbackOf(h.standIn, press.token);
    expect(page2.type).toBe(7);
    expect(page2.data.embeds[0]!.footer?.text).toBe('Page 2 of 2 · 8 stories');
    expect(buttonId(page2.data, '◀ Previous')).toBeTruthy();
  });

  it('/news with a query searches', async () => {
    const { token } = h.standIn.slashCommand('news', [
      { name: 'query', type: 3, value: 'wheat harvest' },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    expect(data.embeds[0]!.title).toBe('Stories matching “wheat harvest”');
    expect(data.embeds[0]!.description).toContain('Record wheat harvest');
    expect(data.embeds[0]!.description).not.toContain('Khamenei');
  });
});

describe('autocomplete and buttons', () => {
  it('autocomplete offers matching stored headlines with ids as values', async () => {
    const { token } = h.standIn.autocomplete('summary', [
      { name: 'article', type: 3, value: 'khame', focused: true },
    ]);
    const { type, data } = await callbackOf(h.standIn, token);
    expect(type).toBe(8);
    const choices = (data as unknown as { choices: Array<{ name: string; value: string }> })
      .choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain(seedId);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('autocomplete with nothing typed offers the latest stories', async () => {
    const { token } = h.standIn.autocomplete('quotes', [
      { name: 'article', type: 3, value: '', focused: true },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    const choices = (data as unknown as { choices: Array<{ value: string }> }).choices;
    expect(choices.length).toBe(8);
  });

  it('autocompletes /news source from the stored sources, and narrows the list to it', async () => {
    const { token } = h.standIn.autocomplete('news', [
      { name: 'source', type: 3, value: 'exam', focused: true },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    expect((data as unknown as { choices: unknown[] }).choices).toEqual([
      { name: 'Example Wire', value: 'Example Wire' },
    ]);
    const list = await callbackOf(
      h.standIn,
      h.standIn.slashCommand('news', [{ name: 'source', type: 3, value: 'Example Wire' }]).token,
    );
    expect(list.data.embeds[0]!.title).toBe('Latest stories from Example Wire');
    expect(list.data.embeds[0]!.footer?.text).toMatch(/· 2 stories$/);
  });

  it('several close matches ask which one; picking one posts its card', async () => {
    const { token } = h.standIn.slashCommand('summary', [
      { name: 'article', type: 3, value: 'wheat harvest' },
    ]);
    const choice = await callbackOf(h.standIn, token);
    expect(choice.type).toBe(4);
    expect(choice.data.flags).toBe(64);
    expect(choice.data.content).toMatch(
      /^ℹ️ Several stored articles match “wheat harvest”\. Which one\?/,
    );
    const buttons = choice.data.components.flatMap((r) => r.components);
    expect(buttons.length).toBe(4);
    expect(
      buttons.every((b) => /^\d\. Record wheat harvest in region \d$/.test(b.label ?? '')),
    ).toBe(true);
    const picked = 'custom_id' in buttons[0]! ? buttons[0].custom_id : '';
    const press = h.standIn.button(picked, { ...choice.data, flags: 64 } as never);
    const answer = await callbackOf(h.standIn, press.token);
    expect(answer.type).toBe(4);
    expect(answer.data.flags).toBeUndefined();
    expect(answer.data.embeds[0]!.title).toMatch(/^Record wheat harvest in region \d$/);
  });

  it('the Quotes and Context buttons switch the card in place', async () => {
    const { token } = h.standIn.slashCommand('summary', [
      { name: 'article', type: 3, value: seedId },
    ]);
    const summary = await callbackOf(h.standIn, token);
    const quotesId = buttonId(summary.data, 'Quotes');
    expect(decodeAction(quotesId)).toEqual({ command: 'quotes', args: { article: seedId } });
    const q = await callbackOf(h.standIn, h.standIn.button(quotesId, summary.data as never).token);
    expect(q.type).toBe(7);
    expect(q.data.embeds[0]!.description).toContain('They killed your guest');
    const c = await callbackOf(
      h.standIn,
      h.standIn.button(buttonId(q.data, 'Context'), q.data as never).token,
    );
    expect(c.type).toBe(7);
    expect(c.data.embeds[0]!.fields?.[0]?.name).toBe('Background');
  });
});

describe('errors and hostile content', () => {
  it('an unknown article gets an ephemeral, actionable answer', async () => {
    const { token } = h.standIn.slashCommand('summary', [
      { name: 'article', type: 3, value: 'xyzzy plugh' },
    ]);
    const { type, data } = await callbackOf(h.standIn, token);
    expect(type).toBe(4);
    expect(data.flags).toBe(64);
    expect(data.content).toBe('⚠️ No stored article matches “xyzzy plugh” — try /news xyzzy plugh');
  });

  it('a 20,000-word article keeps every Discord limit in every view', async () => {
    const stored = await h.store.get(hugeId);
    expect(stored!.article.paragraphs.join(' ').split(/\s+/).length).toBeGreaterThan(20_000);
    for (const view of ['summary', 'quotes', 'context']) {
      const { token } = h.standIn.slashCommand(view, [
        { name: 'article', type: 3, value: hugeId },
        ...(view === 'summary' ? [{ name: 'length', type: 3, value: 'long' }] : []),
      ]);
      const { type, data } = await callbackOf(h.standIn, token);
      expect(type).toBe(4);
      expectWithinDiscordLimits(data);
      expect(data.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    }
  });

  it('an article with @everyone and <@123> pings nobody', async () => {
    for (const view of ['summary', 'quotes', 'context']) {
      const { token } = h.standIn.slashCommand(view, [{ name: 'article', type: 3, value: pingId }]);
      const { data } = await callbackOf(h.standIn, token);
      expect(data.allowed_mentions).toEqual({ parse: [] });
      expectNoPings(data);
      expect(JSON.stringify(data)).toContain('@\u200Deveryone');
    }
    const { token } = h.standIn.slashCommand('news', [
      { name: 'query', type: 3, value: 'protest march' },
    ]);
    const { data } = await callbackOf(h.standIn, token);
    expectNoPings(data);
  });
});

describe('registration and health', () => {
  it('registers subcommand groups and writes nothing the second time', async () => {
    const payload = registrationPayload(commands);
    const names = payload.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['summary', 'quotes', 'context', 'news']));
    const summary = payload.find((p) => p.name === 'summary')!;
    expect(summary.options).toEqual([
      expect.objectContaining({ name: 'article', type: 3, required: true, autocomplete: true }),
      expect.objectContaining({
        name: 'length',
        type: 3,
        required: false,
        choices: expect.any(Array),
      }),
    ]);
    const grouped = payload.find((p) => p.options?.some((o) => o.type === 1));
    if (grouped) expect(new Set(grouped.options!.map((o) => o.type))).toEqual(new Set([1]));

    const rest = new REST({ api: h.standIn.apiUrl }).setToken('stand-in-token');
    const first = await syncCommands(rest, APPLICATION_ID, payload, GUILD_ID);
    expect(first.create.map((c) => c.name)).toEqual(names);
    const writes = h.standIn.commandWrites;
    const second = await syncCommands(rest, APPLICATION_ID, payload, GUILD_ID);
    expect(second).toMatchObject({ create: [], update: [], remove: [] });
    expect(h.standIn.commandWrites).toBe(writes);

    const changed = payload.map((p) => (p.name === 'news' ? { ...p, description: 'Changed' } : p));
    const third = await syncCommands(
      rest,
      APPLICATION_ID,
      changed.filter((p) => p.name !== 'quotes'),
      GUILD_ID,
    );
    expect(third.update.map((u) => u.payload.name)).toEqual(['news']);
    expect(third.remove.map((r) => r.name)).toEqual(['quotes']);
    expect(h.standIn.commandWrites).toBe(writes + 2);
  });

  it('serves /healthz and /readyz (ready: Redis answers and Discord is connected)', async () => {
    const base = `http://127.0.0.1:${h.app.httpPort}`;
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready']);
  });
});
