import { AppShell, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationBell } from '../../features/notifications/NotificationBell.tsx';
import { WorkingRegionButton } from '../../features/regions/WorkingRegionButton.tsx';
import { DemoBadge } from './DemoBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

type AppHeaderProps = {
  /** Omitted on screens without a navigation sidebar (sign-in); there is no user menu either. */
  navbar?: { opened: boolean; toggle: () => void };
};

export function AppHeader({ navbar }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <AppShell.Header component="header">
      <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          {navbar && (
            <Burger
              opened={navbar.opened}
              onClick={navbar.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navbar.opened ? t('nav.close') : t('nav.open')}
              aria-expanded={navbar.opened}
              aria-controls="app-navbar"
            />
          )}
          <UnstyledButton component={Link} to="/" aria-label={t('app.homeLink')}>
            <Group gap={6} wrap="nowrap">
              <IconHeartHandshake size={26} color="var(--mantine-primary-color-filled)" aria-hidden />
              {/* Phones keep the logo only, leaving room for the demo badge. */}
              <Text fw={700} size="lg" visibleFrom="xs">
                {t('app.name')}
              </Text>
            </Group>
          </UnstyledButton>
          <DemoBadge />
        </Group>
        <Group gap={8} wrap="nowrap">
          {navbar && <WorkingRegionButton />}
          <LanguageSwitch />
          {navbar && <NotificationBell />}
          {navbar && <UserMenu />}
        </Group>
      </Group>
    </AppShell.Header>
  );
}
