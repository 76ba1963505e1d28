import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSession } from '../../features/auth/session.ts';
import classes from './AppNavbar.module.css';
import { visibleNavItems } from './nav-items.ts';

type AppNavbarProps = {
  id: string;
  /** Collapsed into the burger menu (phones): hidden from keyboard and screen readers too. */
  hidden: boolean;
  onNavigate: () => void;
};

export function AppNavbar({ id, hidden, onNavigate }: AppNavbarProps) {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();

  return (
    <AppShell.Navbar id={id} p="sm" component="nav" aria-label={t('nav.label')} inert={hidden}>
      <AppShell.Section grow component={ScrollArea}>
        {visibleNavItems(session).map(({ id, icon: Icon, path }) =>
          path ? (
            <NavLink
              key={id}
              component={RouterNavLink}
              to={path}
              label={t(`nav.items.${id}`)}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
              active={pathname.startsWith(path)}
              onClick={onNavigate}
            />
          ) : (
            <NavLink
              key={id}
              component="div"
              label={t(`nav.items.${id}`)}
              description={t('nav.comingSoon')}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
              disabled
              aria-disabled
              classNames={{ root: classes.comingSoon }}
            />
          ),
        )}
      </AppShell.Section>
      <AppShell.Section pt="sm" className={classes.sessionSection}>
        <Text size="xs" c="dimmed" px="sm" pb={4}>
          {session.displayName ?? t('session.guest')}
        </Text>
        {session.kind === 'guest' && (
          <NavLink
            component={RouterNavLink}
            to="/masuk"
            label={t('nav.signIn')}
            leftSection={<IconLogin size={20} stroke={1.6} aria-hidden />}
            onClick={onNavigate}
          />
        )}
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
