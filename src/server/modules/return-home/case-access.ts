// Which rehabilitation cases an actor reaches, for return home and referrals: the
// cases module's rule (cases/case-access.ts, cases.policy.ts) — the case's regency
// in the actor's scope and, for a permission reaching the actor only through a
// caseload role (case workers), only the cases assigned to them — plus the reach of
// referral.override. The case query here adds the person's sealed columns, which
// these modules open in memory (home district from the NIK; referral snapshots).
import type { Expression, SqlBool } from 'kysely';
import type { AnyActor, Context } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { caseReaches as baseReaches } from '../cases/case-access.ts';
import { caseReachOf, coversCase as covers, type CaseReach, type CasePermission } from '../cases/cases.policy.ts';
import { caseVisible } from '../cases/cases.repository.ts';
import { rolePermissions } from '../registry/persons.repository.ts';

export type Reach = CaseReach;

export interface CaseReaches {
  read: Reach;
  manage: Reach;
  override: Reach;
}

export async function caseReaches(db: Executor, ctx: Context): Promise<CaseReaches> {
  const base = await baseReaches(db, ctx);
  const roles = ctx.actor.kind === 'user' ? await rolePermissions(db, ctx.actor.roles) : [];
  // caseReachOf's rule applies to any permission; its type lists the case permissions only.
  return { read: base.read, manage: base.manage, override: caseReachOf(ctx.actor, roles, 'referral.override' as CasePermission) };
}

export interface CaseResource {
  regencyCode: string;
  assignedUserId: number | null;
}

/** Whether a reach covers one case. */
export const coversCase = (actor: AnyActor, reach: Reach, c: CaseResource): boolean => covers(actor, reach, c);

/** SQL: the case (alias `c`, a rehab_case) is within the reach. */
export const caseVisibleTo = (actor: AnyActor, reach: Reach): Expression<SqlBool> => caseVisible(actor, reach, 'c');

export function cases(db: Executor) {
  return db
    .selectFrom('rehab_case as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.person_id',
      'c.programme_id',
      'c.regency_code',
      'c.status',
      'c.assigned_user_id',
      'p.case_code',
      'p.identity_ct',
      'p.dek_wrapped',
      'p.sex',
      'p.processing_restricted',
      'p.erased_at',
    ]);
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof cases>['executeTakeFirstOrThrow']>>;

/** The case if the actor reads it (case.read within reach), else undefined (→ 404). */
export async function readableCase(db: Executor, ctx: Context, reaches: CaseReaches, caseId: number): Promise<CaseRow | undefined> {
  return cases(db).where('c.id', '=', caseId).where(caseVisibleTo(ctx.actor, reaches.read)).executeTakeFirst();
}

export const caseResource = (c: { regency_code: string; assigned_user_id: number | null }): CaseResource => ({
  regencyCode: c.regency_code,
  assignedUserId: c.assigned_user_id,
});
