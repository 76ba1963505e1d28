// The uploaded person list never rests in plaintext: it is stored as 1 MiB chunks,
// each sealed with AES-256-GCM under its own data key (wrapped by the master key,
// AAD naming the import and the chunk), so any app server's job worker can read
// it, and the chunks are deleted when the import ends (committed, invalid after a
// commit attempt, cancelled, failed).
//
// The readers (import-reader.ts) take a file path: xlsx needs random access to the
// zip's central directory. While a job reads an upload, it is therefore decrypted
// into a private temporary file on a RAM-backed file system (/dev/shm when there is
// one, mode 0600 in a 0700 directory) and removed as soon as the pass ends; the
// directory carries the process id, so files left by a process that died (kill -9,
// power loss on a disk-backed temp) are removed by the next pass on the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newDataKey, openWithDataKey, sealWithDataKey, type KeyWrapper } from '../../platform/crypto/envelope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { importError } from './imports.errors.ts';
import { formatBytes } from '../../platform/files/files.ts';

export const CHUNK_BYTES = 1024 * 1024;

const chunkAad = (importId: number, seq: number) => `tuntas/record/person_import/${importId}/${seq}`;

async function putChunk(db: Executor, wrapper: KeyWrapper, importId: number, seq: number, bytes: Buffer): Promise<void> {
  const aad = chunkAad(importId, seq);
  const dek = newDataKey();
  const ct = sealWithDataKey(dek, bytes, aad);
  const { wrapped, keyId } = wrapper.wrap(dek, aad);
  dek.fill(0);
  await db.insertInto('person_import_chunk').values({ import_id: importId, seq, ct, dek_wrapped: wrapped, key_id: keyId }).execute();
}

/** Stores a streamed upload as sealed chunks; refuses more than maxBytes (413, nothing kept by the caller). */
export async function storeUpload(db: Executor, wrapper: KeyWrapper, importId: number, source: AsyncIterable<Buffer>, maxBytes: number): Promise<number> {
  let parts: Buffer[] = [];
  let pending = 0;
  let total = 0;
  let seq = 0;
  for await (const piece of source) {
    total += piece.length;
    if (total > maxBytes) throw importError('import.too_large', { limit: formatBytes(maxBytes) });
    parts.push(piece);
    pending += piece.length;
    while (pending >= CHUNK_BYTES) {
      const all = Buffer.concat(parts);
      await putChunk(db, wrapper, importId, seq++, all.subarray(0, CHUNK_BYTES));
      parts = [all.subarray(CHUNK_BYTES)];
      pending = all.length - CHUNK_BYTES;
    }
  }
  if (pending > 0) await putChunk(db, wrapper, importId, seq, Buffer.concat(parts));
  return total;
}

/** The upload's plaintext, chunk by chunk (one chunk in memory at a time). */
export async function* uploadBytes(db: Executor, wrapper: KeyWrapper, importId: number): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const c = await db.selectFrom('person_import_chunk').selectAll().where('import_id', '=', importId).where('seq', '=', seq).executeTakeFirst();
    if (!c) return;
    const aad = chunkAad(importId, seq);
    const dek = wrapper.unwrap(Buffer.from(c.dek_wrapped), aad);
    try {
      yield openWithDataKey(dek, Buffer.from(c.ct), aad);
    } finally {
      dek.fill(0);
    }
  }
}

export async function deleteUpload(db: Executor, importId: number): Promise<void> {
  await db.deleteFrom('person_import_chunk').where('import_id', '=', importId).execute();
}

/** A RAM-backed directory when the system has one (Linux /dev/shm), else the temp directory. */
function privateTempRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the decrypted uploads of processes that are gone. */
export function sweepOrphanedUploads(root = privateTempRoot()): number {
  let removed = 0;
  for (const name of fs.readdirSync(root)) {
    const m = /^tuntas-import-(\d+)-/.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** The upload decrypted into a private temporary file for one reading pass; `dispose` removes it. */
export async function materializeUpload(db: Executor, wrapper: KeyWrapper, importId: number, kind: 'csv' | 'xlsx'): Promise<{ file: string; dispose(): void }> {
  sweepOrphanedUploads();
  const dir = fs.mkdtempSync(path.join(privateTempRoot(), `tuntas-import-${process.pid}-`));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, `upload.${kind}`);
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      for await (const bytes of uploadBytes(db, wrapper, importId)) {
        fs.writeSync(fd, bytes);
        bytes.fill(0);
      }
    } finally {
      fs.closeSync(fd);
    }
    return { file, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}
