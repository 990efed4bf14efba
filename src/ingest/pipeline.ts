/**
 * Draft → cleaned, analysed article → store. A bad item becomes a
 * 'rejected' result with its reason and never stops a batch; only an unavailable store does
 * (every later item would fail the same way).
 */
import { prepareArticle, type ArticleDraft } from '../news/prepare.js';
import type { ArticleStore, SaveStatus } from '../store/articles.js';
import type { SourceItem } from './sources.js';

export type IngestStatus = SaveStatus | 'rejected';

export interface IngestResult {
  id?: string;
  status: IngestStatus;
  title?: string;
  error?: string;
  /** Where the item came from ("file:line"), when it came from a file or stdin. */
  location?: string;
}

export interface IngestDeps {
  store: ArticleStore;
  now: Date;
}

/** Prepares and stores one draft. */
export async function ingestDraft(draft: ArticleDraft, deps: IngestDeps): Promise<IngestResult> {
  const prepared = prepare(draft, deps.now);
  if ('status' in prepared) return prepared;
  const { status, id } = await deps.store.save(prepared.article, prepared.analysis);
  return { id, status, title: prepared.article.title };
}

function prepare(draft: ArticleDraft, now: Date): Prepared | IngestResult {
  try {
    return prepareArticle(draft, now);
  } catch (e) {
    return { status: 'rejected', ...titleOf(draft), error: reason(e) };
  }
}

type Prepared = ReturnType<typeof prepareArticle>;

export type IngestCounts = Record<IngestStatus, number>;

/** Saves in flight at once: Redis round trips overlap while the next item is analysed. */
const DEFAULT_CONCURRENCY = 8;

/**
 * Ingests every item of a source stream, reporting each result in input order as it lands.
 * Analysis runs one item at a time; up to `concurrency` saves overlap, except that saves of the
 * same article (same id or same text) wait for each other, so statuses stay exact.
 * @throws StoreUnavailableError when Redis stops answering (items reported so far are stored).
 */
export async function ingestAll(
  items: AsyncIterable<SourceItem>,
  deps: IngestDeps & { onResult?: (r: IngestResult) => void; concurrency?: number },
): Promise<IngestCounts> {
  const counts: IngestCounts = { stored: 0, duplicate: 0, updated: 0, rejected: 0 };
  const limit = deps.concurrency ?? DEFAULT_CONCURRENCY;
  const window: Array<Promise<IngestResult>> = [];
  const inFlight = new Map<string, Promise<unknown>>();
  const report = (result: IngestResult) => {
    counts[result.status] += 1;
    deps.onResult?.(result);
  };

  const start = (item: SourceItem): Promise<IngestResult> => {
    const { location } = item;
    if ('error' in item)
      return Promise.resolve({ status: 'rejected', error: item.error, location });
    const prepared = prepare(item.draft, deps.now);
    if ('status' in prepared) return Promise.resolve({ ...prepared, location });
    const { article, analysis } = prepared;
    const sameArticle = [article.id, article.contentHash];
    const save = Promise.all(sameArticle.map((k) => inFlight.get(k)))
      .then(() => deps.store.save(article, analysis))
      .then(({ status, id }): IngestResult => ({ id, status, title: article.title, location }));
    const settled = save.then(
      () => undefined,
      () => undefined,
    );
    for (const k of sameArticle) inFlight.set(k, settled);
    void settled.then(() => {
      for (const k of sameArticle) if (inFlight.get(k) === settled) inFlight.delete(k);
    });
    return save;
  };

  try {
    for await (const item of items) {
      window.push(start(item));
      if (window.length >= limit) report(await window.shift()!);
    }
    while (window.length) report(await window.shift()!);
  } finally {
    // After a failure, later saves still settle; their outcome is not reported.
    for (const pending of window) pending.catch(() => undefined);
  }
  return counts;
}

function titleOf(draft: ArticleDraft): { title?: string } {
  return typeof draft.title === 'string' && draft.title.trim() ? { title: draft.title.trim() } : {};
}

/** Why an item was rejected (any failure to prepare one item is that item's problem only). */
function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
