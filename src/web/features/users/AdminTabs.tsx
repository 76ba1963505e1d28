import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useSession } from '../auth/session.ts';

/** Pengguna | Peran: two pages of the admin module, as tabs. */
export function AdminTabs({ current }: { current: 'users' | 'roles' }) {
  const { t } = useTranslation('admin');
  const session = useSession();
  const navigate = useNavigate();
  return (
    <Tabs value={current} onChange={(value) => void navigate(value === 'roles' ? '/admin/peran' : '/admin/pengguna')} keepMounted={false}>
      <Tabs.List>
        {can(session, 'user.read') && <Tabs.Tab value="users">{t('tabs.users')}</Tabs.Tab>}
        {can(session, 'role.manage') && <Tabs.Tab value="roles">{t('tabs.roles')}</Tabs.Tab>}
      </Tabs.List>
    </Tabs>
  );
}
