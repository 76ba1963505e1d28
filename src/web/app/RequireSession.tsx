// Screens inside the shell need a signed-in session with every sign-in step done.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionState } from '../../common/auth.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { pathForState, SIGN_IN_PATH, useSession } from '../features/auth/session.ts';

export type FromState = { from?: string } | null;

/** Where to return once signed in. */
export function useReturnPath(): string {
  const location = useLocation();
  const from = (location.state as FromState)?.from;
  return from && from.startsWith('/') && !from.startsWith('/masuk') ? from : '/';
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const from = location.pathname + location.search;

  if (session.status === 'loading') return <PageLoader />;
  if (session.status === 'error') {
    return <ErrorState title={t('session.loadFailed')} error={session.error} onRetry={session.refetch} />;
  }
  if (!session.me) return <Navigate to={SIGN_IN_PATH} replace state={{ from }} />;
  if (session.me.state !== 'active') return <Navigate to={pathForState(session.me.state)} replace state={{ from }} />;
  return children;
}

/** A sign-in step page: only for a session in one of `states`; others go where they belong. */
export function RequireStep({ states, children }: { states: readonly SessionState[]; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const next = useReturnPath();

  if (session.status === 'loading') return <PageLoader />;
  if (session.status === 'error') {
    return <ErrorState title={t('session.loadFailed')} error={session.error} onRetry={session.refetch} />;
  }
  if (!session.me) return <Navigate to={SIGN_IN_PATH} replace />;
  if (!states.includes(session.me.state)) {
    return <Navigate to={pathForState(session.me.state, next)} replace state={location.state} />;
  }
  return children;
}
