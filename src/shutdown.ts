/**
 * In-flight work tracking for graceful shutdown. Platform adapters run each incoming command
 * through {@link WorkGate.run}; on SIGTERM the app closes the gate (new work is turned away
 * politely by the adapter) and waits for what is already running, up to a deadline.
 */

/** Thrown by {@link WorkGate.run} once the gate is closed: the process is shutting down. */
export class ShuttingDownError extends Error {
  constructor() {
    super('newsbot is restarting');
    this.name = 'ShuttingDownError';
  }
}

/** What a user sees when a command arrives during shutdown. */
export const RESTARTING_TEXT = 'newsbot is restarting. Please try again in a few seconds.';

export class WorkGate {
  private open = true;
  private readonly running = new Set<Promise<unknown>>();

  /** Whether new work is accepted. */
  get accepting(): boolean {
    return this.open;
  }

  /** Work currently running. */
  get inFlight(): number {
    return this.running.size;
  }

  /** Runs `work` and tracks it until it settles; ShuttingDownError once the gate is closed. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.open) throw new ShuttingDownError();
    const promise = work();
    this.running.add(promise);
    try {
      return await promise;
    } finally {
      this.running.delete(promise);
    }
  }

  /**
   * Stops accepting work and waits until what is running has settled or `timeoutMs` passed.
   * Resolves to the number of pieces of work still running at the deadline.
   */
  async close(timeoutMs: number): Promise<number> {
    this.open = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      while (this.running.size > 0) {
        const settled = Promise.allSettled([...this.running]).then(() => true);
        if (!(await Promise.race([settled, deadline.then(() => false)]))) break;
      }
    } finally {
      clearTimeout(timer);
    }
    return this.running.size;
  }
}
