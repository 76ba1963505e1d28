// User administration. Every method takes the context first, checks access,
// works in one transaction and writes its audit event in it.
import type { z } from 'zod';
import type { Scope } from '../../../common/auth.ts';
import type { CreateUserSchema, UpdateUserSchema, UserListQuerySchema, UserView } from '../../../common/users.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { listRoles } from '../../platform/auth/identity.repository.ts';
import { checkPasswordStrength, generatePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { scopeContains } from '../../platform/auth/scope.ts';
import { endUserSessions } from '../../platform/auth/sessions.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { weakPassword } from '../auth/sign-in.service.ts';
import { notifySecurityChange } from '../notifications/notifications.service.ts';
import { userError } from './users.errors.ts';
import { allowedUserActions, canGrantRole, canSeeUser, type UserResource } from './users.policy.ts';
import { findUserRow, listUsers, setUserRoles, type UserListRow } from './users.repository.ts';

function scopeOf(row: Pick<UserListRow, 'scope_level' | 'scope_code'>): Scope {
  return row.scope_level === 'national' || !row.scope_code ? { level: 'national' } : { level: row.scope_level, code: row.scope_code };
}

function resource(row: UserListRow): UserResource {
  return { id: row.id, scope: scopeOf(row), status: row.status, mfaEnabled: row.mfa_enabled };
}

export class UserService {
  constructor(private readonly db: Db) {}

  private view(ctx: Context, row: UserListRow): UserView {
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      scope: scopeOf(row),
      status: row.status,
      mfaEnabled: row.mfa_enabled,
      passwordMustChange: row.password_must_change,
      lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
      createdAt: new Date(row.created_at).toISOString(),
      activeSessions: row.active_sessions,
      actions: allowedUserActions(ctx.actor, resource(row)),
    };
  }

  async list(ctx: Context, query: z.output<typeof UserListQuerySchema>) {
    authorize(ctx.actor, 'user.read');
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : null;
    const { rows, total } = await listUsers(this.db, scope, query);
    return { items: rows.map((r) => this.view(ctx, r)), total };
  }

  /** A user the actor may see, or 404 (not 403: existence outside one's scope is not revealed). */
  private async visible(ctx: Context, id: number, db: Db | Tx = this.db): Promise<UserListRow> {
    const row = await findUserRow(db, id);
    if (!row || !canSeeUser(ctx.actor, resource(row))) throw userError('user.not_found');
    return row;
  }

  async get(ctx: Context, id: number): Promise<UserView> {
    authorize(ctx.actor, 'user.read');
    return this.view(ctx, await this.visible(ctx, id));
  }

  private async requireAction(ctx: Context, id: number, action: UserView['actions'][number], tx: Tx): Promise<UserListRow> {
    authorize(ctx.actor, action === 'end_sessions' ? 'session.manage' : 'user.manage');
    const row = await this.visible(ctx, id, tx);
    if (!allowedUserActions(ctx.actor, resource(row)).includes(action)) {
      if (ctx.actor.kind === 'user' && ctx.actor.userId === id) throw userError('user.self_action');
      throw authError('auth.forbidden');
    }
    return row;
  }

  /** Checks roles exist and may be granted, and the scope exists and lies within the actor's. */
  private async checkGrant(ctx: Context, tx: Tx, roles: string[] | undefined, scopeInput: string | undefined): Promise<Scope | undefined> {
    if (roles) {
      const known = new Set((await listRoles(tx)).map((r) => r.key));
      for (const role of roles) {
        if (!known.has(role)) throw userError('user.unknown_role', { role });
        if (!canGrantRole(ctx.actor, role)) throw userError('user.role_not_grantable', { role });
      }
    }
    if (scopeInput === undefined) return undefined;
    let scope: Scope = { level: 'national' };
    if (scopeInput !== 'national') {
      const region = await tx.selectFrom('region').select(['code', 'level']).where('code', '=', scopeInput).where('valid_to', 'is', null).executeTakeFirst();
      if (!region || (region.level !== 'province' && region.level !== 'regency')) throw userError('user.unknown_region', { code: scopeInput });
      scope = { level: region.level, code: region.code };
    }
    if (ctx.actor.kind === 'user' && !scopeContains(ctx.actor.scope, scope)) throw userError('user.scope_too_wide');
    return scope;
  }

  async create(ctx: Context, input: z.output<typeof CreateUserSchema>): Promise<{ user: UserView; generatedPassword: string | null }> {
    authorize(ctx.actor, 'user.manage');
    const generated = input.password ? null : generatePassword();
    const password = input.password ?? generated!;
    if (input.password) {
      const strength = await checkPasswordStrength(input.password, [input.username, input.displayName]);
      if (!strength.ok) throw weakPassword(strength.hint, 'body.password');
    }
    const passwordHash = await hashPassword(password);
    const id = await inTransaction(this.db, async (tx) => {
      const scope = (await this.checkGrant(ctx, tx, input.roles, input.scope))!;
      const taken = await tx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
      if (taken) throw userError('user.username_taken', { username: input.username });
      const user = await tx
        .insertInto('app_user')
        .values({
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          password_must_change: generated !== null,
          scope_level: scope.level,
          scope_code: scope.level === 'national' ? null : scope.code,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setUserRoles(tx, user.id, [...new Set(input.roles)]);
      await audit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        regionCode: scope.level === 'national' ? null : scope.code,
        summary: { username: input.username, roles: input.roles, scope: input.scope, generatedPassword: generated !== null },
      });
      return user.id;
    });
    return { user: await this.viewById(ctx, id), generatedPassword: generated };
  }

  /** After a change the actor was allowed to make, the user is within their scope. */
  private async viewById(ctx: Context, id: number): Promise<UserView> {
    return this.view(ctx, (await findUserRow(this.db, id))!);
  }

  async update(ctx: Context, id: number, input: z.output<typeof UpdateUserSchema>): Promise<UserView> {
    await inTransaction(this.db, async (tx) => {
      const before = await this.requireAction(ctx, id, 'update', tx);
      const scope = await this.checkGrant(ctx, tx, input.roles, input.scope);
      await tx
        .updateTable('app_user')
        .set({
          ...(input.displayName ? { display_name: input.displayName } : {}),
          ...(scope ? { scope_level: scope.level, scope_code: scope.level === 'national' ? null : scope.code } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      if (input.roles) await setUserRoles(tx, id, [...new Set(input.roles)]);
      // New rights take effect at the next sign-in: end the user's sessions when they change.
      const rightsChanged = Boolean(input.roles || scope);
      if (rightsChanged) await endUserSessions(tx, id, 'rights_changed');
      await audit(tx, ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        regionCode: before.scope_code,
        summary: { changed: Object.keys(input), ...(input.roles ? { roles: input.roles } : {}), ...(input.scope ? { scope: input.scope } : {}) },
      });
    });
    return this.viewById(ctx, id);
  }

  async setStatus(ctx: Context, id: number, status: 'active' | 'disabled'): Promise<UserView> {
    await inTransaction(this.db, async (tx) => {
      const before = await this.requireAction(ctx, id, status === 'disabled' ? 'disable' : 'enable', tx);
      await tx
        .updateTable('app_user')
        .set({ status, disabled_at: status === 'disabled' ? new Date() : null, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      if (status === 'disabled') await endUserSessions(tx, id, 'user_disabled');
      await audit(tx, ctx, { action: status === 'disabled' ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id, regionCode: before.scope_code });
    });
    return this.viewById(ctx, id);
  }

  async resetMfa(ctx: Context, id: number): Promise<UserView> {
    await inTransaction(this.db, async (tx) => {
      const before = await this.requireAction(ctx, id, 'reset_mfa', tx);
      await tx
        .updateTable('app_user')
        .set({ mfa_enabled: false, mfa_secret_enc: null, mfa_pending_secret_enc: null, mfa_last_step: null, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await tx.deleteFrom('mfa_recovery_code').where('user_id', '=', id).execute();
      await endUserSessions(tx, id, 'mfa_reset');
      await notifySecurityChange(tx, id, 'mfa_reset');
      await audit(tx, ctx, { action: 'user.reset_mfa', entityType: 'user', entityId: id, regionCode: before.scope_code });
    });
    return this.viewById(ctx, id);
  }

  async endSessions(ctx: Context, id: number): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const before = await this.requireAction(ctx, id, 'end_sessions', tx);
      const n = await endUserSessions(tx, id, 'ended_by_admin');
      await audit(tx, ctx, { action: 'user.end_sessions', entityType: 'user', entityId: id, regionCode: before.scope_code, summary: { sessions: n } });
      return n;
    });
  }

  /** A new generated password, shown once; the user must change it at the next sign-in. */
  async resetPassword(ctx: Context, id: number): Promise<string> {
    const password = generatePassword();
    const hash = await hashPassword(password);
    await inTransaction(this.db, async (tx) => {
      const before = await this.requireAction(ctx, id, 'reset_password', tx);
      await tx.updateTable('app_user').set({ password_hash: hash, password_must_change: true, updated_at: new Date() }).where('id', '=', id).execute();
      await endUserSessions(tx, id, 'password_reset');
      await notifySecurityChange(tx, id, 'password_reset');
      await audit(tx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, regionCode: before.scope_code });
    });
    return password;
  }
}
