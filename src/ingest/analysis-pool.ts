/**
 * Article preparation (cleaning + analysis, the CPU-heavy part of an ingest) on worker threads,
 * one per core, so the calling thread stays free for reading input and writing to Redis.
 * Batches go to the least busy worker; a worker that dies has its batches redone on the calling
 * thread, with the same outcomes.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis, Article } from '../news/article.js';
import { prepareArticle, type ArticleDraft } from '../news/prepare.js';

/** A prepared article, or why the draft was rejected (with its title when it had one). */
export type Outcome =
  { article: Article; analysis: Analysis } | { rejected: { title?: string; error: string } };

/** Prepares one draft; any failure is that draft's rejection. */
export function prepareOutcome(draft: ArticleDraft, now: Date): Outcome {
  try {
    return prepareArticle(draft, now);
  } catch (e) {
    const title = typeof draft.title === 'string' ? draft.title.trim() : '';
    return {
      rejected: { ...(title ? { title } : {}), error: e instanceof Error ? e.message : String(e) },
    };
  }
}

/** Worker threads worth starting on this machine: one per core (1 = prepare inline). */
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
}

interface Slot {
  worker: Worker;
  pending: Map<number, Batch>;
}

/**
 * The worker entry beside this module: compiled JavaScript in production (dist/), TypeScript
 * under tsx or vitest, where the worker loads tsx to run it.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const source = import.meta.url.endsWith('.ts');
  const url = new URL(`./analysis-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  if (!source) return { url, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url, execArgv: ['--import', tsx] };
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private seq = 0;

  constructor(size: number) {
    const { url, execArgv } = workerEntry();
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(url, { execArgv }), pending: new Map() };
      slot.worker.on('message', (reply: BatchReply) => {
        const batch = slot.pending.get(reply.seq);
        slot.pending.delete(reply.seq);
        batch?.resolve(reply.outcomes);
      });
      slot.worker.on('error', () => this.retire(slot));
      slot.worker.on('exit', () => this.retire(slot));
      this.slots.push(slot);
    }
  }

  /** Outcomes of `drafts`, in their order. Never rejects: failures are per-draft outcomes. */
  prepare(drafts: ArticleDraft[], now: Date): Promise<Outcome[]> {
    const slot = this.slots.reduce<Slot | undefined>(
      (best, s) => (best && best.pending.size <= s.pending.size ? best : s),
      undefined,
    );
    if (!slot) return Promise.resolve(drafts.map((d) => prepareOutcome(d, now)));
    const seq = ++this.seq;
    return new Promise((resolve) => {
      slot.pending.set(seq, { drafts, now, resolve });
      slot.worker.postMessage({ seq, drafts, now: now.getTime() } satisfies BatchRequest);
    });
  }

  /** Stops the workers (batches still pending are finished on this thread). */
  async close(): Promise<void> {
    const slots = [...this.slots];
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const s of slots) this.retire(s);
  }

  /** Takes a dead worker out of the pool and redoes its batches here. */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i !== -1) this.slots.splice(i, 1);
    for (const batch of slot.pending.values())
      batch.resolve(batch.drafts.map((d) => prepareOutcome(d, batch.now)));
    slot.pending.clear();
  }
}
