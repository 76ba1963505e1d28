// Restriction and erasure of a person's data (UU 27/2022), used when a
// data-subject request is answered.
//
// Erasure is crypto-shredding: the ciphertext and the wrapped data key are set to
// null, and so is every value computed from the identity (blind indexes, the NIK
// match token, the alias, which may be a nickname). Without the data key the
// identity cannot be recovered, not even by someone holding the master key. The
// pseudonymous row stays on purpose: aid records must be kept for audit (BPK/BPKP)
// and aggregates must still count the person; the audit chain keeps pointing at
// the case code. Caveats (docs/ARCHITECTURE.md): backups made before the erasure
// still hold the old row until they expire, and PostgreSQL keeps the dead row
// version on disk until VACUUM reclaims it.
import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { isPendingRequestOf } from './subject-requests.repository.ts';
import { rightsError } from './registry-rights.errors.ts';

/**
 * Columns of `person` that other modules compute from the identity (e.g. the
 * deduplication's blocking keys). They are cleared with the identity on erasure,
 * and on an identity correction so that their module computes them again.
 */
const derivedColumns = new Set<string>();

/** Registers a derived column; returns how to unregister it (for tests that add one). */
export function registerIdentityDerivedColumn(column: string): () => void {
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`not a column name: ${column}`);
  derivedColumns.add(column);
  return () => derivedColumns.delete(column);
}

export async function clearIdentityDerivedColumns(tx: Tx, personId: number): Promise<void> {
  for (const column of derivedColumns) await sql`update person set ${sql.ref(column)} = null where id = ${personId}`.execute(tx);
}

/**
 * Refuses to open an identity that was erased, or whose processing is restricted
 * unless the caller answers a pending data-subject request about the person.
 */
export async function assertMayOpenIdentity(
  db: Executor,
  p: { id: number; erased_at: Date | null; processing_restricted: boolean },
  subjectRequestId?: number,
): Promise<void> {
  if (p.erased_at) throw rightsError('person.erased');
  if (p.processing_restricted && !(subjectRequestId !== undefined && (await isPendingRequestOf(db, p.id, subjectRequestId)))) throw rightsError('person.restricted');
}

export async function restrictProcessing(tx: Tx, personId: number, restricted: boolean): Promise<boolean> {
  const res = await tx
    .updateTable('person')
    .set({ processing_restricted: restricted, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', personId)
    .where('processing_restricted', '=', !restricted)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Crypto-shreds one person's identity; false when it was already erased. The caller audits. */
export async function erasePerson(tx: Tx, personId: number): Promise<boolean> {
  const res = await tx
    .updateTable('person')
    .set({
      identity_ct: null,
      dek_wrapped: null,
      key_id: null,
      nik_bidx: null,
      kk_bidx: null,
      phone_bidx: null,
      nik_match: null,
      alias: null,
      erased_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', personId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await clearIdentityDerivedColumns(tx, personId);
  return true;
}
