// Every /api route declares who may call it; a route without a declaration
// makes the server refuse to start (fail closed).
import type { Permission } from '../../../common/permissions.ts';

export type RouteAccess =
  /** Anyone, signed in or not (health checks, sign-in, setup). */
  | { public: true }
  /** Any signed-in user; `allowIncomplete` also admits sessions mid-way through sign-in (MFA, password change). */
  | { signedIn: true; allowIncomplete?: boolean }
  /** Users holding the permission; `reauth` also needs a recent password (and MFA) confirmation. */
  | { permission: Permission; reauth?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function describeAccess(access: RouteAccess): string {
  if ('public' in access) return 'public';
  if ('signedIn' in access) return access.allowIncomplete ? 'signed-in (incl. incomplete sign-in)' : 'signed-in';
  return access.reauth ? `${access.permission} + re-authentication` : access.permission;
}
