// Scores candidate pairs in worker threads (two by default: the machine's cores),
// so a run over a large registry never holds the event loop. The workers share the
// packed records and the pairs (SharedArrayBuffers) and are sent only ranges. Small
// jobs are scored in place: starting workers costs more than a few thousand pairs.
import { Worker } from 'node:worker_threads';
import { reasonsOf, scoreRange } from './score.ts';
import type { Table } from './table.ts';
import { workerSource } from '../../../platform/workers/worker-source.ts';

const ENTRY = 'src/server/modules/registry/dedup/score.worker.ts';

export interface ScoredPair {
  i: number;
  j: number;
  score: number;
  reasons: string[];
}

const IN_PLACE_BELOW = 20_000;
const CHUNK = 50_000;

/** `pairs` holds index pairs (i, j, i, j, …) into the table's records. */
export async function scoreIndexPairs(
  table: Table,
  pairs: Uint32Array,
  options: { threshold: number; workers?: number; inPlaceBelow?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<ScoredPair[]> {
  const total = pairs.length / 2;
  const chunks: Uint32Array[] = [];
  if (total < (options.inPlaceBelow ?? IN_PLACE_BELOW) || (options.workers ?? 2) < 1) chunks.push(scoreRange(table, pairs, 0, total, options.threshold));
  else {
    if (!(pairs.buffer instanceof SharedArrayBuffer)) {
      const copy = new Uint32Array(new SharedArrayBuffer(pairs.byteLength));
      copy.set(pairs);
      pairs = copy;
    }
    const workerData = { table, pairs, threshold: options.threshold };
    const workers = Array.from({ length: Math.max(1, options.workers ?? 2) }, () => new Worker(workerSource(ENTRY), { eval: true, workerData }));
    try {
      let next = 0;
      let done = 0;
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (options.signal?.aborted) return reject(options.signal.reason as Error);
                if (next >= total) return resolve();
                worker.postMessage({ from: next, to: Math.min(total, next + CHUNK) });
                next += CHUNK;
              };
              worker.on('message', (found: Uint32Array) => {
                chunks.push(found);
                done = Math.min(total, done + CHUNK);
                options.onProgress?.(done, total);
                send();
              });
              worker.on('error', reject);
              send();
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  const scored: ScoredPair[] = [];
  for (const c of chunks) for (let k = 0; k < c.length; k += 4) scored.push({ i: c[k]!, j: c[k + 1]!, score: c[k + 2]! / 1000, reasons: reasonsOf(c[k + 3]!) });
  return scored;
}
