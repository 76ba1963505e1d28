// Files stored in clear before migration 0023. SQL cannot encrypt, so the operator seals
// them with `tuntas files seal`: batches of one transaction each, every row sealed and its
// plaintext (bytes, name, digest) nulled in one compare-and-set update (`content is not
// null`), so a run killed at any point loses nothing and a second run continues where it
// stopped. The server refuses to start while any remain (assertNoPlaintextFiles).
import { createHash } from 'node:crypto';
import { audit } from '../audit/audit.ts';
import type { Context } from '../auth/actor.ts';
import type { RecordSealer } from '../crypto/envelope.ts';
import { inTransaction, type Db, type Executor } from '../db/database.ts';
import { sealFile } from './file-sealing.ts';

export async function countPlaintextFiles(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('stored_file')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('content', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export class PlaintextFilesError extends Error {
  override name = 'PlaintextFilesError';
}

/** Start-up check: a privacy-first server does not run over identity documents kept in clear. */
export async function assertNoPlaintextFiles(db: Executor): Promise<void> {
  const n = await countPlaintextFiles(db);
  if (n > 0)
    throw new PlaintextFilesError(
      `${n} uploaded file(s) from before this version are still stored unencrypted. ` +
        'Run `npx tuntas files seal` (with the same DATA_DIR or DATABASE_URL and MASTER_KEY; the embedded database only while ' +
        'the server is stopped), then start the server again.',
    );
}

export interface SealOptions {
  batchSize: number;
  /** Pause between batches, to spare a busy database. */
  pauseMs: number;
  progress(done: number, total: number): void;
}

export interface SealResult {
  sealed: number;
  remaining: number;
  keyId: string;
}

/** Seals every legacy plaintext file; audited once per run (`files.sealed`, counts only). */
export async function sealLegacyFiles(db: Db, sealer: RecordSealer, ctx: Context, opts: SealOptions): Promise<SealResult> {
  const total = await countPlaintextFiles(db);
  let done = 0;
  opts.progress(done, total);
  for (;;) {
    const changed = await inTransaction(db, async (tx) => {
      const rows = await tx
        .selectFrom('stored_file')
        .select(['id', 'content', 'original_name'])
        .where('content', 'is not', null)
        .orderBy('id')
        .limit(opts.batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      let n = 0;
      for (const r of rows) {
        const bytes = Buffer.from(r.content!.buffer, r.content!.byteOffset, r.content!.byteLength);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const s = sealFile(sealer, r.id, { name: r.original_name!, sha256 }, bytes);
        const res = await tx
          .updateTable('stored_file')
          .set({ ...s, content: null, original_name: null, sha256: null })
          .where('id', '=', r.id)
          .where('content', 'is not', null)
          .executeTakeFirst();
        n += Number(res.numUpdatedRows);
      }
      return { rows: rows.length, sealed: n };
    });
    if (changed.rows === 0) break;
    done += changed.sealed;
    opts.progress(done, Math.max(total, done));
    if (opts.pauseMs > 0) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }
  const result: SealResult = { sealed: done, remaining: await countPlaintextFiles(db), keyId: sealer.wrapper.currentKeyId };
  await inTransaction(db, (tx) => audit(tx, ctx, { action: 'files.sealed', entityType: 'stored_file', summary: { sealed: result.sealed, remaining: result.remaining } }));
  return result;
}
