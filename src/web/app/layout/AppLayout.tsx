// The signed-in shell: header, module navigation (a burger menu on phones) and the page.
import { AppShell, em } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { AppNavbar } from './AppNavbar.tsx';
import { SkipLink } from './SkipLink.tsx';

/** Mantine's "sm" breakpoint (48em); below it the navbar becomes a burger menu. */
const NAVBAR_BREAKPOINT_PX = 768;

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery(`(max-width: ${em(NAVBAR_BREAKPOINT_PX - 1)})`);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: NAVBAR_BREAKPOINT_PX, collapsed: { mobile: !opened } }} padding="md">
      <SkipLink />
      <AppHeader navbar={{ opened, toggle }} />
      <AppNavbar id="app-navbar" hidden={isPhone === true && !opened} onNavigate={close} />
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
