import { describe, expect, it } from 'vitest';
import { digestArticle, loadPolnear } from '../../bench/polnear.js';
import { buildDigest, digestReply, type DigestArticle } from '../../src/news/digest.js';
import { LIMITS as DISCORD, renderMessages } from '../../src/platforms/discord/render.js';
import { LIMITS as SLACK, renderReply } from '../../src/platforms/slack/render.js';

const rows = loadPolnear();
const byDoc = new Map(rows.map((r) => [r.doc, r]));
const DAY = 86_400_000;

/** A real article re-dated to `hoursAgo` before END. */
const END = Date.parse('2016-05-14T00:00:00Z');
function at(
  doc: string,
  hoursAgo: number,
  id = doc.slice(0, 16).replace(/[^a-z0-9]/g, 'x'),
): DigestArticle {
  return { ...digestArticle(byDoc.get(doc)!, id), publishedMs: END - hoursAgo * 3_600_000 };
}

const ZIMMERMAN_A = 'huff-post_2016-05-12_george-zimmerman-auctioning-off-';
const ZIMMERMAN_B = 'usa-today_2016-05-13_auction-of-gun-used-to-kill-tray';
const TRUMP_RYAN_A = 'breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth';
const TRUMP_RYAN_B = 'politico_2016-05-12_the-trump-gop-feud-lives-on';

describe('buildDigest', () => {
  it('ranks a story many outlets covered above single reports, with counts, summary and links', () => {
    const lone = 'politico_2016-05-11_clinton-i-support-d-c-statehood';
    const articles = [at(ZIMMERMAN_A, 20), at(ZIMMERMAN_B, 10), at(lone, 2)];
    const stories = buildDigest(articles, { endMs: END, limit: 8 });
    expect(stories).toHaveLength(2);
    const [top, second] = stories;
    expect(top!.reports).toBe(2);
    expect(top!.sources).toEqual(['huff-post', 'usa-today']);
    expect(top!.headline).toMatch(/Zimmerman|Trayvon/);
    expect(top!.summary.length).toBeGreaterThanOrEqual(1);
    expect(top!.summary.length).toBeLessThanOrEqual(2);
    // The summary is extractive: verbatim sentences of the best article.
    const best = articles.find((a) => a.id === top!.articleIds[0])!;
    for (const s of top!.summary) expect(best.sentences).toContain(s);
    expect(top!.links.map((l) => l.id).sort()).toEqual(top!.articleIds.slice().sort());
    expect(second!.reports).toBe(1);
  });

  it('prefers the more recent of two stories with the same coverage', () => {
    const older = [at(ZIMMERMAN_A, 30), at(ZIMMERMAN_B, 30)];
    const newer = [at(TRUMP_RYAN_A, 1), at(TRUMP_RYAN_B, 1)];
    // The rest of the day's news, so that words every report shares weigh little.
    const background = rows
      .filter((r) => r.date.startsWith('2015-11'))
      .slice(0, 40)
      .map((r, i) => at(r.doc, 12, `bg${i}`));
    const stories = buildDigest([...older, ...newer, ...background], { endMs: END, limit: 100 });
    const rank = (ids: string[]) =>
      stories.findIndex((s) => ids.every((id) => s.articleIds.includes(id)));
    expect(rank(newer.map((a) => a.id))).toBeGreaterThanOrEqual(0);
    expect(rank(older.map((a) => a.id))).toBeGreaterThan(rank(newer.map((a) => a.id)));
  });

  it('shows at most `limit` stories', () => {
    const day = rows.filter((r) => r.date >= '2016-03-01' && r.date <= '2016-03-31');
    const articles = day.map((r, i) => ({
      ...digestArticle(r, `a${i}`),
      publishedMs: END - (i % 24) * 3_600_000,
    }));
    expect(buildDigest(articles, { endMs: END, limit: 8 })).toHaveLength(8);
  });
});

describe('digestReply', () => {
  it('says clearly when the day has no articles', () => {
    const reply = digestReply([], { label: 'Sun 8 Mar 2026 (UTC)', articleCount: 0 }, 'ephemeral');
    expect(reply).toMatchObject({ kind: 'notice', tone: 'info', visibility: 'ephemeral' });
    expect(reply.kind === 'notice' && reply.text).toMatch(/no stored articles/i);
  });

  it('fits Discord embeds and Slack blocks even for ten long stories', () => {
    const month = rows.filter((r) => r.date.startsWith('2016-06'));
    const articles = month.map((r, i) => ({
      ...digestArticle(r, `b${i}`),
      title: `${r.title} ${'and a very long headline '.repeat(20)}`,
      publishedMs: END - (i % 20) * 3_600_000,
    }));
    const stories = buildDigest(articles, { endMs: END + DAY, limit: 10 });
    const reply = digestReply(
      stories,
      { label: 'June 2016 (UTC)', articleCount: articles.length },
      'public',
    );
    expect(reply.kind).toBe('cards');

    const messages = renderMessages(reply);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(DISCORD.embeds);
      const chars = m.embeds.reduce(
        (n, e) =>
          n +
          (e.title?.length ?? 0) +
          (e.description?.length ?? 0) +
          (e.footer?.text.length ?? 0) +
          (e.author?.name.length ?? 0) +
          (e.fields ?? []).reduce((f, x) => f + x.name.length + x.value.length, 0),
        0,
      );
      expect(chars).toBeLessThanOrEqual(DISCORD.embedTotal);
    }
    // Every story reaches the channel, across as many messages as needed.
    const titles = messages.flatMap((m) => m.embeds.map((e) => e.title ?? ''));
    expect(titles.filter((t) => !t.startsWith('News digest'))).toHaveLength(stories.length);

    const slack = renderReply(reply);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK.blocks);
    expect(JSON.stringify(slack.blocks).length).toBeLessThanOrEqual(SLACK.messageChars + 2_000);
  });
});
