// /rapat/tindak-lanjut: action items of every meeting I can see, with the overdue filter and a per-owner summary.
import { Anchor, Button, Checkbox, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../../common/format.ts';
import { ACTION_ITEM_STATUSES } from '../../../common/meetings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ActionItemTable } from './ActionItemsSection.tsx';
import { ACTION_ITEM_FILTER_KEYS, useActionItemExport, useActionItemList, useOwnerSummary, type ActionItemFilter } from './meetings.api.ts';

const PAGE_SIZE = 25;

function readFilter(params: URLSearchParams): ActionItemFilter {
  const filter: Record<string, string> = {};
  for (const key of ACTION_ITEM_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter as ActionItemFilter;
}

export function ActionItemsPage() {
  const { t } = useTranslation('meetings');
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useActionItemList({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const owners = useOwnerSummary(filter.region ? { region: filter.region } : {});
  const exporter = useActionItemExport();
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const [owner, setOwner] = useState(filter.owner ?? '');
  useEffect(() => setOwner(filter.owner ?? ''), [filter.owner]);
  usePageTitle(t('items.pageTitle'));

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: key !== 'page' });
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/rapat" size="sm">
        {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('items.pageTitle')}</Title>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={exporter.isPending} onClick={() => exporter.mutate(filter)}>
          {t('items.export')}
        </Button>
      </Group>
      <FormError error={exporter.error} />

      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setParam('owner', owner.trim() || null);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('items.statusFilter')}
              placeholder={t('items.allStatuses')}
              data={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
              value={filter.status ?? null}
              onChange={(value) => setParam('status', value)}
              clearable
            />
            <TextInput label={t('items.ownerFilter')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} onBlur={() => setParam('owner', owner.trim() || null)} />
            <Checkbox
              mt={{ sm: 'xl' }}
              label={t('items.overdueOnly')}
              checked={filter.overdue === 'true'}
              onChange={(e) => setParam('overdue', e.currentTarget.checked ? 'true' : null)}
            />
          </SimpleGrid>
        </form>
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('items.byOwner')}
        </Title>
        {owners.error ? (
          <ErrorState title={t('items.loadFailed')} error={owners.error} onRetry={() => void owners.refetch()} />
        ) : !owners.data ? (
          <PageLoader />
        ) : owners.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('items.byOwnerEmpty')}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Caption>{t('items.byOwnerCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('items.owner')}</Table.Th>
                <Table.Th scope="col">{t('items.open')}</Table.Th>
                <Table.Th scope="col">{t('items.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {owners.data.items.map((o) => (
                <Table.Tr key={`${o.ownerKind}:${o.ownerInstitution ?? o.ownerUserId}`}>
                  <Table.Td fz="sm">
                    <UnstyledButton
                      fz="sm"
                      td="underline"
                      aria-label={t('items.showOwner', { name: o.ownerName })}
                      onClick={() => setParam('owner', o.ownerKind === 'user' ? String(o.ownerUserId) : (o.ownerInstitution ?? ''))}
                    >
                      {o.ownerName}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td fz="sm">{formatNumber(o.open)}</Table.Td>
                  <Table.Td fz="sm" c={o.overdue > 0 ? 'red.8' : undefined} fw={o.overdue > 0 ? 600 : undefined}>
                    {formatNumber(o.overdue)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('items.count', { formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('items.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{Object.keys(filter).length > 0 ? t('items.emptyFiltered') : t('items.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <ActionItemTable
            items={list.data.items}
            showMeeting
            meetingLink={(item) => (
              <Anchor component={Link} to={`/rapat/${item.meetingId}`} fz="sm">
                {item.meetingTitle}
              </Anchor>
            )}
          />
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
    </Stack>
  );
}
