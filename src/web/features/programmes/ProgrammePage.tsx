// /program/:id: a programme's details and, for a provincial one, its regencies/cities with
// status, target date and lateness (filtered, sorted and paged by the server).
import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconDownload, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateMedium, formatDateTime, formatNumber } from '../../../common/format.ts';
import { REGION_STATUSES, type ProgrammeRegionView, type ProgrammeView, type RegionStatus } from '../../../common/programmes.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Fact } from '../../components/Fact.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SortableTh } from '../../components/SortableTh.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useRegion } from '../regions/regions.api.ts';
import { AddRegionModal } from './AddRegionModal.tsx';
import { ChangeStatusModal } from './ChangeStatusModal.tsx';
import { ProgrammeFormModal } from './ProgrammeFormModal.tsx';
import { regionsExportUrl, useProgramme, useProgrammeRegions, useProgrammes, type RegionSort } from './programmes.api.ts';
import { RegionDrawer } from './RegionDrawer.tsx';
import { daysLate, RegionStatusBadge } from './region-status.tsx';

const PAGE_SIZE = 25;
const SORTS: readonly RegionSort[] = ['region_code', 'target_date', 'status'];

export function ProgrammePage() {
  const { t } = useTranslation('programmes');
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const programme = useProgramme(valid ? id : 0);
  const all = useProgrammes();
  const [editing, setEditing] = useState(false);
  usePageTitle(programme.data?.name ?? t('list.title'));

  if (!valid) return <NotFoundPage />;
  if (programme.error) {
    return (
      <ErrorState title={t('detail.loadFailed')} error={programme.error} onRetry={() => void programme.refetch()}>
        <Anchor component={Link} to="/program" size="sm">
          {t('detail.backToList')}
        </Anchor>
      </ErrorState>
    );
  }
  if (!programme.data) return <PageLoader />;
  const p = programme.data;
  const nationals = (all.data?.items ?? []).filter((x) => x.level === 'national');
  const parent = p.parentId ? all.data?.items.find((x) => x.id === p.parentId) : undefined;
  const provincial = (all.data?.items ?? []).filter((x) => x.parentId === p.id);

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('detail.breadcrumbs')}>
        <Anchor component={Link} to="/program" size="sm">
          {t('list.title')}
        </Anchor>
        {parent && (
          <Anchor component={Link} to={`/program/${parent.id}`} size="sm">
            {parent.name}
          </Anchor>
        )}
        <Text size="sm">{p.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{p.name}</Title>
          <Badge variant="light" radius="sm" mt={4}>
            {t(`level.${p.level}`)}
          </Badge>
        </div>
        <Group gap="xs">
          <Button component={Link} to={`/program/${p.id}/dasbor`} variant="light" leftSection={<IconChartBar size={16} aria-hidden />}>
            {t('detail.dashboard')}
          </Button>
          {p.actions.includes('update') && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('list.edit')}
            </Button>
          )}
        </Group>
      </Group>

      <ProgrammeDetails programme={p} parent={parent} />

      {p.level === 'province' && p.regionCode ? (
        <RegionsSection programme={p} provinceCode={p.regionCode} />
      ) : (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('detail.provincialTitle')}
          </Title>
          {provincial.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('list.noProvincial')}
            </Text>
          ) : (
            <Stack gap={4}>
              {provincial.map((child) => (
                <Anchor key={child.id} component={Link} to={`/program/${child.id}`} size="sm">
                  {child.name}
                </Anchor>
              ))}
            </Stack>
          )}
        </Paper>
      )}

      <ProgrammeFormModal target={editing ? p : null} nationals={nationals} onClose={() => setEditing(false)} />
    </Stack>
  );
}

function ProgrammeDetails({ programme: p, parent }: { programme: ProgrammeView; parent: ProgrammeView | undefined }) {
  const { t } = useTranslation('programmes');
  const language = useDisplayLanguage();
  const province = useRegion(p.regionCode ?? undefined);
  const rows: [string, string][] = [
    [t('detail.owner'), p.owner],
    [t('detail.targetDate'), p.targetDate ? formatDateMedium(p.targetDate, language) : t('list.noTarget')],
  ];
  if (p.regionCode) rows.push([t('detail.province'), province.data ? `${province.data.name} (${p.regionCode})` : p.regionCode]);
  if (parent) rows.push([t('detail.parent'), parent.name]);
  rows.push([t('detail.updatedAt'), formatDateTime(p.updatedAt, language)]);
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Fact key={label} label={label}>
            {value}
          </Fact>
        ))}
      </SimpleGrid>
      {p.description && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.description}
        </Text>
      )}
    </Paper>
  );
}

