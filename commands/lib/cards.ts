/**
 * Card builders for the article views (summary, quotes, context), the "which one?" choice and
 * the /news list. Plain text only: each platform renderer escapes, formats and trims.
 */
import type { Analysis, Article, SummaryLength } from '../../src/news/article.js';
import { quotePage } from '../../src/news/key-quotes.js';
import { UserFacingError } from '../../src/errors.js';
import { summarize } from '../../src/news/summary.js';
import type { Action, Card, Reply, Section } from '../../src/reply.js';
import type { Headline, Page, StoredArticle } from '../../src/store/articles.js';
import { articleActions, type ArticleView } from './actions.js';
import { clip, formatDate, metaLine } from './format.js';

const WHOS_WHO_MAX = 10;

function articleMeta(article: Article): string | undefined {
  return metaLine([article.source, article.author, formatDate(article.publishedAt)]);
}

function articleCard(
  article: Article,
  view: ArticleView,
  sections: Section[],
  footer: string,
): Card {
  return {
    title: article.title,
    ...(article.url ? { url: article.url } : {}),
    ...(articleMeta(article) ? { meta: articleMeta(article) } : {}),
    sections,
    footer,
    actions: articleActions(article, view),
  };
}

/** A public reply with one or more cards and a plain-text fallback. */
export function cardsReply(cards: Card[]): Reply {
  return { kind: 'cards', cards, visibility: 'public', text: cards.map(plainText).join('\n\n') };
}

function plainText(card: Card): string {
  const lines = [card.title];
  for (const s of card.sections) {
    if (s.heading) lines.push(s.heading);
    for (const item of s.items) {
      lines.push(`• ${item.text}${item.attribution ? ` — ${item.attribution}` : ''}`);
    }
  }
  return lines.join('\n');
}

export function summaryCard({ article, analysis }: StoredArticle, length: SummaryLength): Card {
  const sentences = summarize(analysis, length);
  return articleCard(
    article,
    'summary',
    [{ style: 'bullets', items: sentences.map((s) => ({ text: s.text })) }],
    `Article ${article.id} · ${length} summary`,
  );
}

/**
 * Page 1: the key quotations; later pages: the rest in article order, with buttons between pages.
 * A page past the last is a `UserFacingError`.
 */
export function quotesCard({ article, analysis }: StoredArticle, page = 1): Card {
  const all = analysis.quotes.length;
  const { quotes, pages } = quotePage(analysis.quotes, page);
  if (page > pages) {
    throw new UserFacingError(
      `This article's quotations fit on ${pages === 1 ? '1 page' : `${pages} pages`}.`,
    );
  }
  const count =
    pages === 1
      ? `${all} quotation${all === 1 ? '' : 's'}`
      : page === 1
        ? `${quotes.length} key quotations of ${all} · page 1 of ${pages}`
        : `more quotations of ${all}, in article order · page ${page} of ${pages}`;
  const card = articleCard(
    article,
    'quotes',
    [
      {
        style: 'quotes',
        items: quotes.map((q) => ({
          text: q.text,
          ...(q.speaker ? { attribution: q.speaker } : {}),
        })),
        empty: 'No direct quotations in this article.',
      },
    ],
    `Article ${article.id} · ${count}`,
  );
  const nav = (label: string, to: number): Action => ({
    type: 'command',
    label,
    command: 'quotes',
    args: { article: article.id, page: to },
  });
  if (page > 1) card.actions.push(nav('◀ Previous quotes', page - 1));
  if (page < pages) card.actions.push(nav('More quotes ▶', page + 1));
  return card;
}

function whosWho(analysis: Analysis): Section {
  return {
    heading: "Who's who",
    style: 'definitions',
    items: analysis.entities.slice(0, WHOS_WHO_MAX).map((e) => ({
      text: e.name,
      ...(e.description ? { attribution: e.description } : {}),
    })),
    empty: 'Nobody is described in this article.',
  };
}

export function contextCard({ article, analysis }: StoredArticle, earlier: Headline[]): Card {
  return articleCard(
    article,
    'context',
    [
      {
        heading: 'Background',
        style: 'bullets',
        items: analysis.background.map((b) => ({ text: b.text })),
        empty: 'The article gives no background.',
      },
      whosWho(analysis),
      {
        heading: 'Earlier coverage',
        style: 'lines',
        items: earlier.map((h) => headlineItem(h)),
        empty: 'No earlier stored coverage of this story.',
      },
    ],
    `Article ${article.id} · context`,
  );
}

function headlineItem(h: Headline): { text: string; attribution?: string; url?: string } {
  const attribution = metaLine([formatDate(h.publishedAt ?? h.ingestedAt), h.source, h.id]);
  return {
    text: h.title,
    ...(attribution ? { attribution } : {}),
    ...(h.url ? { url: h.url } : {}),
  };
}

/** "Which one?" for several close matches: one button per candidate opening the asked view. */
export function choiceReply(query: string, view: ArticleView, candidates: Headline[]): Reply {
  const list = candidates.map(
    (h, i) => `${i + 1}. ${h.title} (${formatDate(h.publishedAt ?? h.ingestedAt)}, ${h.id})`,
  );
  return {
    kind: 'notice',
    tone: 'info',
    visibility: 'ephemeral',
    text: `Several stored articles match “${query}”. Which one?\n${list.join('\n')}`,
    actions: candidates.map((h, i) => ({
      type: 'command',
      label: clip(`${i + 1}. ${h.title}`, 80),
      command: view,
      args: { article: h.id },
    })),
  };
}

export const NEWS_PAGE_SIZE = 5;

/** What a /news page lists: search results (`query`), one source's stories, or both. */
export interface NewsFilter {
  query?: string | undefined;
  source?: string | undefined;
}

/** One page of headlines with a button per article and previous/next paging buttons. */
export function newsCard(page: Page<Headline>, pageNo: number, filter: NewsFilter): Card {
  const { query, source } = filter;
  const pages = Math.max(1, Math.ceil(page.total / NEWS_PAGE_SIZE));
  const nav = (label: string, to: number): Action => ({
    type: 'command',
    label,
    command: 'news',
    args: { ...(query ? { query } : {}), ...(source ? { source } : {}), page: to },
  });
  const actions: Action[] = page.items.map((h, i) => ({
    type: 'command',
    label: clip(`${(pageNo - 1) * NEWS_PAGE_SIZE + i + 1}. ${h.title}`, 80),
    command: 'summary',
    args: { article: h.id },
  }));
  if (pageNo > 1) actions.push(nav('◀ Previous', pageNo - 1));
  if (pageNo < pages) actions.push(nav('Next ▶', pageNo + 1));
  return {
    title:
      (query ? `Stories matching “${query}”` : 'Latest stories') +
      (source ? ` from ${source}` : ''),
    sections: [{ style: 'lines', items: page.items.map(headlineItem) }],
    footer: `Page ${pageNo} of ${pages} · ${page.total} stor${page.total === 1 ? 'y' : 'ies'}`,
    actions,
  };
}
