import { AppShell, NavLink, ScrollArea } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSignOut } from '../../features/auth/auth.api.ts';
import { useSession } from '../../features/auth/session.ts';
import classes from './AppNavbar.module.css';
import { isActive, visibleNavItems, type NavChild } from './nav-items.ts';

type AppNavbarProps = {
  id: string;
  /** Collapsed into the burger menu (phones): hidden from keyboard and screen readers too. */
  hidden: boolean;
  onNavigate: () => void;
};

/** The child whose path matches the current page most specifically. */
function activeChild(children: readonly NavChild[], pathname: string): NavChild | undefined {
  return children
    .filter((child) => pathname === child.path || pathname.startsWith(`${child.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

export function AppNavbar({ id, hidden, onNavigate }: AppNavbarProps) {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const { pathname } = useLocation();

  return (
    <AppShell.Navbar id={id} p="sm" component="nav" aria-label={t('nav.label')} inert={hidden}>
      <AppShell.Section grow component={ScrollArea}>
        {visibleNavItems(session).map((item) => {
          const { id, icon: Icon, path, children } = item;
          const icon = <Icon size={20} stroke={1.6} aria-hidden />;
          if (path && children) {
            const current = activeChild(children, pathname);
            return (
              <NavLink key={id} component="button" label={t(`nav.items.${id}`)} leftSection={icon} defaultOpened={pathname.startsWith(path)} childrenOffset={32}>
                {children.map((child) => (
                  <NavLink
                    key={child.id}
                    component={RouterNavLink}
                    to={child.path}
                    end
                    label={t(`nav.items.${child.id}`)}
                    active={current?.id === child.id}
                    onClick={onNavigate}
                  />
                ))}
              </NavLink>
            );
          }
          return path ? (
            <NavLink
              key={id}
              component={RouterNavLink}
              to={path}
              // The router's own prefix match would mark "Program" current on a programme's dashboard too.
              end
              label={t(`nav.items.${id}`)}
              leftSection={icon}
              active={isActive(item, pathname)}
              onClick={onNavigate}
            />
          ) : (
            <NavLink
              key={id}
              component="div"
              label={t(`nav.items.${id}`)}
              description={t('nav.comingSoon')}
              leftSection={icon}
              disabled
              aria-disabled
              classNames={{ root: classes.comingSoon }}
            />
          );
        })}
      </AppShell.Section>
      <AppShell.Section pt="sm" className={classes.sessionSection}>
        <NavLink
          component={RouterNavLink}
          to="/akun"
          label={session.displayName ?? ''}
          description={t('userMenu.account')}
          leftSection={<IconUserCircle size={20} stroke={1.6} aria-hidden />}
          active={pathname === '/akun'}
          onClick={onNavigate}
        />
        <NavLink
          component="button"
          label={t('userMenu.signOut')}
          leftSection={<IconLogout size={20} stroke={1.6} aria-hidden />}
          onClick={() => signOut.mutate(false)}
        />
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
