// Signing in, step by step: password → MFA code → new password → MFA enrolment.
// Every step is throttled, audited, and moves the session to a new token.
import type { LoginResponseSchema, SessionState } from '../../../common/auth.ts';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Actor, Context, RequestInfo } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { actorForUser, findUserById, findUserByUsername, rolesOfUser, type UserRow } from '../../platform/auth/identity.repository.ts';
import { checkPasswordStrength, hashPassword, verifyAgainstDummy, verifyPassword } from '../../platform/auth/passwords.ts';
import { advanceSession, createSession, csrfTokenFor, endUserSessions, sha256, type SessionRow } from '../../platform/auth/sessions.ts';
import { sessionPolicy } from '../../platform/auth/auth.plugin.ts';
import { recordSignIn, signInWait } from '../../platform/auth/throttle.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUrl, qrCodeDataUrl, verifyTotp } from '../../platform/auth/totp.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { notifySecurityChange } from '../notifications/notifications.service.ts';
import { signInError } from './auth.errors.ts';
import { nextSignInState } from './sign-in-state.ts';

export type SignInResult = z.infer<typeof LoginResponseSchema> & { token: string };

/** The user as the audit log records them (before they have a full session). */
export async function userContext(db: Db, user: UserRow, request: RequestInfo, sessionId = 0): Promise<Context> {
  return { actor: await actorForUser(db, user, sessionId, null), request };
}

