// /lokasi: the site registry, filtered, sorted and paged by the server.
import { Anchor, Button, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateMedium, formatDateTime, formatNumber } from '../../../common/format.ts';
import { SITE_SORTS, SITE_STATUSES } from '../../../common/sites.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SortableTh } from '../../components/SortableTh.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { useWorkingRegion } from '../regions/working-region.tsx';
import { RegionName, SiteStatusBadge } from './site-parts.tsx';
import { SiteFormModal } from './SiteFormModal.tsx';
import { sitesExportUrl, useSiteList, type SiteSort } from './sites.api.ts';

const PAGE_SIZE = 25;

type SortColumn = 'code' | 'name' | 'status' | 'updatedAt' | 'closureDate' | 'latestWorkers';

export function SitesPage() {
  const { t } = useTranslation('sites');
  const language = useDisplayLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const { code: working } = useWorkingRegion();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const regency = params.get('regency') ?? '';
  const statusParam = params.get('status');
  const status = SITE_STATUSES.find((s) => s === statusParam);
  const sort: SiteSort = SITE_SORTS.find((s) => s === params.get('sort')) ?? 'code';
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('list.title'));

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

  const filter = {
    ...(q ? { q } : {}),
    ...(regency ? { regency } : {}),
    ...(status ? { status } : {}),
    sort,
  };
  const list = useSiteList({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const regencies = useRegionList({ parent: working.slice(0, 2), limit: 1000, offset: 0 });
  const [creating, setCreating] = useState(false);

  const column = sort.replace(/^-/, '') as SortColumn;
  const direction = (c: SortColumn) => (column === c ? (sort.startsWith('-') ? 'desc' : 'asc') : null);
  const onSort = (c: SortColumn) => setParam('sort', direction(c) === 'asc' ? `-${c}` : c);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{t('list.help')}</Text>
        </div>
        <Group gap="xs">
          <Button component="a" href={sitesExportUrl(filter, language)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('export')}
          </Button>
          {can(session, 'site.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={t('list.regency')}
          placeholder={t('list.allRegencies')}
          data={(regencies.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          value={regency || null}
          onChange={(value) => setParam('regency', value)}
          clearable
          searchable
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('list.status')}
          placeholder={t('list.allStatuses')}
          data={SITE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status ?? null}
          onChange={(value) => setParam('status', value)}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
      </Group>

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('list.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}

      {list.error ? (
        <ErrorState title={t('list.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{q || regency || status ? t('list.emptyFiltered') : t('list.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Caption>{t('list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh direction={direction('code')} onSort={() => onSort('code')}>
                    {t('list.code')}
                  </SortableTh>
                  <SortableTh direction={direction('name')} onSort={() => onSort('name')}>
                    {t('list.name')}
                  </SortableTh>
                  <Table.Th scope="col">{t('list.regency')}</Table.Th>
                  <SortableTh direction={direction('status')} onSort={() => onSort('status')}>
                    {t('list.status')}
                  </SortableTh>
                  <SortableTh direction={direction('latestWorkers')} onSort={() => onSort('latestWorkers')}>
                    {t('list.latestCount')}
                  </SortableTh>
                  <SortableTh direction={direction('closureDate')} onSort={() => onSort('closureDate')}>
                    {t('list.closureDate')}
                  </SortableTh>
                  <SortableTh direction={direction('updatedAt')} onSort={() => onSort('updatedAt')}>
                    {t('list.updatedAt')}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((site) => (
                  <Table.Tr key={site.id}>
                    <Table.Td fz="sm" ff="monospace">
                      {site.code}
                    </Table.Td>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/lokasi/${site.id}`} size="sm" fw={500}>
                        {site.name}
                      </Anchor>
                      {site.localNames.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {site.localNames.join(', ')}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td fz="sm">
                      <RegionName code={site.regencyCode} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <SiteStatusBadge status={site.status} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      {site.latestHeadCount ? (
                        <>
                          {t('list.workers', { count: site.latestHeadCount.workers, formatted: formatNumber(site.latestHeadCount.workers) })}
                          <Text size="xs" c="dimmed">
                            {formatDateMedium(site.latestHeadCount.countedOn, language)}
                          </Text>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td fz="sm">{site.closureDate ? formatDateMedium(site.closureDate, language) : '—'}</Table.Td>
                    <Table.Td fz="sm">{formatDateTime(site.updatedAt, language)}</Table.Td>
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

      <SiteFormModal target={creating ? 'new' : null} onClose={() => setCreating(false)} onCreated={(site) => void navigate(`/lokasi/${site.id}`)} />
    </Stack>
  );
}
