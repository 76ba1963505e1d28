// Server-side sessions. The cookie carries a random token; the database keeps
// only its SHA-256, so a copy of the database cannot be used to sign in.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { SessionState } from '../../../common/auth.ts';
import type { Executor } from '../db/database.ts';
import type { RequestInfo } from './actor.ts';
import type { UserSessionTable } from './identity.tables.ts';

export type SessionRow = Selectable<UserSessionTable>;

export const SESSION_COOKIE = 'tuntas_session';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The CSRF token of a session: an HMAC of its token hash under a server key.
 * It changes whenever the session token does, and needs no storage.
 */
export function csrfTokenFor(csrfKey: Buffer, tokenHash: string): string {
  return createHmac('sha256', csrfKey).update(tokenHash).digest('base64url');
}

export function csrfTokenMatches(csrfKey: Buffer, tokenHash: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(csrfKey, tokenHash));
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export async function createSession(
  db: Executor,
  userId: number,
  state: SessionState,
  request: RequestInfo,
  policy: SessionPolicy,
  now: Date,
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken();
  const session = await db
    .insertInto('user_session')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      state,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + policy.absoluteMs),
      ip: request.ip,
      user_agent: request.userAgent?.slice(0, 300) ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, session };
}

export function findSessionByToken(db: Executor, token: string): Promise<SessionRow | undefined> {
  return db.selectFrom('user_session').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
}

/** Why a session can no longer be used, or null while it is valid. */
export function sessionEndReason(s: SessionRow, policy: SessionPolicy, now = Date.now()): 'ended' | 'expired' | 'idle' | null {
  if (s.ended_at) return 'ended';
  if (new Date(s.expires_at).getTime() <= now) return 'expired';
  if (new Date(s.last_seen_at).getTime() + policy.idleMs <= now) return 'idle';
  return null;
}

/**
 * Moves a session to its next sign-in state under a new token (and so a new
 * CSRF token): a token seen before a privilege change is worthless after it.
 */
export async function advanceSession(db: Executor, sessionId: number, state: SessionState): Promise<{ token: string; tokenHash: string }> {
  const token = newToken();
  const tokenHash = sha256(token);
  await db.updateTable('user_session').set({ state, token_hash: tokenHash }).where('id', '=', sessionId).execute();
  return { token, tokenHash };
}

export async function endSession(db: Executor, sessionId: number, reason: string, now = new Date()): Promise<void> {
  await db.updateTable('user_session').set({ ended_at: now, end_reason: reason }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

export async function endUserSessions(db: Executor, userId: number, reason: string, exceptSessionId?: number): Promise<number> {
  let q = db.updateTable('user_session').set({ ended_at: new Date(), end_reason: reason }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptSessionId !== undefined) q = q.where('id', '!=', exceptSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
