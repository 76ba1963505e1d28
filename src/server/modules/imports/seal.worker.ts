// One import seal worker: seals batches of validated rows with the derived keys it
// was started with (workerData: key-encryption key + id, index root key + bits;
// never the master key, never read from the database) and answers each batch as
// staging rows already as binary COPY tuples.
import { parentPort, workerData } from 'node:worker_threads';
import { BlindIndexer } from '../../platform/crypto/blind-index.ts';
import { KeyWrapper, RecordSealer } from '../../platform/crypto/envelope.ts';
import { sealBatch, type SealRequest, type SealResponse, type SealWorkerData } from './seal-batch.ts';

const data = workerData as SealWorkerData;
const sealer = new RecordSealer(KeyWrapper.fromKek(data.keyId, Buffer.from(data.kek)));
const indexer = new BlindIndexer(Buffer.from(data.indexRootKey), data.bits);

/** Only a buffer alone in its memory may be moved (small ones share Node's pool). */
const ownsBuffer = (b: Uint8Array) => b.byteOffset === 0 && b.buffer.byteLength === b.byteLength;

parentPort!.on('message', (req: SealRequest) => {
  let res: SealResponse;
  try {
    const { encoded, rows } = sealBatch(sealer, indexer, req);
    // Bytes, moved (not copied) to the main thread, which writes them to COPY as they are.
    res = { id: req.id, encoded: encoded as Uint8Array, rows };
  } catch (err) {
    res = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(res, 'encoded' in res && ownsBuffer(res.encoded) ? [res.encoded.buffer as ArrayBuffer] : []);
});
