// Queries on users and roles, shared by authentication and user administration.
import type { Selectable } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import { isPermission, type Permission } from '../../../common/permissions.ts';
import type { Executor } from '../db/database.ts';
import type { Actor } from './actor.ts';
import type { AppUserTable, RoleTable } from './identity.tables.ts';

export type UserRow = Selectable<AppUserTable>;
export type RoleRow = Selectable<RoleTable>;

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
}

export function rolesOfUser(db: Executor, userId: number): Promise<RoleRow[]> {
  return db
    .selectFrom('role')
    .innerJoin('user_role', 'user_role.role_key', 'role.key')
    .selectAll('role')
    .where('user_role.user_id', '=', userId)
    .orderBy('role.key')
    .execute();
}

export function listRoles(db: Executor): Promise<RoleRow[]> {
  return db.selectFrom('role').selectAll().orderBy('key').execute();
}

/** The union of the roles' permissions; strings the server does not know are dropped. */
export function permissionsOf(roles: RoleRow[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of r.permissions) if (isPermission(p)) out.add(p);
  return out;
}

export function scopeOfUser(user: Pick<UserRow, 'scope_level' | 'scope_code'>, name?: string): Scope {
  if (user.scope_level === 'national' || !user.scope_code) return { level: 'national' };
  return { level: user.scope_level, code: user.scope_code, ...(name ? { name } : {}) };
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The acting user as services see them: roles, permissions and scope from the database. */
export async function actorForUser(db: Executor, user: UserRow, sessionId: number, reauthenticatedAt: Date | null): Promise<Actor> {
  const roles = await rolesOfUser(db, user.id);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: roles.map((r) => r.key),
    permissions: permissionsOf(roles),
    scope: scopeOfUser(user),
    sessionId,
    reauthenticatedAt,
  };
}
