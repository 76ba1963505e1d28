// /rapat: meetings of my region or concerning it, filtered, sorted and paged by the server (filters in the address bar).
import { Anchor, Badge, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../../common/format.ts';
import { MEETING_TYPES, type MeetingType } from '../../../common/meetings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SortableTh } from '../../components/SortableTh.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { MEETING_FILTER_KEYS, useMeetingExport, useMeetingList, type MeetingFilter, type MeetingSort } from './meetings.api.ts';
import { MeetingTime } from './meeting-parts.tsx';

const PAGE_SIZE = 25;

function readFilter(params: URLSearchParams): MeetingFilter {
  const filter: Record<string, string> = {};
  for (const key of MEETING_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    filter[key] = value;
  }
  return filter as MeetingFilter;
}

export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useMeetingList({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const exporter = useMeetingExport();
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const { sort: _sort, order: _order, ...narrowing } = filter;
  const activeCount = Object.keys(narrowing).length;
  const [q, setQ] = useState(filter.q ?? '');
  usePageTitle(t('list.title'));

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: key !== 'page' });
  };
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);

  const sortBy = (key: MeetingSort) => {
    const next = new URLSearchParams(params);
    const current = filter.sort ?? 'starts_at';
    const order = filter.order ?? 'desc';
    next.set('sort', key);
    next.set('order', current === key ? (order === 'asc' ? 'desc' : 'asc') : key === 'starts_at' ? 'desc' : 'asc');
    next.delete('page');
    setParams(next, { replace: true });
  };
  const direction = (key: MeetingSort) => ((filter.sort ?? 'starts_at') === key ? (filter.order ?? 'desc') : null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('list.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to="/rapat/tindak-lanjut" variant="default" leftSection={<IconListCheck size={16} aria-hidden />}>
            {t('list.actionItems')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={exporter.isPending} onClick={() => exporter.mutate(filter)}>
            {t('list.export')}
          </Button>
          {can(session, 'meeting.manage') && (
            <Button component={Link} to="/rapat/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('list.create')}
            </Button>
          )}
        </Group>
      </Group>
      <FormError error={exporter.error} />

      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setParam('q', q.trim() || null);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select
              label={t('filters.type')}
              placeholder={t('filters.allTypes')}
              data={MEETING_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
              value={filter.type ?? null}
              onChange={(value) => setParam('type', value)}
              clearable
            />
            <TextInput label={t('filters.q')} value={q} onChange={(event) => setQ(event.currentTarget.value)} onBlur={() => setParam('q', q.trim() || null)} />
            <TextInput type="date" label={t('filters.from')} value={filter.from ?? ''} onChange={(event) => setParam('from', event.currentTarget.value || null)} />
            <TextInput type="date" label={t('filters.to')} value={filter.to ?? ''} onChange={(event) => setParam('to', event.currentTarget.value || null)} />
          </SimpleGrid>
          {activeCount > 0 && (
            <Button variant="subtle" mt="sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('filters.reset')}
            </Button>
          )}
        </form>
      </Paper>

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('list.count', { formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('list.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{activeCount > 0 ? t('list.emptyFiltered') : t('list.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={860} type="native">
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Caption>{t('list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh direction={direction('starts_at')} onSort={() => sortBy('starts_at')} w={190}>
                    {t('fields.date')}
                  </SortableTh>
                  <SortableTh direction={direction('type')} onSort={() => sortBy('type')}>
                    {t('fields.type')}
                  </SortableTh>
                  <SortableTh direction={direction('title')} onSort={() => sortBy('title')}>
                    {t('fields.title')}
                  </SortableTh>
                  <Table.Th scope="col">{t('fields.place')}</Table.Th>
                  <Table.Th scope="col">{t('fields.region')}</Table.Th>
                  <Table.Th scope="col">{t('fields.openItems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td fz="sm">
                      <MeetingTime startsAt={m.startsAt} regionCode={m.regionCode} />
                    </Table.Td>
                    <Table.Td fz="sm">{t(`types.${m.type as MeetingType}`)}</Table.Td>
                    <Table.Td fz="sm">
                      <Anchor component={Link} to={`/rapat/${m.id}`} fz="sm">
                        {m.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td fz="sm">{m.place}</Table.Td>
                    <Table.Td fz="sm">{m.regionName}</Table.Td>
                    <Table.Td fz="sm">
                      <Group gap={6} wrap="nowrap">
                        <Text span fz="sm">
                          {formatNumber(m.openActionItems)}
                        </Text>
                        {m.overdueActionItems > 0 && (
                          <Badge color="red" size="sm">
                            {t('fields.overdueItems')}: {formatNumber(m.overdueActionItems)}
                          </Badge>
                        )}
                      </Group>
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
    </Stack>
  );
}
