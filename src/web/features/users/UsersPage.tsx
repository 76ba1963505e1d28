// /admin/pengguna: users, filtered and paged by the server; actions as the server allows.
import { ActionIcon, Badge, Button, Group, Menu, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../../common/format.ts';
import type { UserAction, UserView } from '../../../common/users.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { AdminTabs } from './AdminTabs.tsx';
import { GeneratedPassword } from './GeneratedPassword.tsx';
import { ScopeText } from './ScopeText.tsx';
import { roleName, UserFormModal } from './UserFormModal.tsx';
import { useRoles, useUserAction, useUserList, type ConfirmedAction } from './users.api.ts';

const PAGE_SIZE = 25;

export function UsersPage() {
  const { t } = useTranslation('admin');
  const language = useDisplayLanguage();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const status = params.get('status') === 'active' || params.get('status') === 'disabled' ? (params.get('status') as 'active' | 'disabled') : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('users.title'));

  const [searchText, setSearchText] = useState(q);
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: key !== 'page' });
  };
  useEffect(() => {
    if (debounced !== q) setParam('q', debounced || null);
  }, [debounced]);

  const list = useUserList({
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
    ...(status ? { status } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const roles = useRoles();
  const roleOf = (key: string) => roles.data?.find((r) => r.key === key);
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;

  const [formTarget, setFormTarget] = useState<UserView | 'new' | null>(null);
  const [generated, setGenerated] = useState<{ username: string; password: string | null } | null>(null);
  const [pending, setPending] = useState<{ user: UserView; action: ConfirmedAction } | null>(null);
  const action = useUserAction();

  const runAction = () => {
    if (!pending) return;
    action.mutate(
      { id: pending.user.id, action: pending.action },
      {
        onSuccess: (password) => {
          const username = pending.user.username;
          setPending(null);
          if (password) setGenerated({ username, password });
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <AdminTabs current="users" />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            w={{ base: '100%', xs: 240 }}
          />
          <Select
            label={t('users.role')}
            placeholder={t('users.allRoles')}
            data={(roles.data ?? []).map((r) => ({ value: r.key, label: roleName(r, r.key, language) }))}
            value={role || null}
            onChange={(value) => setParam('role', value)}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
          <Select
            label={t('users.status')}
            placeholder={t('users.allStatuses')}
            data={[
              { value: 'active', label: t('status.active') },
              { value: 'disabled', label: t('status.disabled') },
            ]}
            value={status ?? null}
            onChange={(value) => setParam('status', value)}
            clearable
            w={{ base: '100%', xs: 160 }}
          />
        </Group>
        {can(session, 'user.manage') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setFormTarget('new')}>
            {t('users.create')}
          </Button>
        )}
      </Group>

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('users.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}

      {list.error ? (
        <ErrorState title={t('users.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{t('users.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="sm" highlightOnHover aria-label={t('users.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.name')}</Table.Th>
                  <Table.Th scope="col">{t('users.roles')}</Table.Th>
                  <Table.Th scope="col">{t('users.scope')}</Table.Th>
                  <Table.Th scope="col">{t('users.status')}</Table.Th>
                  <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                  <Table.Th scope="col" w={60}>
                    <Text span size="sm" fw={700}>
                      {t('users.actions')}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {user.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.roles.map((key) => (
                          <Badge key={key} variant="light" radius="sm" size="sm">
                            {roleName(roleOf(key), key, language)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <ScopeText scope={user.scope} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={user.status === 'active' ? 'teal' : 'gray'} variant="light" radius="sm" size="sm">
                          {t(`status.${user.status}`)}
                        </Badge>
                        <Badge color={user.mfaEnabled ? 'teal' : 'yellow'} variant="outline" radius="sm" size="sm">
                          {user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}
                        </Badge>
                        {user.passwordMustChange && (
                          <Badge color="yellow" variant="outline" radius="sm" size="sm">
                            {t('users.mustChange')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">{user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('users.never')}</Table.Td>
                    <Table.Td>
                      <UserActionsMenu
                        user={user}
                        onEdit={() => setFormTarget(user)}
                        onAction={(next) => {
                          action.reset();
                          setPending({ user, action: next });
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={page}
          onChange={(next) => setParam('page', String(next))}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
        />
      )}

      <UserFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onCreated={(username, password) => password && setGenerated({ username, password })}
      />
      <GeneratedPassword username={generated?.username ?? ''} password={generated?.password ?? null} onClose={() => setGenerated(null)} />
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`actions.${pending.action}`) : ''}
        message={pending ? t(`confirm.${pending.action}`, { name: pending.user.displayName, username: pending.user.username }) : ''}
        confirmLabel={pending ? t(`actions.${pending.action}`) : ''}
        danger={pending?.action !== 'enable'}
        loading={action.isPending}
        error={action.error}
        onConfirm={runAction}
        onClose={() => setPending(null)}
      />
    </Stack>
  );
}

const MENU_ORDER: readonly UserAction[] = ['update', 'reset_password', 'reset_mfa', 'end_sessions', 'disable', 'enable'];

function UserActionsMenu({ user, onEdit, onAction }: { user: UserView; onEdit: () => void; onAction: (action: ConfirmedAction) => void }) {
  const { t } = useTranslation('admin');
  const allowed = MENU_ORDER.filter((a) => user.actions.includes(a));
  if (allowed.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: user.displayName })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {allowed.map((a) => (
          <Menu.Item key={a} color={a === 'disable' ? 'red' : undefined} onClick={() => (a === 'update' ? onEdit() : onAction(a))}>
            {t(`actions.${a}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
