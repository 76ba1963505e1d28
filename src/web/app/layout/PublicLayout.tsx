// Screens outside the shell (sign-in): header without navigation, centred content.
import { AppShell, Container } from '@mantine/core';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { SkipLink } from './SkipLink.tsx';

export function PublicLayout() {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <SkipLink />
      <AppHeader />
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size={420} py="xl">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
