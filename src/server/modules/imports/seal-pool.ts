// A small pool of worker threads that seal import batches (XChaCha20-Poly1305 per row,
// three blind indexes and the NIK match token: ~11 µs a row on one core), so the
// main thread only parses, validates and feeds COPY. Workers receive derived key
// material in workerData (KEK + key id, index root key + bits): never the master
// key, never from the database, never persisted.
import { Worker } from 'node:worker_threads';
import type { KeyWrapper } from '../../platform/crypto/envelope.ts';
import type { IndexKeyMaterial } from '../../platform/crypto/index-key.ts';
import type { EncodedRows } from '../../platform/db/copy.ts';
import type { SealRequest, SealResponse, SealWorkerData } from './seal-batch.ts';
import { workerSource } from '../../platform/workers/worker-source.ts';

const ENTRY = 'src/server/modules/imports/seal.worker.ts';
/** Small heaps: a worker holds a few batches at a time, and the import process must stay under 300 MB with its workers. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 };

interface Pending {
  resolve(r: EncodedRows): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

export class SealPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, Pending & { slot: Slot }>();
  private nextId = 1;
  private failure: Error | undefined;
  private closed = false;

  constructor(wrapper: KeyWrapper, index: IndexKeyMaterial, size: number) {
    const { keyId, kek } = wrapper.currentKek();
    const data: SealWorkerData = { keyId, kek, indexRootKey: index.rootKey, bits: index.bits };
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const slot: Slot = { worker: new Worker(workerSource(ENTRY), { eval: true, workerData: data, resourceLimits: WORKER_LIMITS }), busy: 0 };
      slot.worker.on('message', (res: SealResponse) => this.settle(slot, res));
      slot.worker.on('error', (err) => this.fail(err));
      slot.worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a seal worker stopped (exit code ${code})`));
      });
      return slot;
    });
    kek.fill(0);
  }

  get size(): number {
    return this.slots.length;
  }

  private settle(slot: Slot, res: SealResponse): void {
    const p = this.pending.get(res.id);
    if (!p) return;
    this.pending.delete(res.id);
    slot.busy--;
    if ('error' in res) p.reject(new Error(`sealing failed: ${res.error}`));
    else p.resolve({ encoded: res.encoded, rows: res.rows });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Seals one batch on the least busy worker; resolves with its staging rows (binary COPY tuples). */
  seal(req: Omit<SealRequest, 'id'>): Promise<EncodedRows> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the seal pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.busy++;
      slot.worker.postMessage({ ...req, id } satisfies SealRequest);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fail(new Error('the seal pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
