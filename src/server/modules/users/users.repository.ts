// Queries for user administration; the scope filter is part of the SQL.
import { sql } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  limit: number;
  offset: number;
}

export interface UserListRow {
  id: number;
  username: string;
  display_name: string;
  scope_level: 'national' | 'province' | 'regency';
  scope_code: string | null;
  status: 'active' | 'disabled';
  mfa_enabled: boolean;
  password_must_change: boolean;
  last_login_at: Date | null;
  created_at: Date;
  roles: string[];
  active_sessions: number;
}

function usersQuery(db: Executor, scope: Scope | null) {
  return db
    .selectFrom('app_user as u')
    .where(scope ? scopeFilter(scope, 'u.scope_code') : sql<boolean>`true`)
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.scope_level',
      'u.scope_code',
      'u.status',
      'u.mfa_enabled',
      'u.password_must_change',
      'u.last_login_at',
      'u.created_at',
      sql<string[]>`coalesce((select array_agg(r.role_key order by r.role_key) from user_role r where r.user_id = u.id), '{}')`.as('roles'),
      sql<number>`(select count(*) from user_session s where s.user_id = u.id and s.ended_at is null and s.expires_at > now())::int`.as(
        'active_sessions',
      ),
    ]);
}

/** Users within `scope` (null: no restriction, for the command line). National users only for national actors. */
export async function listUsers(db: Executor, scope: Scope | null, f: UserFilter): Promise<{ rows: UserListRow[]; total: number }> {
  let q = usersQuery(db, scope);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]));
  }
  if (f.status) q = q.where('u.status', '=', f.status);
  if (f.role) q = q.where(sql<boolean>`exists (select 1 from user_role r where r.user_id = u.id and r.role_key = ${f.role})`);
  const [rows, count] = await Promise.all([
    q.orderBy('u.username').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as UserListRow[], total: Number(count.n) };
}

export async function findUserRow(db: Executor, id: number): Promise<UserListRow | undefined> {
  return (await usersQuery(db, null).where('u.id', '=', id).executeTakeFirst()) as UserListRow | undefined;
}

export async function setUserRoles(db: Executor, userId: number, roles: string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  await db.insertInto('user_role').values(roles.map((role_key) => ({ user_id: userId, role_key }))).execute();
}