function isStatus(value: string | null): value is RegionStatus {
  return value !== null && (REGION_STATUSES as readonly string[]).includes(value);
}

function RegionsSection({ programme, provinceCode }: { programme: ProgrammeView; provinceCode: string }) {
  const { t } = useTranslation('programmes');
  const language = useDisplayLanguage();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const sortParam = params.get('sort');
  const sort: RegionSort = SORTS.find((s) => s === sortParam) ?? 'region_code';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [searchText, setSearchText] = useState(q);
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  const setParam = (updates: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(updates)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in updates)) next.delete('page');
    setParams(next, { replace: !('page' in updates) });
  };
  useEffect(() => {
    if (debounced !== q) setParam({ q: debounced || null });
  }, [debounced]);
  const onSort = (column: RegionSort) => setParam({ sort: column, order: sort === column && order === 'asc' ? 'desc' : 'asc' });

  const filter = { ...(status ? { status } : {}), ...(q ? { q } : {}), sort, order, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } as const;
  const list = useProgrammeRegions(programme.id, filter);
  const reopened = useProgrammeRegions(programme.id, { status: 'reopened', sort: 'region_code', order: 'asc', limit: 200, offset: 0 });
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;

  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<ProgrammeRegionView | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="programme-regions">
      <Title order={2} size="h3" id="programme-regions">
        {t('regions.title')}
      </Title>
      {reopened.data && reopened.data.items.length > 0 && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} title={t('alerts.reopenedTitle')} role="alert">
          {t('alerts.reopenedMany', { names: reopened.data.items.map((r) => r.regionName).join(', ') })}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('regions.search')}
            placeholder={t('regions.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            w={{ base: '100%', xs: 240 }}
          />
          <Select
            label={t('regions.statusFilter')}
            placeholder={t('regions.allStatuses')}
            data={REGION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={status ?? null}
            onChange={(value) => setParam({ status: value })}
            clearable
            w={{ base: '100%', xs: 240 }}
          />
        </Group>
        <Group gap="xs">
          <Button
            component="a"
            href={regionsExportUrl(programme.id, { ...(status ? { status } : {}), ...(q ? { q } : {}), sort, order }, language)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('export')}
          </Button>
          {programme.actions.includes('add_region') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('regions.add')}
            </Button>
          )}
        </Group>
      </Group>
      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('regions.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('regions.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{status || q ? t('regions.emptyFiltered') : t('regions.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={820} type="native">
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Caption>{t('regions.caption', { name: programme.name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh direction={sort === 'region_code' ? order : null} onSort={() => onSort('region_code')}>
                    {t('regions.region')}
                  </SortableTh>
                  <SortableTh direction={sort === 'status' ? order : null} onSort={() => onSort('status')}>
                    {t('regions.status')}
                  </SortableTh>
                  <SortableTh direction={sort === 'target_date' ? order : null} onSort={() => onSort('target_date')}>
                    {t('regions.targetDate')}
                  </SortableTh>
                  <Table.Th scope="col">{t('regions.late')}</Table.Th>
                  <Table.Th scope="col">{t('regions.statusSince')}</Table.Th>
                  <Table.Th scope="col">{t('list.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((r) => {
                  const late = daysLate(r.targetDate, r.status);
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Th scope="row" fw={500}>
                        <Text size="sm" fw={500}>
                          {r.regionName}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {r.regionCode}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <RegionStatusBadge status={r.status} />
                      </Table.Td>
                      <Table.Td fz="sm">{r.targetDate ? formatDateMedium(r.targetDate, language) : '—'}</Table.Td>
                      <Table.Td fz="sm">
                        {late > 0 ? (
                          <Text span size="sm" c="red" fw={500}>
                            {t('regions.daysLate', { count: late })}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td fz="sm">{formatDateTime(r.statusChangedAt, language)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {r.actions.includes('change_status') && r.nextStatuses.length > 0 && (
                            <Button size="compact-sm" variant="light" onClick={() => setChanging(r)}>
                              {t('regions.changeStatus')}
                            </Button>
                          )}
                          <Button size="compact-sm" variant="subtle" onClick={() => setOpen(r.id)} aria-label={t('regions.detailsOf', { name: r.regionName })}>
                            {t('regions.details')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={page}
          onChange={(next) => setParam({ page: String(next) })}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
        />
      )}
      <AddRegionModal opened={adding} programmeId={programme.id} provinceCode={provinceCode} onClose={() => setAdding(false)} />
      <ChangeStatusModal programmeId={programme.id} region={changing} onClose={() => setChanging(null)} />
      <RegionDrawer programmeId={programme.id} regionId={open} onClose={() => setOpen(null)} onChangeStatus={setChanging} />
    </Stack>
  );
}
