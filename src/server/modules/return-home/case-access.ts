// Which rehabilitation cases an actor reaches, for the modules built on cases
// (return home, referrals). The rule of issue 6: the case's regency in the actor's
// scope and, for a permission that reaches the actor only through a caseload role
// (case workers), only the cases assigned to them. A local stand-in until the cases
// module exports its access helper; switch to it then.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AnyActor, Context } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope, scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { CASELOAD_ROLES, type Reach } from '../registry/persons.policy.ts';
import { rolePermissions } from '../registry/persons.repository.ts';

export type CasePermission = 'case.read' | 'case.manage' | 'referral.override';

export interface CaseReaches {
  read: Reach;
  manage: Reach;
  override: Reach;
}

function reachOf(actor: AnyActor, roles: { key: string; permissions: string[] }[], permission: CasePermission): Reach {
  if (actor.kind === 'system') return 'scope';
  if (!can(actor, permission)) return 'none';
  const granting = roles.filter((r) => r.permissions.includes(permission) && actor.roles.includes(r.key));
  if (granting.some((r) => !CASELOAD_ROLES.has(r.key))) return 'scope';
  return granting.length > 0 ? 'caseload' : 'none';
}

export async function caseReaches(db: Executor, ctx: Context): Promise<CaseReaches> {
  const roles = ctx.actor.kind === 'user' ? await rolePermissions(db, ctx.actor.roles) : [];
  return { read: reachOf(ctx.actor, roles, 'case.read'), manage: reachOf(ctx.actor, roles, 'case.manage'), override: reachOf(ctx.actor, roles, 'referral.override') };
}

export interface CaseResource {
  regencyCode: string;
  assignedUserId: number | null;
}

/** Whether a reach covers one case. */
export function coversCase(actor: AnyActor, reach: Reach, c: CaseResource): boolean {
  if (reach === 'none') return false;
  if (actor.kind === 'system') return true;
  if (!inScope(actor.scope, c.regencyCode)) return false;
  return reach === 'scope' || c.assignedUserId === actor.userId;
}

/** SQL: the case (alias `c`, a rehab_case) is within the reach. */
export function caseVisibleTo(actor: AnyActor, reach: Reach): Expression<SqlBool> {
  if (reach === 'none') return sql<SqlBool>`false`;
  if (actor.kind === 'system') return sql<SqlBool>`true`;
  const scope = scopeFilter(actor.scope, 'c.regency_code');
  return reach === 'scope' ? scope : sql<SqlBool>`(${scope} and c.assigned_user_id = ${actor.userId})`;
}

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
