// Referral queries only.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export function referrals(db: Executor) {
  return db
    .selectFrom('referral as r')
    .innerJoin('rehab_case as c', 'c.id', 'r.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('person_consent as pc', 'pc.id', 'r.consent_id')
    .leftJoin('app_user as ob', 'ob.id', 'r.override_by')
    .leftJoin('app_user as cb', 'cb.id', 'r.created_by')
    .select([
      'r.id',
      'r.case_id',
      'r.regency_code',
      'r.service',
      'r.purpose',
      'r.organisation',
      'r.organisation_contact',
      'r.shared_fields',
      'r.consent_id',
      'r.override_request_reason',
      'r.override_reason',
      'r.status',
      'r.expires_on',
      'r.shredded_at',
      'r.shred_reason',
      'r.revoke_reason',
      'r.response',
      'r.response_on',
      'r.response_note',
      'r.version',
      'r.created_at',
      'p.case_code',
      'p.sex',
      'c.assigned_user_id',
      'c.person_id',
      'pc.purpose as consent_purpose',
      sql<boolean>`pc.withdrawn_at is null`.as('consent_active'),
      'ob.username as override_by_name',
      'cb.username as created_by_name',
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referrals>['executeTakeFirstOrThrow']>>;

export const findReferral = (db: Executor, id: number) => referrals(db).where('r.id', '=', id).executeTakeFirst();

/** The sealed snapshot of one referral (null once shredded). */
export const snapshotOf = (db: Executor, id: number) =>
  db.selectFrom('referral').select(['snapshot_ct', 'snapshot_dek']).where('id', '=', id).executeTakeFirstOrThrow();

const SHREDDED = { snapshot_ct: null, snapshot_dek: null, snapshot_key_id: null } as const;

/** Shreds the snapshots of referrals past their expiry date; returns them for the audit. */
export function shredExpired(db: Executor, today: string, now: Date) {
  return db
    .updateTable('referral')
    .set({ ...SHREDDED, shredded_at: now, shred_reason: 'expired', updated_at: now })
    .where('snapshot_ct', 'is not', null)
    .where('expires_on', '<', today)
    .returning(['id', 'regency_code', 'case_id'])
    .execute();
}

/** Revokes and shreds consent-based referrals whose consent was withdrawn. */
export function shredWithdrawn(db: Executor, now: Date) {
  return db
    .updateTable('referral')
    .set({ ...SHREDDED, shredded_at: now, shred_reason: 'consent_withdrawn', status: 'revoked', revoked_at: now, revoke_reason: 'Persetujuan ditarik / consent withdrawn', updated_at: now })
    .where('status', '=', 'active')
    .where('consent_id', 'in', (eb) => eb.selectFrom('person_consent').select('id').where('withdrawn_at', 'is not', null))
    .returning(['id', 'regency_code', 'case_id'])
    .execute();
}

/** Shreds every snapshot of the person's cases (her erasure); returns them for the audit. */
export function shredOfPerson(db: Executor, personId: number, now: Date) {
  return db
    .updateTable('referral')
    .set({ ...SHREDDED, shredded_at: now, shred_reason: 'person_erased', updated_at: now })
    .where('snapshot_ct', 'is not', null)
    .where('case_id', 'in', (eb) => eb.selectFrom('rehab_case').select('id').where('person_id', '=', personId))
    .returning(['id', 'regency_code', 'case_id'])
    .execute();
}

export function shredOne(db: Executor, id: number, reason: 'revoked', now: Date) {
  return db.updateTable('referral').set({ ...SHREDDED, shredded_at: now, shred_reason: reason }).where('id', '=', id).execute();
}
