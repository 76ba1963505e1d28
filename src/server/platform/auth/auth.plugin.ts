// Authentication on every request: session cookie → session → user → Actor;
// CSRF and origin checks on state-changing requests; then the route's access
// declaration is enforced before validation and the handler run.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import type { Actor, Context, RequestInfo } from './actor.ts';
import { authError } from './auth.errors.ts';
import { can, requireRecentReauth } from './authorize.ts';
import type { Clock } from './clock.ts';
import { actorForUser, findUserById } from './identity.repository.ts';
import type { RouteAccess } from './route-access.ts';
import { csrfTokenMatches, endSession, findSessionByToken, SESSION_COOKIE, sessionEndReason, type SessionPolicy, type SessionRow } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authSession: SessionRow | null;
    /** The acting user and request facts; throws 401 when nobody is signed in. */
    ctx(): Context;
    requestInfo(): RequestInfo;
  }
  interface FastifyInstance {
    /** 'GET /api/x' → its declared access (the authorization matrix test reads it). */
    routeAccess: Map<string, RouteAccess>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 30_000;
const UNDECLARED_OK = ['/api/docs'];

export function sessionPolicy(config: Config): SessionPolicy {
  return { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionAbsoluteHours * 3_600_000 };
}

export async function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config; clock: Clock; csrfKey: Buffer }): Promise<void> {
  const { db, config, clock, csrfKey } = deps;
  const policy = sessionPolicy(config);
  await app.register(cookie);

  const routeAccess = new Map<string, RouteAccess>();
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || UNDECLARED_OK.some((p) => route.url.startsWith(p))) return;
    const access = route.config?.access;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access (config.access)`);
    for (const m of methods) routeAccess.set(`${m} ${route.url}`, access);
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('authSession', null);
  app.decorateRequest('requestInfo', function (this: FastifyRequest): RequestInfo {
    return { requestId: String(this.id), ip: this.ip, userAgent: this.headers['user-agent']?.slice(0, 300) ?? null };
  });
  app.decorateRequest('ctx', function (this: FastifyRequest): Context {
    if (!this.actor) throw authError('auth.unauthenticated');
    return { actor: this.actor, request: this.requestInfo() };
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access) return; // not an API route (web app, docs, 404)

    const token = req.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const session = await findSessionByToken(db, token);
      const now = clock();
      const reason = session && sessionEndReason(session, policy, now.getTime());
      if (session && reason) {
        if (reason !== 'ended') await endSession(db, session.id, reason, now);
        expired = true;
      } else if (session) {
        const actor = await loadActor(db, session);
        if (actor) {
          req.actor = actor;
          req.authSession = session;
          if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
            await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', session.id).execute();
            req.authSession = { ...session, last_seen_at: now }; // so /api/auth/me reports the slid idle expiry
          }
        } else {
          await endSession(db, session.id, 'user_disabled', now);
          expired = true;
        }
      }
    }

    if (!SAFE_METHODS.has(req.method)) {
      checkOrigin(req);
      const session = req.authSession;
      // Public routes (sign-in, setup) do not act with the session's authority: no token needed.
      if (session && !('public' in access)) {
        if (!csrfTokenMatches(csrfKey, session.token_hash, req.headers['x-csrf-token'])) throw authError('auth.csrf');
      }
    }

    if ('public' in access) return;
    const session = req.authSession;
    if (!session || !req.actor) throw authError(expired ? 'auth.session_expired' : 'auth.unauthenticated');
    const incompleteOk = 'signedIn' in access && access.allowIncomplete;
    if (session.state !== 'active' && !incompleteOk) throw authError('auth.step_incomplete', { state: session.state });
    if ('permission' in access) {
      if (!can(req.actor, access.permission)) throw authError('auth.forbidden');
      if (access.reauth) requireRecentReauth(req.actor, clock(), config.reauthMinutes * 60_000);
    }
  });
}

/**
 * A browser request from another site carries its Origin: refuse it. `req.host`
 * honours X-Forwarded-Host when TRUST_PROXY is on, so a proxy in front is fine.
 */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw authError('auth.csrf');
  }
  if (host !== req.host) throw authError('auth.csrf');
}

async function loadActor(db: Db, session: SessionRow): Promise<Actor | null> {
  const user = await findUserById(db, session.user_id);
  if (!user || user.status !== 'active') return null;
  return actorForUser(db, user, session.id, session.reauthenticated_at ? new Date(session.reauthenticated_at) : null);
}
