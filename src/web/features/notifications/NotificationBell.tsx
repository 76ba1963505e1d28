// Header bell: unread count, and the latest notifications in a popover.
import { ActionIcon, Badge, Box, Button, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useMarkRead, useNotifications, type Notification } from './notifications.api.ts';

export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications(true);
  const unread = notifications.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label');

  return (
    <Popover width={340} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon variant="default" size="lg" aria-label={label}>
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Text fw={600} size="sm" p="sm" pb={4}>
          {t('notifications.title')}
        </Text>
        {notifications.error ? (
          <Box p="sm">
            <ErrorState title={t('notifications.loadFailed')} error={notifications.error} onRetry={() => void notifications.refetch()} />
          </Box>
        ) : !notifications.data || notifications.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {notifications.data ? t('notifications.empty') : t('loading')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={400}>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {notifications.data.items.map((item) => (
                <NotificationItem key={item.id} item={item} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({ item }: { item: Notification }) {
  const { t } = useTranslation();
  const language = useDisplayLanguage();
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  return (
    <Box component="li" px="sm" py="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} bg={unread ? 'teal.0' : undefined}>
      <Text size="sm" fw={unread ? 600 : 400}>
        {unread && (
          <Badge size="xs" color="red" mr={6} radius="sm">
            {t('notifications.new')}
          </Badge>
        )}
        {item.title}
      </Text>
      <Text size="sm">{item.body}</Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(item.createdAt, language)}
      </Text>
      {unread && (
        <Button variant="subtle" size="compact-xs" mt={2} loading={markRead.isPending} onClick={() => markRead.mutate(item.id)}>
          {t('notifications.markRead')}
        </Button>
      )}
    </Box>
  );
}

