import { sql } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';

export interface GrantRow {
  id: number;
  user_id: number;
  username: string;
  display_name: string;
  entity_type: string;
  entity_id: string;
  region_code: string | null;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  review_decision: 'justified' | 'unjustified' | null;
  review_note: string | null;
  reviewer_username: string | null;
  reviewed_at: Date | null;
}

function grants(db: Executor) {
  return db
    .selectFrom('break_glass_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .leftJoin('app_user as r', 'r.id', 'g.reviewed_by')
    .select([
      'g.id',
      'g.user_id',
      'u.username',
      'u.display_name',
      'g.entity_type',
      'g.entity_id',
      'g.region_code',
      'g.reason',
      'g.granted_at',
      'g.expires_at',
      'g.review_decision',
      'g.review_note',
      'r.username as reviewer_username',
      'g.reviewed_at',
    ]);
}

export async function listGrants(db: Executor, scope: Scope, reviewed: boolean, limit: number, offset: number) {
  let q = grants(db).where(scopeFilter(scope, 'g.region_code'));
  q = reviewed ? q.where('g.reviewed_at', 'is not', null) : q.where('g.reviewed_at', 'is', null);
  const [rows, total] = await Promise.all([
    q.orderBy('g.granted_at', 'desc').limit(limit).offset(offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as GrantRow[], total: Number(total.n) };
}

export async function findGrant(db: Executor, id: number): Promise<GrantRow | undefined> {
  return (await grants(db).where('g.id', '=', id).executeTakeFirst()) as GrantRow | undefined;
}

export async function activeGrantsOf(db: Executor, userId: number, now: Date): Promise<GrantRow[]> {
  return (await grants(db).where('g.user_id', '=', userId).where('g.expires_at', '>', now).orderBy('g.expires_at').execute()) as GrantRow[];
}

export async function findActiveGrant(db: Executor, userId: number, entityType: string, entityId: string, now: Date) {
  return db
    .selectFrom('break_glass_grant')
    .select(['id', 'expires_at'])
    .where('user_id', '=', userId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

/** Active heads of office whose region contains `regionCode` (they are told of each break-glass). */
export async function headsOfOfficeFor(db: Executor, regionCode: string): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .select('u.id')
    .where('ur.role_key', '=', 'head_of_office')
    .where('u.status', '=', 'active')
    .where(
      sql<boolean>`(u.scope_level = 'national' or u.scope_code = ${regionCode} or ${regionCode} like u.scope_code || '.%')`,
    )
    .execute();
  return rows.map((r) => r.id);
}
