// The one way other modules (training, return home, referrals, follow-ups) reach a
// case: `loadCaseFor(db, ctx, caseId, need)` answers the case with the actor's
// actions on it, or throws — 404 `case.not_found` when the case is outside the
// actor's read reach (another region; for a case worker, a case not assigned to her),
// 403 `auth.forbidden` when it is visible but `need` is not allowed. For lists, use
// `caseReaches` + `caseVisible(actor, reaches.read, 'c')` (cases.repository.ts) in SQL.
import type { CaseAction, CaseStatusValue } from '../../../common/cases.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import type { Executor } from '../../platform/db/database.ts';
import { rolePermissions } from '../registry/persons.repository.ts';
import { caseError } from './cases.errors.ts';
import { caseActions, caseReachOf, coversCase, type CaseReaches } from './cases.policy.ts';
import { findCase, todayWib, type CaseRow } from './cases.repository.ts';

export { caseVisible } from './cases.repository.ts';
export type { CaseReaches } from './cases.policy.ts';

/** What a case-touching use case needs: read it, work it (case.manage), supervise it, or one named action. */
export type CaseNeed = 'read' | 'manage' | 'supervise' | CaseAction;

export interface CaseRef {
  id: number;
  personId: number;
  programmeId: number;
  regencyCode: string;
  status: CaseStatusValue;
  assignedUserId: number | null;
  supervisorUserId: number | null;
  closurePending: boolean;
  closureRequestedBy: number | null;
  caseCode: string;
  alias: string | null;
  version: number;
  /** The actor's actions on the case (cases.policy.ts). */
  actions: CaseAction[];
  reaches: CaseReaches;
  row: CaseRow;
}

export async function caseReaches(db: Executor, ctx: Context): Promise<CaseReaches> {
  const roles = ctx.actor.kind === 'user' ? await rolePermissions(db, ctx.actor.roles) : [];
  return {
    read: caseReachOf(ctx.actor, roles, 'case.read'),
    manage: caseReachOf(ctx.actor, roles, 'case.manage'),
    supervise: caseReachOf(ctx.actor, roles, 'case.supervise'),
  };
}

export function caseRefOf(ctx: Context, reaches: CaseReaches, row: CaseRow): CaseRef {
  const resource = {
    regencyCode: row.regency_code,
    status: row.status,
    assignedUserId: row.assigned_user_id,
    supervisorUserId: row.supervisor_user_id,
    closurePending: row.closure_requested_at !== null,
    closureRequestedBy: row.closure_requested_by,
  };
  return {
    id: row.id,
    personId: row.person_id,
    programmeId: row.programme_id,
    ...resource,
    caseCode: row.case_code,
    alias: row.alias,
    version: row.version,
    actions: caseActions(ctx.actor, reaches, resource),
    reaches,
    row,
  };
}

/** Whether a need is met for a visible case. */
export function allows(ctx: Context, ref: CaseRef, need: CaseNeed): boolean {
  if (need === 'read') return true;
  if (need === 'manage') return coversCase(ctx.actor, ref.reaches.manage, ref);
  if (need === 'supervise') return coversCase(ctx.actor, ref.reaches.supervise, ref);
  return ref.actions.includes(need);
}

/** The case if the actor may read it and `need` is allowed; else 404 / 403 (see above). */
export async function loadCaseFor(db: Executor, ctx: Context, caseId: number, need: CaseNeed = 'read', now = new Date()): Promise<CaseRef> {
  const reaches = await caseReaches(db, ctx);
  const row = await findCase(db, caseId, todayWib(now));
  if (!row || !coversCase(ctx.actor, reaches.read, { regencyCode: row.regency_code, assignedUserId: row.assigned_user_id })) throw caseError('case.not_found');
  const ref = caseRefOf(ctx, reaches, row);
  if (!allows(ctx, ref, need)) throw authError('auth.forbidden');
  return ref;
}
