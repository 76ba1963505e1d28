// Who is using the app and what they may open: the server's session (GET /api/auth/me).
// A 401 means signed out; the state says which sign-in step is still open.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { MeSchema, type Me, type SessionState } from '../../../common/auth.ts';
import type { Permission } from '../../../common/permissions.ts';
import { ApiError, apiGet, setCsrfToken } from '../../lib/api-client.ts';

export type { Permission } from '../../../common/permissions.ts';

export type Session = {
  /** loading: the first /me answer is not in yet; error: the server could not be asked. */
  status: 'loading' | 'error' | 'signedOut' | 'signedIn';
  kind: 'guest' | 'user';
  me: Me | null;
  state: SessionState | null;
  displayName: string | null;
  permissions: ReadonlySet<Permission>;
  error: unknown;
  refetch: () => void;
};

export const SESSION_KEY = ['auth', 'me'] as const;

/** Queries whose data is not personal and may outlive a session. */
const KEPT_ON_SIGN_OUT = new Set<unknown>(['about', 'regions', 'auth', 'setup']);

async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiGet('/api/auth/me', MeSchema, signal ? { signal } : {});
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useSession(): Session {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
    // Keeps the idle timer honest and notices a session ended elsewhere.
    refetchInterval: 5 * 60_000,
  });
  const { data, error, refetch } = query;
  return useMemo<Session>(() => {
    const me = data ?? null;
    const status = data === undefined ? (error ? 'error' : 'loading') : me ? 'signedIn' : 'signedOut';
    return {
      status,
      kind: me ? 'user' : 'guest',
      me,
      state: me?.state ?? null,
      displayName: me?.user.displayName ?? null,
      // Permissions count only once every sign-in step is done.
      permissions: new Set<Permission>(me?.state === 'active' ? me.permissions : []),
      error,
      refetch: () => void refetch(),
    };
  }, [data, error, refetch]);
}

export function can(session: Session, permission: Permission): boolean {
  return session.permissions.has(permission);
}

/** Asks /me again and waits for it (after each sign-in step, before routing on). */
export async function refreshSession(queryClient: QueryClient): Promise<Me | null> {
  return queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: () => fetchMe(), staleTime: 0 });
}

/** Forgets the session and every cached answer that may hold personal data. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_KEY, null);
  queryClient.removeQueries({ predicate: (query) => !KEPT_ON_SIGN_OUT.has(query.queryKey[0]) });
}

/** Where the sign-in flow continues for a session state. */
export const SIGN_IN_PATH = '/masuk';
export const STEP_PATHS: Record<Exclude<SessionState, 'active'>, string> = {
  mfa_required: '/masuk/verifikasi',
  mfa_enrolment_required: '/masuk/aktifkan-mfa',
  password_change_required: '/masuk/ganti-kata-sandi',
};

export function pathForState(state: SessionState, next = '/'): string {
  return state === 'active' ? next : STEP_PATHS[state];
}
