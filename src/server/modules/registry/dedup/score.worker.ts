// The scoring worker: receives prepared records once, then pairs of indexes to
// score, and answers with the pairs at or above the threshold.
import { parentPort, workerData } from 'node:worker_threads';
import type { Prepared } from './record.ts';
import { scorePrepared } from './score.ts';

const { records, threshold } = workerData as { records: Prepared[]; threshold: number };

parentPort!.on('message', (msg: { id: number; pairs: Uint32Array }) => {
  const found: { i: number; j: number; score: number; reasons: string[] }[] = [];
  const { pairs } = msg;
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k]!;
    const j = pairs[k + 1]!;
    const s = scorePrepared(records[i]!, records[j]!);
    if (s.score >= threshold) found.push({ i, j, score: s.score, reasons: s.reasons });
  }
  parentPort!.postMessage({ id: msg.id, found });
});
