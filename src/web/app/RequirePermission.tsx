import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession, type Permission } from '../features/auth/session.ts';

/** Guards a screen the way the navigation hides it: by permission. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (can(session, permission)) return children;
  return (
    <Alert color="yellow" title={t('forbidden.title')}>
      {t('forbidden.help')}
    </Alert>
  );
}
