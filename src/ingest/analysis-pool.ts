/**
 * Article preparation (cleaning, analysis and encoding for the store: the CPU-heavy part of an
 * ingest) on worker threads, one per core, so the calling thread only reads input and sends
 * Redis commands.
 * Batches go to the least busy worker; a worker that dies has its batches redone on the calling
 * thread, with the same outcomes.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepareArticle, type ArticleDraft } from '../news/prepare.js';
import { articleRecord, restoreBuffers, type ArticleRecord } from '../store/record.js';

/** A prepared article encoded for the store, or why the draft was rejected (with its title). */
export type Outcome = { record: ArticleRecord } | { rejected: { title?: string; error: string } };

/** Prepares and encodes one draft; any failure is that draft's rejection. */
export function prepareOutcome(draft: ArticleDraft, now: Date): Outcome {
  try {
    const { article, analysis } = prepareArticle(draft, now);
    return { record: articleRecord(article, analysis) };
  } catch (e) {
    const title = typeof draft.title === 'string' ? draft.title.trim() : '';
    return {
      rejected: { ...(title ? { title } : {}), error: e instanceof Error ? e.message : String(e) },
    };
  }
}

/** Threads worth preparing articles on: one per core, the calling thread included. */
export function defaultPoolSize(): number {
  return availableParallelism();
}

export interface BatchRequest {
  seq: number;
  drafts: ArticleDraft[];
  now: number;
}

export interface BatchReply {
  seq: number;
  outcomes: Outcome[];
}

interface Batch {
  drafts: ArticleDraft[];
  now: Date;
  resolve: (outcomes: Outcome[]) => void;
  reject: (e: Error) => void;
}

/** The pool was closed while a batch was still being prepared. */
export class AnalysisPoolClosedError extends Error {
  override name = 'AnalysisPoolClosedError';
}

interface Slot {
  worker: Worker;
  pending: Map<number, Batch>;
}

/**
 * The worker beside this module: compiled JavaScript in production (dist/); TypeScript under
 * tsx or vitest, where the worker first registers tsx's loader (hooks of the parent thread do
 * not reach a worker on Node 20), then imports it.
 */
function startWorker(): Worker {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./analysis-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  if (!source) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true });
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: startWorker(), pending: new Map() };
      slot.worker.on('message', (reply: BatchReply) => {
        const batch = slot.pending.get(reply.seq);
        slot.pending.delete(reply.seq);
        batch?.resolve(
          reply.outcomes.map((o) => ('record' in o ? { record: restoreBuffers(o.record) } : o)),
        );
      });
      slot.worker.on('error', () => this.retire(slot));
      slot.worker.on('exit', () => this.retire(slot));
      this.slots.push(slot);
    }
  }

  /** Workers alive. */
  get size(): number {
    return this.slots.length;
  }

  /** Batches waiting on the least busy worker (0 when one is idle, or none is alive). */
  get backlog(): number {
    return this.slots.length ? Math.min(...this.slots.map((s) => s.pending.size)) : 0;
  }

  /**
   * Outcomes of `drafts`, in their order (failures are per-draft outcomes).
   * @throws AnalysisPoolClosedError when the pool is closed before they are ready.
   */
  prepare(drafts: ArticleDraft[], now: Date): Promise<Outcome[]> {
    const slot = this.slots.reduce<Slot | undefined>(
      (best, s) => (best && best.pending.size <= s.pending.size ? best : s),
      undefined,
    );
    if (!slot) return Promise.resolve(drafts.map((d) => prepareOutcome(d, now)));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      slot.pending.set(seq, { drafts, now, resolve, reject });
      slot.worker.postMessage({ seq, drafts, now: now.getTime() } satisfies BatchRequest);
    });
  }

  /** Stops the workers; batches still pending fail with AnalysisPoolClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const { pending } of slots) {
      for (const batch of pending.values())
        batch.reject(new AnalysisPoolClosedError('analysis pool closed'));
      pending.clear();
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Takes a dead worker out of the pool and redoes its batches here. */
  private retire(slot: Slot): void {
    if (this.closed) return;
    const i = this.slots.indexOf(slot);
    if (i !== -1) this.slots.splice(i, 1);
    for (const batch of slot.pending.values())
      batch.resolve(batch.drafts.map((d) => prepareOutcome(d, batch.now)));
    slot.pending.clear();
  }
}