export class SignInService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly totpSecrets: SecretBox,
    private readonly csrfKey: Buffer,
    private readonly clock: Clock,
  ) {}

  /** What the client receives after each step: the next state, the new token and its CSRF token. */
  private issued(state: SessionState, token: string): SignInResult {
    return { state, token, csrfToken: csrfTokenFor(this.csrfKey, sha256(token)) };
  }

  private async throttle(username: string, ip: string): Promise<void> {
    const wait = await signInWait(this.db, username, ip, this.clock());
    if (wait > 0) throw authError('auth.throttled', { seconds: wait });
  }

  private async stateAfter(user: UserRow, mfaPassed: boolean): Promise<SessionState> {
    const roles = await rolesOfUser(this.db, user.id);
    return nextSignInState(user, roles, { mfaPassed, mfaRequiredGlobally: this.config.mfaRequired });
  }

  /** Step 1: username and password. The answer never tells whether the username exists. */
  async login(username: string, password: string, request: RequestInfo): Promise<SignInResult> {
    const name = username.trim().toLowerCase();
    const ip = request.ip ?? 'unknown';
    await this.throttle(name, ip);
    const user = await findUserByUsername(this.db, name);
    const ok = user && user.status === 'active' ? await verifyPassword(user.password_hash, password) : await verifyAgainstDummy(password);
    if (!user || !ok) {
      await inTransaction(this.db, async (tx) => {
        await recordSignIn(tx, name, ip, false, this.clock());
        await audit(tx, { actor: { kind: 'system', username: 'anonymous' }, request }, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          summary: { username: name },
        });
      });
      throw authError('auth.invalid_credentials');
    }
    const state = await this.stateAfter(user, false);
    const ctx = await userContext(this.db, user, request);
    return inTransaction(this.db, async (tx) => {
      await recordSignIn(tx, name, ip, true, this.clock());
      const { token, session } = await createSession(tx, user.id, state, request, sessionPolicy(this.config), this.clock());
      if (state === 'active') await tx.updateTable('app_user').set({ last_login_at: this.clock() }).where('id', '=', user.id).execute();
      await audit(tx, { ...ctx, actor: { ...ctx.actor, sessionId: session.id } as Actor }, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        summary: { state },
      });
      return this.issued(state, token);
    });
  }

  /** Step 2: a TOTP code or a recovery code. Each code works once. */
  async verifyMfa(session: SessionRow, code: string, request: RequestInfo): Promise<SignInResult> {
    const user = await this.userOf(session);
    await this.throttle(user.username, request.ip ?? 'unknown');
    const ctx = await userContext(this.db, user, request, session.id);
    const accepted = await inTransaction(this.db, async (tx) => {
      const ok = /^\d{6}$/.test(code) ? await this.acceptTotp(tx, user, code) : await this.acceptRecoveryCode(tx, user.id, code);
      if (!ok) {
        await recordSignIn(tx, user.username, request.ip ?? 'unknown', false, this.clock());
        await audit(tx, ctx, { action: 'auth.mfa_failed', entityType: 'user', entityId: user.id });
      }
      return ok;
    });
    if (!accepted) throw authError('auth.invalid_mfa_code');
    const state = await this.stateAfter(user, true);
    return inTransaction(this.db, async (tx) => {
      const next = await advanceSession(tx, session.id, state);
      if (state === 'active') await tx.updateTable('app_user').set({ last_login_at: this.clock() }).where('id', '=', user.id).execute();
      await audit(tx, ctx, { action: 'auth.mfa_verified', entityType: 'user', entityId: user.id, summary: { state, recoveryCode: !/^\d{6}$/.test(code) } });
      return this.issued(state, next.token);
    });
  }

  /** Starts (or restarts) MFA enrolment: a new secret, kept sealed until its first code arrives. */
  async startEnrolment(session: SessionRow) {
    const user = await this.userOf(session);
    const secret = newTotpSecret();
    await this.db.updateTable('app_user').set({ mfa_pending_secret_enc: this.totpSecrets.seal(secret) }).where('id', '=', user.id).execute();
    const url = otpauthUrl(secret, user.username);
    return { secret, otpauthUrl: url, qrCodeDataUrl: await qrCodeDataUrl(url) };
  }

  /** Confirms enrolment with a first code; returns the recovery codes, shown once. */
  async confirmEnrolment(session: SessionRow, code: string, request: RequestInfo): Promise<SignInResult & { recoveryCodes: string[] }> {
    const user = await this.userOf(session);
    if (!user.mfa_pending_secret_enc) throw signInError('auth.mfa_not_enrolling');
    const secret = this.totpSecrets.open(user.mfa_pending_secret_enc);
    const step = verifyTotp(secret, code, null, this.clock().getTime());
    const ctx = await userContext(this.db, user, request, session.id);
    if (step === null) throw authError('auth.invalid_mfa_code');
    const recoveryCodes = newRecoveryCodes();
    const state = await this.stateAfter({ ...user, mfa_enabled: true }, true);
    return inTransaction(this.db, async (tx) => {
      await tx
        .updateTable('app_user')
        .set({ mfa_secret_enc: user.mfa_pending_secret_enc, mfa_pending_secret_enc: null, mfa_enabled: true, mfa_last_step: step, updated_at: this.clock() })
        .where('id', '=', user.id)
        .execute();
      await tx.deleteFrom('mfa_recovery_code').where('user_id', '=', user.id).execute();
      await tx
        .insertInto('mfa_recovery_code')
        .values(recoveryCodes.map((c) => ({ user_id: user.id, code_hash: hashRecoveryCode(c) })))
        .execute();
      const nextState = session.state === 'active' ? 'active' : state;
      const next = await advanceSession(tx, session.id, nextState);
      await notifySecurityChange(tx, user.id, 'mfa_enrolled');
      await audit(tx, ctx, { action: 'auth.mfa_enrolled', entityType: 'user', entityId: user.id });
      return { ...this.issued(nextState, next.token), recoveryCodes };
    });
  }

  /** Changes the password (also the forced change at first sign-in); ends the user's other sessions. */
  async changePassword(session: SessionRow, current: string, next: string, request: RequestInfo): Promise<SignInResult> {
    const user = await this.userOf(session);
    await this.throttle(user.username, request.ip ?? 'unknown');
    if (!(await verifyPassword(user.password_hash, current))) {
      await recordSignIn(this.db, user.username, request.ip ?? 'unknown', false, this.clock());
      throw authError('auth.wrong_password');
    }
    const strength = await checkPasswordStrength(next, [user.username, user.display_name, current]);
    if (!strength.ok) throw weakPassword(strength.hint);
    const hash = await hashPassword(next);
    const ctx = await userContext(this.db, user, request, session.id);
    const state = session.state === 'active' ? 'active' : await this.stateAfter({ ...user, password_must_change: false }, true);
    return inTransaction(this.db, async (tx) => {
      await tx.updateTable('app_user').set({ password_hash: hash, password_must_change: false, updated_at: this.clock() }).where('id', '=', user.id).execute();
      await endUserSessions(tx, user.id, 'password_changed', session.id);
      const next = await advanceSession(tx, session.id, state);
      await notifySecurityChange(tx, user.id, 'password_changed');
      await audit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
      return this.issued(state, next.token);
    });
  }

  /** Confirms the password (and a TOTP code when enrolled) before a sensitive action. */
  async reauthenticate(session: SessionRow, password: string, code: string | undefined, request: RequestInfo): Promise<Date> {
    const user = await this.userOf(session);
    await this.throttle(user.username, request.ip ?? 'unknown');
    const ctx = await userContext(this.db, user, request, session.id);
    const passwordOk = await verifyPassword(user.password_hash, password);
    const codeOk = passwordOk && (!user.mfa_enabled || (code !== undefined && (await this.acceptTotp(this.db, user, code))));
    if (!passwordOk || !codeOk) {
      await inTransaction(this.db, async (tx) => {
        await recordSignIn(tx, user.username, request.ip ?? 'unknown', false, this.clock());
        await audit(tx, ctx, { action: 'auth.reauth_failed', entityType: 'user', entityId: user.id });
      });
      throw authError(passwordOk ? 'auth.invalid_mfa_code' : 'auth.wrong_password');
    }
    const at = this.clock();
    await inTransaction(this.db, async (tx) => {
      await tx.updateTable('user_session').set({ reauthenticated_at: at }).where('id', '=', session.id).execute();
      await audit(tx, ctx, { action: 'auth.reauth', entityType: 'user', entityId: user.id });
    });
    return at;
  }

  private async userOf(session: SessionRow): Promise<UserRow> {
    const user = await findUserById(this.db, session.user_id);
    if (!user || user.status !== 'active') throw authError('auth.unauthenticated');
    return user;
  }

  /** Accepts a TOTP code once: the time step is stored with a compare-and-set. */
  private async acceptTotp(db: Db | Parameters<typeof recordSignIn>[0], user: UserRow, code: string): Promise<boolean> {
    if (!user.mfa_secret_enc) return false;
    const step = verifyTotp(this.totpSecrets.open(user.mfa_secret_enc), code, user.mfa_last_step, this.clock().getTime());
    if (step === null) return false;
    const r = await db
      .updateTable('app_user')
      .set({ mfa_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private async acceptRecoveryCode(db: Parameters<typeof recordSignIn>[0], userId: number, code: string): Promise<boolean> {
    const r = await db
      .updateTable('mfa_recovery_code')
      .set({ used_at: this.clock() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}

export function weakPassword(hint: { id: string; en: string }, field = 'body.newPassword') {
  return authError('auth.weak_password', { hint }, [{ field, message: hint }]);
}
