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
//
// Other modules keep sealed copies of the identity; each shreds its own through an
// ErasureStep, all listed in erasure-steps.ts (like keys.rotation.ts for rotation)
// and run here in the erasure's one transaction — all or nothing:
//   - files attached to the person's case notes (ID scans, photos): content, name,
//     digest and data key nulled, erased_at set; a download answers 410 file.erased;
//   - referral snapshots of her cases: shredded with the reason person_erased;
//   - bank accounts: number, holder name, data key, account_match and the review note
//     cleared, the account inactive; no mask stays (••••1234 was never stored, only
//     computed by decrypting). Refused (nothing changed) while a payment of hers is in
//     flight — prepared, approved or sent, not yet reconciled — since its bank file
//     still opens the account: 409 person.erasure_payment_in_flight names the batch.
// Kept on purpose (KEPT_ON_ERASURE in erasure-steps.ts): case assessments, plans,
// case-note texts and follow-up visit notes are case content written by the office,
// not copies of the identity, and the aid record they belong to must be kept; the
// payments (amounts, dates, case code, the shredded account's id and bank code) and
// the entitlements' NIK match token, which keeps "one entitlement per NIK" holding
// so that an erasure cannot become a way to be paid twice.
import { sql } from 'kysely';
import type { AuditInput } from '../../platform/audit/audit.ts';
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

/**
 * A module's part of an erasure: it refuses (throws, before anything changed) or
 * shreds its sealed copies of the person's identity, in the erasure's transaction.
 */
export interface ErasureStep {
  /** The count's name in the audit summary and the request's answer (camelCase, plural). */
  name: string;
  /** The rotation kinds (keys.rotation.ts) whose rows of this person it shreds. */
  kinds: readonly string[];
  /** Throws to refuse the erasure; may lock rows so the answer stays true until commit. */
  check?(tx: Tx, personId: number): Promise<void>;
  /** Shreds; returns how many rows, and audit events (never a value) for the caller to record last. */
  shred?(tx: Tx, personId: number, now: Date): Promise<{ count: number; events?: AuditInput[] }>;
}

export interface Erasure {
  /** Rows shredded per step (the person row itself not counted). */
  counts: Record<string, number>;
  events: AuditInput[];
}

/**
 * Crypto-shreds one person's identity and every step's copies of it; null when it
 * was already erased. The caller audits (the events returned, then its own).
 */
export async function erasePerson(tx: Tx, personId: number, steps: readonly ErasureStep[], now: Date): Promise<Erasure | null> {
  // The person row first: concurrent writers of a sealed copy (a bank account, a
  // referral) lock it for share and so wait for this erasure, then see it. "No key
  // update", as the update below takes: rows inserted meanwhile that reference the
  // person (a batch's payments) only take a key-share lock for their foreign key, and
  // must not wait here while holding what a step's check waits for (a deadlock).
  const locked = await tx.selectFrom('person').select('erased_at').where('id', '=', personId).forNoKeyUpdate().executeTakeFirst();
  if (!locked || locked.erased_at) return null;
  for (const step of steps) await step.check?.(tx, personId);
  await tx
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
      erased_at: now,
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', personId)
    .execute();
  await clearIdentityDerivedColumns(tx, personId);
  const erasure: Erasure = { counts: {}, events: [] };
  for (const step of steps) {
    if (!step.shred) continue;
    const done = await step.shred(tx, personId, now);
    erasure.counts[step.name] = done.count;
    erasure.events.push(...(done.events ?? []));
  }
  return erasure;
}

/**
 * Locks the person row against a concurrent erasure (which locks it first, for no key update)
 * until the caller's transaction ends; true when the person is (now) erased. For
 * writers of a sealed copy of the identity, so that none lands after the erasure.
 */
export async function lockAgainstErasure(tx: Tx, personId: number): Promise<boolean> {
  const row = await tx.selectFrom('person').select('erased_at').where('id', '=', personId).forShare().executeTakeFirst();
  return Boolean(row?.erased_at);
}
