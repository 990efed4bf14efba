/** Worker thread of the analysis pool (./analysis-pool.ts): prepares batches of drafts. */
import { parentPort } from 'node:worker_threads';
import { prepareOutcome, type BatchReply, type BatchRequest } from './analysis-pool.js';

parentPort?.on('message', ({ seq, drafts, now }: BatchRequest) => {
  const at = new Date(now);
  parentPort?.postMessage({
    seq,
    outcomes: drafts.map((d) => prepareOutcome(d, at)),
  } satisfies BatchReply);
});
