// The signed-in user's own view: who am I, my sessions, signing out.
import type { Me } from '../../../common/auth.ts';
import type { Config } from '../../config.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { sessionPolicy } from '../../platform/auth/auth.plugin.ts';
import { findUserById, rolesOfUser } from '../../platform/auth/identity.repository.ts';
import { csrfTokenFor, endSession, endUserSessions, type SessionRow } from '../../platform/auth/sessions.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { signInError } from './auth.errors.ts';

export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly csrfKey: Buffer,
    private readonly clock: Clock,
  ) {}

  /** Who is signed in; also hands the web app a fresh CSRF token (after a reload). */
  async me(ctx: Context, session: SessionRow, lang: 'id' | 'en'): Promise<Me> {
    if (ctx.actor.kind !== 'user') throw new Error('me() needs a user');
    const user = (await findUserById(this.db, ctx.actor.userId))!;
    const roles = await rolesOfUser(this.db, user.id);
    const scopeName =
      ctx.actor.scope.level === 'national'
        ? undefined
        : (await this.db.selectFrom('region').select('name').where('code', '=', ctx.actor.scope.code).executeTakeFirst())?.name;
    const policy = sessionPolicy(this.config);
    return {
        state: session.state,
        csrfToken: csrfTokenFor(this.csrfKey, session.token_hash),
        user: { id: user.id, username: user.username, displayName: user.display_name, mfaEnabled: user.mfa_enabled },
        roles: roles.map((r) => ({ key: r.key, name: lang === 'en' ? r.name_en : r.name_id })),
        scope: ctx.actor.scope.level === 'national' ? ctx.actor.scope : { ...ctx.actor.scope, ...(scopeName ? { name: scopeName } : {}) },
        permissions: [...ctx.actor.permissions].sort(),
        session: {
          expiresAt: new Date(session.expires_at).toISOString(),
          idleExpiresAt: new Date(new Date(session.last_seen_at).getTime() + policy.idleMs).toISOString(),
          reauthenticatedAt: session.reauthenticated_at ? new Date(session.reauthenticated_at).toISOString() : null,
        },
    };
  }

  /** My sessions that can still be used: not ended, not past their absolute or idle limit. */
  async list(ctx: Context, session: SessionRow) {
    const now = this.clock();
    const rows = await this.db
      .selectFrom('user_session')
      .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
      .where('user_id', '=', session.user_id)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', new Date(now.getTime() - sessionPolicy(this.config).idleMs))
      .orderBy('last_seen_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      current: r.id === session.id,
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      ip: r.ip,
      userAgent: r.user_agent,
    }));
  }

  async end(ctx: Context, session: SessionRow, sessionId: number): Promise<void> {
    const target = await this.db.selectFrom('user_session').select(['id', 'user_id']).where('id', '=', sessionId).executeTakeFirst();
    if (!target || target.user_id !== session.user_id) throw signInError('auth.session_not_found');
    await inTransaction(this.db, async (tx) => {
      await endSession(tx, sessionId, 'signed_out');
      await audit(tx, ctx, { action: 'auth.session_ended', entityType: 'user_session', entityId: sessionId });
    });
  }

  async logout(ctx: Context, session: SessionRow): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await endSession(tx, session.id, 'signed_out');
      await audit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: session.user_id });
    });
  }

  async logoutEverywhere(ctx: Context, session: SessionRow): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const n = await endUserSessions(tx, session.user_id, 'signed_out_everywhere');
      await audit(tx, ctx, { action: 'auth.logout_all', entityType: 'user', entityId: session.user_id, summary: { sessions: n } });
      return n;
    });
  }
}
