// Scores candidate pairs in worker threads (two by default: the machine's cores),
// so a run over a large registry never holds the event loop. Small jobs are scored
// in place: starting workers costs more than a few thousand pairs.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { Prepared } from './record.ts';
import { scorePrepared } from './score.ts';

const ENTRY = fileURLToPath(new URL('./score.worker.ts', import.meta.url));
let workerCode: string | undefined;

/** The worker bundled once per process with esbuild, so it runs with or without a TypeScript loader. */
function workerSource(): string {
  workerCode ??= buildSync({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' }).outputFiles[0]!.text;
  return workerCode;
}

export interface ScoredPair {
  i: number;
  j: number;
  score: number;
  reasons: string[];
}

const IN_PLACE_BELOW = 20_000;
const CHUNK = 50_000;

/** `pairs` holds index pairs (i, j, i, j, …) into `records`. */
export async function scoreIndexPairs(
  records: Prepared[],
  pairs: Uint32Array,
  options: { threshold: number; workers?: number; inPlaceBelow?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<ScoredPair[]> {
  const total = pairs.length / 2;
  const found: ScoredPair[] = [];
  if (total < (options.inPlaceBelow ?? IN_PLACE_BELOW) || (options.workers ?? 2) < 1) {
    for (let k = 0; k < pairs.length; k += 2) {
      const s = scorePrepared(records[pairs[k]!]!, records[pairs[k + 1]!]!);
      if (s.score >= options.threshold) found.push({ i: pairs[k]!, j: pairs[k + 1]!, ...s });
    }
    return found;
  }
  const size = Math.max(1, options.workers ?? 2);
  const workers = Array.from({ length: size }, () => new Worker(workerSource(), { eval: true, workerData: { records, threshold: options.threshold } }));
  try {
    let next = 0;
    let done = 0;
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (options.signal?.aborted) return reject(options.signal.reason as Error);
              if (next >= pairs.length) return resolve();
              const chunk = pairs.slice(next, next + CHUNK * 2);
              next += CHUNK * 2;
              worker.postMessage({ id: next, pairs: chunk }, [chunk.buffer]);
            };
            worker.on('message', (msg: { found: ScoredPair[] }) => {
              for (const f of msg.found) found.push(f);
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
  return found;
}
