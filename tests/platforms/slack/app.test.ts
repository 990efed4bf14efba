/**
 * The Slack app through Bolt itself: the real HTTP receiver on a free port, the Web API and
 * response_url pointed at a local stand-in, correctly signed form-encoded requests.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { healthRoutes } from '../../../src/http/health.js';
import { createLogger } from '../../../src/log.js';
import { prepareArticle } from '../../../src/news/prepare.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { createServices, type Services } from '../../../src/services.js';
import { RESTARTING_TEXT, WorkGate } from '../../../src/shutdown.js';
import { closeRedis, createRedis, type RedisClient } from '../../../src/store/redis.js';
import { freePort, PrivateRedis, testRedis, type TestRedis } from '../../support/redis.js';
import {
  buttonPressBody,
  sendSigned,
  slashCommandBody,
  SlackStandIn,
} from '../../support/slack-standin.js';
import { SEED_PATH } from '../../support/data.js';

const SECRET = 'test-signing-secret';
const SEED = readFileSync(SEED_PATH, 'utf8');
const log = createLogger('silent');
const now = new Date('2026-11-28T12:00:00Z');

type Json = Record<string, unknown>;
interface Button {
  action_id: string;
  value?: string;
  url?: string;
  style?: string;
  text: { text: string };
}

/** Every text in a message (fallback, sections, headers, context, button labels). */
function allText(body: Json): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(body);
  return out.join('\n');
}

const blocksOf = (body: Json) => body.blocks as Array<Json & { type: string }>;
const buttonsOf = (body: Json): Button[] =>
  blocksOf(body)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Button[]);
const button = (body: Json, label: string): Button => {
  const found = buttonsOf(body).find((b) => b.text.text === label);
  if (!found) throw new Error(`no ${label} button in ${JSON.stringify(body).slice(0, 500)}`);
  return found;
};

function expectWithinLimits(body: Json): void {
  const blocks = blocksOf(body);
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(JSON.stringify(blocks).length).toBeLessThan(12_000);
  for (const b of blocks) {
    const text = (b.text as { text?: string } | undefined)?.text ?? '';
    if (b.type === 'section') expect(text.length).toBeLessThanOrEqual(3_000);
    if (b.type === 'header') expect(text.length).toBeLessThanOrEqual(150);
    if (b.type === 'actions') expect((b.elements as unknown[]).length).toBeLessThanOrEqual(25);
  }
}

interface Harness {
  slack: SlackHandle;
  url: string;
  port: number;
}

async function startHarness(
  standIn: SlackStandIn,
  services: Services,
  env: Record<string, string>,
  gate?: WorkGate,
): Promise<Harness> {
  const port = await freePort();
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: standIn.apiUrl,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    ...env,
  });
  const slack = await startSlack({
    config,
    services,
    log,
    routes: healthRoutes({}, log),
    ...(gate ? { gate } : {}),
  });
  return { slack, port, url: `http://127.0.0.1:${port}/slack/events` };
}

/** Sends `/command text` and returns the answer, whether in the ack or via response_url. */
async function slash(
  h: Harness,
  standIn: SlackStandIn,
  command: string,
  text: string,
  user?: string,
) {
  const sink = standIn.responseUrl();
  const started = Date.now();
  const res = await sendSigned(h.url, SECRET, slashCommandBody(command, text, sink, user));
  expect(res.status).toBe(200);
  const body = res.json ?? (await standIn.responseTo(sink)).body;
  return { body, ms: Date.now() - started };
}

async function press(
  h: Harness,
  standIn: SlackStandIn,
  b: Button,
  opts: { ephemeral?: boolean } = {},
) {
  const sink = standIn.responseUrl();
  const res = await sendSigned(h.url, SECRET, buttonPressBody(b, sink, opts));
  expect(res.status).toBe(200);
  return (await standIn.responseTo(sink)).body;
}

const paragraph = (i: number) =>
  Array.from(
    { length: 10 },
    (_, j) =>
      `Delegates from region ${i} met minister number ${j} in Geneva on Monday to discuss grain exports and shipping insurance.`,
  ).join(' ');

