// Who is acting, and from where. Every service method takes this first.
import type { Scope } from '../../../common/auth.ts';
import type { Permission } from '../../../common/permissions.ts';

export interface Actor {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  scope: Scope;
  sessionId: number;
  reauthenticatedAt: Date | null;
}

/** An operator at the command line (tuntas user create …): full trust, but audited by name. */
export interface SystemActor {
  kind: 'system';
  username: string;
}

export type AnyActor = Actor | SystemActor;

/** The request facts the audit log records with every event. */
export interface RequestInfo {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface Context {
  actor: AnyActor;
  request: RequestInfo;
}

export const NO_REQUEST: RequestInfo = { requestId: null, ip: null, userAgent: null };

export function cliContext(osUser: string): Context {
  return { actor: { kind: 'system', username: `cli:${osUser}` }, request: NO_REQUEST };
}
