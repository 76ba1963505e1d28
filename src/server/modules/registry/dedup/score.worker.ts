// The scoring worker: shares the packed records and the candidate pairs with the
// main thread (SharedArrayBuffers, nothing copied), scores the ranges of pairs it is
// sent and answers with those at or above the threshold.
import { parentPort, workerData } from 'node:worker_threads';
import { scoreRange } from './score.ts';
import type { Table } from './table.ts';

const { table, pairs, threshold } = workerData as { table: Table; pairs: Uint32Array; threshold: number };

parentPort!.on('message', ({ from, to }: { from: number; to: number }) => {
  const found = scoreRange(table, pairs, from, to, threshold);
  parentPort!.postMessage(found, [found.buffer as ArrayBuffer]);
});