describe('Slack app over signed HTTP', () => {
  let standIn: SlackStandIn;
  let tr: TestRedis;
  let redis: RedisClient;
  let h: Harness;
  const ids: Record<'seed' | 'huge' | 'evil', string> = { seed: '', huge: '', evil: '' };

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    standIn.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
    standIn.users.set('U0USER', { id: 'U0USER' });
    tr = await testRedis('slack-app');
    redis = createRedis({ REDIS_URL: tr.url, REDIS_TIMEOUT_MS: 1_000 });
    const services = createServices(redis, { REDIS_PREFIX: tr.prefix });
    const save = async (draft: Parameters<typeof prepareArticle>[0]) => {
      const { article, analysis } = prepareArticle(draft, now);
      return (await services.articles.save(article, analysis)).id;
    };
    ids.seed = await save({
      text: SEED,
      url: 'https://example.com/world/khamenei-kadhimi',
      source: 'RT',
    });
    const huge = Array.from({ length: 160 }, (_, i) => paragraph(i)).join('\n');
    expect(huge.split(/\s+/).length).toBeGreaterThanOrEqual(20_000);
    ids.huge = await save({ title: 'Grain talks in Geneva run long', text: huge, source: 'Wire' });
    ids.evil = await save({
      title: 'Ping test <!channel> @everyone story',
      text: [
        'Officials said <!channel> and <!here> and <@U024BE7LH> would never be pinged by the bot today.',
        '“We told @everyone to read <https://evil.example|the official site> now,” the spokesman said on Monday.',
        'The mayor added that <!everyone> should stay calm and that the & sign is fine.',
      ].join('\n'),
      source: 'Test <b>Source</b>',
    });
    h = await startHarness(standIn, services, {
      REDIS_PREFIX: tr.prefix,
      SLACK_DIGEST_USERS: 'ULISTED',
    });
  });

  afterAll(async () => {
    await h?.slack.stop();
    await standIn?.close();
    if (redis) await closeRedis(redis);
    await tr?.cleanup();
  });

  it('calls auth.test at start and is ready', () => {
    expect(standIn.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
    expect(h.slack.isReady()).toBe(true);
  });

  it('/summary by id answers ephemerally with bullets, view buttons and Share in channel', async () => {
    const { body, ms } = await slash(h, standIn, '/summary', ids.seed);
    expect(ms).toBeLessThan(3_000);
    expect(body.response_type).toBe('ephemeral');
    expect(blocksOf(body)[0]!.type).toBe('header');
    expect(allText(body)).toMatch(/Khamenei/);
    expect(allText(body)).toMatch(/^• /m);
    expect(buttonsOf(body).map((b) => b.text.text)).toEqual([
      'Summary',
      'Quotes',
      'Context',
      'Source',
      'Share in channel',
    ]);
    expect(button(body, 'Source').url).toBe('https://example.com/world/khamenei-kadhimi');
    expectWithinLimits(body);
  });

  it('/summary <id> long gives a longer summary than short', async () => {
    const bullets = async (text: string) =>
      (allText((await slash(h, standIn, '/summary', text)).body).match(/^• /gm) ?? []).length;
    const short = await bullets(`${ids.seed} short`);
    const long = await bullets(`${ids.seed} long`);
    expect(long).toBeGreaterThan(short);
  });

  it('/summary with words finds the article', async () => {
    const { body } = await slash(h, standIn, '/summary', 'khamenei kadhimi tehran');
    expect(allText(body)).toMatch(/Khamenei/);
    expect(allText(body)).not.toMatch(/Grain talks/);
  });

  it('/quotes lists the quotations with speakers', async () => {
    const { body } = await slash(h, standIn, '/quotes', ids.seed);
    expect(allText(body)).toMatch(/^> “/m);
    expect(button(body, 'Quotes').style).toBe('primary');
  });

  it('/context shows background and who is who', async () => {
    const { body } = await slash(h, standIn, '/context', ids.seed);
    expect(allText(body)).toMatch(/Who's who/);
    expect(allText(body)).toMatch(/Background/);
  });

  it('/news lists stories and pages through them', async () => {
    const { body } = await slash(h, standIn, '/news', '');
    expect(allText(body)).toMatch(/Grain talks in Geneva/);
    const searched = await slash(h, standIn, '/news', 'geneva grain page 1');
    expect(allText(searched.body)).toMatch(/Grain talks in Geneva/);
    const beyond = await slash(h, standIn, '/news', 'page 50');
    expect(allText(beyond.body)).toMatch(/only 1 page/);
  });

  it('answers argument errors ephemerally with the usage', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/news', 'climate page', /Usage: \/news \[words to search for\] \[source:NAME\] \[page N\]/],
      ['/news', 'page two', /`page`.*\nUsage: \/news/s],
      [
        '/summary',
        '',
        /give an article id.*\nUsage: \/summary &lt;article id, URL or words&gt; \[short\|standard\|long\]/s,
      ],
      [
        '/digest',
        'publish',
        /Unknown subcommand “publish”\.\nUsage: .*\/digest post \[YYYY-MM-DD\]/s,
      ],
    ];
    for (const [command, text, usage] of cases) {
      const { body } = await slash(h, standIn, command, text);
      expect(body.response_type).toBe('ephemeral');
      expect(allText(body)).toMatch(usage);
    }
  });

  it('lets admins and listed users run moderator commands, nobody else', async () => {
    const denied = await slash(h, standIn, '/digest', 'post 2026-11-27', 'U0USER');
    expect(denied.body.response_type).toBe('ephemeral');
    expect(allText(denied.body)).toMatch(/Only moderators/);
    for (const user of ['UADMIN', 'ULISTED']) {
      const allowed = await slash(h, standIn, '/digest', 'post 2026-11-27', user);
      expect(allText(allowed.body)).not.toMatch(/Only moderators/);
      expect(allText(allowed.body)).toMatch(/digest/i);
    }
    const asked = standIn.callsTo('users.info').map((c) => c.params.user);
    expect(asked).toEqual(expect.arrayContaining(['U0USER', 'UADMIN']));
    expect(asked).not.toContain('ULISTED');
  });

  it('view buttons replace the ephemeral card in place', async () => {
    const { body } = await slash(h, standIn, '/summary', ids.seed);
    const quotes = await press(h, standIn, button(body, 'Quotes'));
    expect(quotes.replace_original).toBe(true);
    expect(quotes.response_type).toBe('ephemeral');
    expect(allText(quotes)).toMatch(/^> “/m);
    expect(button(quotes, 'Quotes').style).toBe('primary');
    const context = await press(h, standIn, button(quotes, 'Context'));
    expect(allText(context)).toMatch(/Who's who/);
  });

  it('a view button under a public card answers the presser privately', async () => {
    const { body } = await slash(h, standIn, '/summary', ids.seed);
    const answer = await press(h, standIn, button(body, 'Context'), { ephemeral: false });
    expect(answer.replace_original).toBe(false);
    expect(answer.response_type).toBe('ephemeral');
  });

  it('Share in channel posts the same card for everyone, credited, without a Share button', async () => {
    const { body } = await slash(h, standIn, '/summary', `${ids.seed} short`);
    const shared = await press(h, standIn, button(body, 'Share in channel'));
    expect(shared.response_type).toBe('in_channel');
    expect(shared.replace_original).toBe(false);
    expect(blocksOf(shared)[0]).toEqual(blocksOf(body)[0]);
    expect(allText(shared)).toContain('Shared by <@U0USER>');
    expect(buttonsOf(shared).map((b) => b.text.text)).not.toContain('Share in channel');
  });

  it('a forged button value gets a polite error, not a crash', async () => {
    const answer = await press(h, standIn, {
      action_id: 'nb-run-0',
      value: 'nb:rm -rf?x=1',
      text: { text: 'x' },
    });
    expect(allText(answer)).toMatch(/no longer works/);
  });

  it('refuses a forged signature and a stale timestamp with 401', async () => {
    const body = slashCommandBody('/summary', ids.seed, standIn.responseUrl());
    const forged = await sendSigned(h.url, 'wrong-secret', body);
    expect(forged.status).toBe(401);
    const stale = await sendSigned(h.url, SECRET, body, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    const tampered = await sendSigned(h.url, SECRET, body, {
      signature: 'v0=' + '0'.repeat(64),
    });
    expect(tampered.status).toBe(401);
  });

  it('keeps a 20,000-word article within Block Kit limits in every view', async () => {
    for (const [command, text] of [
      ['/summary', `${ids.huge} long`],
      ['/quotes', ids.huge],
      ['/context', ids.huge],
    ] as const) {
      const { body } = await slash(h, standIn, command, text);
      expect(blocksOf(body)[0]!.type).toBe('header');
      expectWithinLimits(body);
    }
  });

  it('never lets article text ping or forge links', async () => {
    for (const command of ['/summary', '/quotes', '/context']) {
      const { body } = await slash(h, standIn, command, `${ids.evil}`);
      const text = allText(body);
      expect(text).toMatch(/Ping test/);
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toMatch(/<https?:\/\/evil/);
      expect(text).not.toMatch(/@(everyone|here|channel)\b/);
    }
    const { body } = await slash(h, standIn, '/news', 'ping test');
    expect(allText(body)).not.toMatch(/<!channel>|@everyone\b/);
  });

  it('serves /healthz and /readyz on the same port', async () => {
    const health = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${h.port}/readyz`);
    expect(ready.status).toBe(200);
  });
});

describe('Slack app while Redis is down', () => {
  let standIn: SlackStandIn;
  let priv: PrivateRedis;
  let redis: RedisClient;
  let h: Harness;
  let services: Services;
  let id = '';

  const seed = async () => {
    const { article, analysis } = prepareArticle({ text: SEED, source: 'RT' }, now);
    id = (await services.articles.save(article, analysis)).id;
  };

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    priv = await PrivateRedis.start();
    redis = createRedis({ REDIS_URL: priv.url, REDIS_TIMEOUT_MS: 500 });
    services = createServices(redis, { REDIS_PREFIX: 't:slack-down' });
    await seed();
    h = await startHarness(standIn, services, { REDIS_PREFIX: 't:slack-down' });
  });

  afterAll(async () => {
    await h?.slack.stop();
    await standIn?.close();
    if (redis) await closeRedis(redis);
    await priv?.stop();
  });

  it('answers "try again" within 3 s, stays up, and recovers when Redis is back', async () => {
    expect(allText((await slash(h, standIn, '/summary', id)).body)).toMatch(/Khamenei/);
    await priv.stop();
    for (const command of ['/summary', '/news']) {
      const { body, ms } = await slash(h, standIn, command, command === '/news' ? '' : id);
      expect(ms).toBeLessThan(3_000);
      expect(body.response_type).toBe('ephemeral');
      expect(allText(body)).toMatch(/try again/i);
    }
    expect(h.slack.isReady()).toBe(true);

    await priv.start();
    let recovered = '';
    for (let i = 0; i < 60 && !/Khamenei/.test(recovered); i++) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        await seed();
        recovered = allText((await slash(h, standIn, '/summary', id)).body);
      } catch {
        /* Redis not reachable yet */
      }
    }
    expect(recovered).toMatch(/Khamenei/);
  });
});

describe('Slack app while shutting down', () => {
  let standIn: SlackStandIn;
  let tr: TestRedis;
  let redis: RedisClient;
  let h: Harness;
  const gate = new WorkGate();

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    tr = await testRedis('slack-drain');
    redis = createRedis({ REDIS_URL: tr.url, REDIS_TIMEOUT_MS: 1_000 });
    const services = createServices(redis, { REDIS_PREFIX: tr.prefix });
    h = await startHarness(standIn, services, { REDIS_PREFIX: tr.prefix }, gate);
  });

  afterAll(async () => {
    await h?.slack.stop();
    await standIn?.close();
    if (redis) await closeRedis(redis);
    await tr?.cleanup();
  });

  it('turns commands and buttons away politely once the gate is closed', async () => {
    expect(allText((await slash(h, standIn, '/news', '')).body)).toMatch(/No stories/);
    await gate.close(1_000);
    const { body } = await slash(h, standIn, '/news', '');
    expect(body.response_type).toBe('ephemeral');
    expect(allText(body)).toContain(RESTARTING_TEXT);
    const pressed = await press(h, standIn, {
      action_id: 'nb-run-0',
      value: 'nb:news?page=1',
      text: { text: 'Next' },
    });
    expect(allText(pressed)).toContain(RESTARTING_TEXT);
  });
});
