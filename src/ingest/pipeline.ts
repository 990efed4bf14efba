/**
 * Draft → cleaned, analysed article → store. A bad item becomes a
 * 'rejected' result with its reason and never stops a batch; only an unavailable store does
 * (every later item would fail the same way).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ArticleDraft } from '../news/prepare.js';
import type { ArticleStore, SaveStatus } from '../store/articles.js';
import { AnalysisPool, defaultPoolSize, prepareOutcome, type Outcome } from './analysis-pool.js';
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

/** Prepares and stores one draft (on this thread). */
export async function ingestDraft(draft: ArticleDraft, deps: IngestDeps): Promise<IngestResult> {
  const prepared = prepareOutcome(draft, deps.now);
  if ('rejected' in prepared) return { status: 'rejected', ...prepared.rejected };
  const { record } = prepared;
  const { status, id } = await deps.store.saveRecord(record);
  return { id, status, title: record.title };
}

export type IngestCounts = Record<IngestStatus, number>;

export interface IngestOptions {
  onResult?: (r: IngestResult) => void;
  /** Threads preparing articles, this one included (default: one per core; 1: only this one). */
  workers?: number;
  /** Drafts sent to a worker at once. */
  batchSize?: number;
}

/** Drafts a worker gets at once: ~50 ms of analysis, against a message round trip. */
const DEFAULT_BATCH_SIZE = 16;
/** Batches queued per worker, so that one never waits for the next. */
const BATCHES_AHEAD = 4;
/** The first batch is prepared on this thread (a small input never pays ~0.25 s to start workers). */
const POOL_AFTER_BATCHES = 1;
/** Batches queued on every worker from which on this thread prepares the next batch itself. */
const INLINE_WHEN_BACKLOG = 2;
/** Saves in flight at once on a single thread: Redis round trips overlap the next analysis. */
const INLINE_WINDOW = 8;

/**
 * Ingests every item of a source stream, reporting each result in input order as it lands.
 * Articles are prepared by `workers` threads (one per core): this one and a pool of the others,
 * started once the input has proved larger than a batch (a handful of items never pays for
 * starting workers). Batches go to the pool; this thread prepares a batch itself whenever every
 * worker already has enough queued, between sending saves to Redis. A sliding window bounds
 * the items in flight (read, being prepared or being saved). Saves overlap, except that saves
 * of the same article (same id or same text) wait for each other, in input order, so statuses
 * stay exact. This thread yields to the event loop after each article it prepares, so Redis
 * replies are read as they come: a long stretch of analysis would otherwise outlast the command
 * deadline (REDIS_TIMEOUT_MS) of saves whose replies are already waiting.
 * @throws StoreUnavailableError when Redis stops answering (items reported so far are stored).
 */
export async function ingestAll(
  items: AsyncIterable<SourceItem>,
  deps: IngestDeps & IngestOptions,
): Promise<IngestCounts> {
  const counts: IngestCounts = { stored: 0, duplicate: 0, updated: 0, rejected: 0 };
  const workers = Math.max(1, deps.workers ?? defaultPoolSize());
  const batchSize = Math.max(1, deps.batchSize ?? DEFAULT_BATCH_SIZE);
  const poolAfter = workers > 1 ? POOL_AFTER_BATCHES * batchSize : Infinity;
  const limit =
    workers > 1 ? Math.max(INLINE_WINDOW, workers * batchSize * BATCHES_AHEAD) : INLINE_WINDOW;
  const window: Array<Promise<IngestResult>> = [];
  const inFlight = new Map<string, Promise<unknown>>();
  let pool: AnalysisPool | undefined;
  let batch: SourceItem[] = [];
  let seen = 0;
  /** Settles when the previous item has claimed its article's keys: claims go in input order. */
  let claimed: Promise<unknown> = Promise.resolve();

  const report = (result: IngestResult) => {
    counts[result.status] += 1;
    deps.onResult?.(result);
  };

  const save = (item: SourceItem, prepared: Outcome): Promise<IngestResult> => {
    const { location } = item;
    if ('rejected' in prepared)
      return Promise.resolve({ status: 'rejected', ...prepared.rejected, location });
    const { record } = prepared;
    const sameArticle = [record.id, record.contentHash];
    const saved = Promise.all(sameArticle.map((k) => inFlight.get(k)))
      .then(() => deps.store.saveRecord(record))
      .then(({ status, id }): IngestResult => ({ id, status, title: record.title, location }));
    const settled = saved.then(
      () => undefined,
      () => undefined,
    );
    for (const k of sameArticle) inFlight.set(k, settled);
    void settled.then(() => {
      for (const k of sameArticle) if (inFlight.get(k) === settled) inFlight.delete(k);
    });
    return saved;
  };

  /** Starts an item once its outcome is known and every earlier item has been started. */
  const start = (item: SourceItem, outcome: Outcome | Promise<Outcome>): void => {
    // Wrapped, so that `claimed` waits for the save to start, not to finish.
    const begun = Promise.all([outcome, claimed]).then(([o]) => ({ saved: save(item, o) }));
    claimed = begun;
    const result = begun.then((b) => b.saved);
    // Awaited in input order below; until then a failure must not count as unhandled.
    result.catch(() => undefined);
    window.push(result);
  };

  const outcomeOf = (item: SourceItem): Outcome =>
    'error' in item ? { rejected: { error: item.error } } : prepareOutcome(item.draft, deps.now);

  /** Prepares drafts on this thread, letting Redis replies in between. */
  const prepareHere = async (drafts: ArticleDraft[]): Promise<Outcome[]> => {
    const outcomes: Outcome[] = [];
    for (const draft of drafts) {
      outcomes.push(prepareOutcome(draft, deps.now));
      await nextTurn();
    }
    return outcomes;
  };

  const flush = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    const drafts = items.flatMap((i) => ('draft' in i ? [i.draft] : []));
    // This thread takes a batch itself when every worker already has enough queued.
    const here = pool!.backlog >= INLINE_WHEN_BACKLOG;
    const prepared = here ? prepareHere(drafts) : pool!.prepare(drafts, deps.now);
    if (here) await prepared;
    let next = 0;
    for (const item of items) {
      if ('error' in item) start(item, outcomeOf(item));
      else {
        const k = next++;
        start(
          item,
          prepared.then((o) => o[k]!),
        );
      }
    }
  };

  try {
    for await (const item of items) {
      seen += 1;
      if (seen <= poolAfter) {
        start(item, outcomeOf(item));
        await nextTurn();
      } else {
        pool ??= new AnalysisPool(workers - 1);
        batch.push(item);
        if (batch.length >= batchSize) await flush();
      }
      while (window.length >= limit) report(await window.shift()!);
    }
    if (batch.length) await flush();
    while (window.length) report(await window.shift()!);
  } finally {
    // After a failure, later saves still settle (and pending analyses are dropped); their
    // outcome is not reported.
    await pool?.close();
  }
  return counts;
}
