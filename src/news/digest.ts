/**
 * The daily digest: the top stories of a time window, each with a headline, a one- or
 * two-sentence extractive summary from its best article, how many reports and sources covered
 * it, and links. Pure: the caller supplies the articles and the window; nothing here reads the
 * clock or the store.
 */
import type { Card, Reply, Visibility } from '../reply.js';
import { clusterStories, type StoryArticle } from './cluster.js';
import { summarize } from './summary.js';

/** What ranking stories reads of an article. */
export interface DigestEntry extends StoryArticle {
  url?: string;
  source?: string;
}

/** What a story's summary is drawn from: Analysis.sentences and Analysis.ranking. */
export interface SummarySource {
  sentences: string[];
  ranking: number[];
}

export interface DigestArticle extends DigestEntry, SummarySource {}

export interface DigestLink {
  title: string;
  source?: string;
  url?: string;
  id: string;
}

/** A ranked story before its summary is drawn. */
export interface RankedStory {
  headline: string;
  url?: string;
  /** Best article first. */
  articleIds: string[];
  reports: number;
  sources: string[];
  links: DigestLink[];
  latestMs: number;
  score: number;
}

export interface DigestStory extends RankedStory {
  /** One or two sentences of the best article, in article order. */
  summary: string[];
}

export interface DigestOptions {
  /** End of the window (epoch ms): recency is measured from here. */
  endMs: number;
  /** Most stories to show. */
  limit: number;
}

export const DEFAULT_DIGEST_LIMIT = 8;
const MAX_LINKS = 5;
/** A second summary sentence is added only while the summary stays this short. */
const SUMMARY_CHARS = 320;
/** Coverage counts half as much for every day the story's newest report is older. */
const RECENCY_HALF_LIFE_HOURS = 24;
/** More reports from an outlet already counted add this much coverage each. */
const REPEAT_REPORT_WEIGHT = 0.25;

/** The story's summary: the best article's two best sentences, or one when two are too long. */
function storySummary(best: SummarySource): string[] {
  const two = summarize(best, 2).map((s) => s.text);
  return two.join(' ').length <= SUMMARY_CHARS ? two : summarize(best, 1).map((s) => s.text);
}

function sourceName(a: DigestEntry): string {
  return a.source ?? (a.url ? new URL(a.url).hostname.replace(/^www\./, '') : 'unknown source');
}

/** Clusters the articles into stories and returns the top ones, best first, unsummarised. */
export function rankStories(
  articles: readonly DigestEntry[],
  options: DigestOptions,
): RankedStory[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stories = clusterStories(articles).map((ids): RankedStory => {
    const members = ids.map((id) => byId.get(id)!);
    const best = members[0]!;
    const sources = [...new Set(members.map(sourceName))].sort();
    const latestMs = Math.max(...members.map((a) => a.publishedMs));
    const ageHours = Math.max(0, options.endMs - latestMs) / 3_600_000;
    const coverage = sources.length + REPEAT_REPORT_WEIGHT * (members.length - sources.length);
    return {
      headline: best.title,
      ...(best.url ? { url: best.url } : {}),
      articleIds: ids,
      reports: members.length,
      sources,
      links: members.slice(0, MAX_LINKS).map((a) => ({
        id: a.id,
        title: a.title,
        ...(a.source ? { source: a.source } : {}),
        ...(a.url ? { url: a.url } : {}),
      })),
      latestMs,
      score: coverage * 0.5 ** (ageHours / RECENCY_HALF_LIFE_HOURS),
    };
  });
  return stories
    .sort(
      (a, b) => b.score - a.score || b.latestMs - a.latestMs || (a.headline < b.headline ? -1 : 1),
    )
    .slice(0, options.limit);
}

/** The story with its summary drawn from its best article. */
export function summarised(story: RankedStory, best: SummarySource): DigestStory {
  const { headline, url, ...rest } = story;
  return { headline, ...(url ? { url } : {}), summary: storySummary(best), ...rest };
}

/** Clusters the articles into stories and returns the top ones, best first. */
export function buildDigest(
  articles: readonly DigestArticle[],
  options: DigestOptions,
): DigestStory[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return rankStories(articles, options).map((s) => summarised(s, byId.get(s.articleIds[0]!)!));
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function storyCard(story: DigestStory, rank: number, total: number): Card {
  const others = story.links.slice(1);
  return {
    title: story.headline,
    ...(story.url ? { url: story.url } : {}),
    meta: `${plural(story.reports, 'report')} · ${plural(story.sources.length, 'source')}: ${story.sources.join(', ')}`,
    sections: [
      { style: 'lines', items: [{ text: story.summary.join(' ') }] },
      ...(others.length
        ? [
            {
              heading: 'More coverage',
              style: 'bullets' as const,
              items: others.map((l) => ({
                text: l.title,
                ...(l.source ? { attribution: l.source } : {}),
                ...(l.url ? { url: l.url } : {}),
              })),
            },
          ]
        : []),
    ],
    footer: `Story ${rank} of ${total} · article ${story.articleIds[0]}`,
    actions: [
      {
        type: 'command',
        label: 'Summary',
        command: 'summary',
        args: { article: story.articleIds[0]! },
      },
    ],
  };
}

export interface DigestHeading {
  /** What the digest covers, e.g. "Sunday 8 March 2026 (America/New_York)". */
  label: string;
  /** Articles in the window. */
  articleCount: number;
}

/** The digest as a neutral reply: a heading card, then one card per story. */
export function digestReply(
  stories: readonly DigestStory[],
  heading: DigestHeading,
  visibility: Visibility,
): Reply {
  if (stories.length === 0) {
    return {
      kind: 'notice',
      tone: 'info',
      text: `No news digest for ${heading.label}: no stored articles were published then.`,
      visibility,
    };
  }
  const sources = new Set(stories.flatMap((s) => s.sources)).size;
  const intro = `${plural(stories.length, 'top story', 'top stories')} from ${plural(heading.articleCount, 'report')}`;
  const head: Card = {
    title: `News digest: ${heading.label}`,
    meta: `${intro}; these stories come from ${plural(sources, 'source')}`,
    sections: [],
    actions: [],
  };
  const cards = stories.map((s, i) => storyCard(s, i + 1, stories.length));
  const text = [
    `News digest: ${heading.label} (${intro})`,
    ...stories.map((s, i) =>
      `${i + 1}. ${s.headline} (${plural(s.reports, 'report')}) ${s.url ?? ''}`.trim(),
    ),
  ].join('\n');
  return { kind: 'cards', cards: [head, ...cards], visibility, text };
}
