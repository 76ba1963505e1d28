// /registri: the registry, pseudonymous (case code, alias, regency, site, sex),
// filtered and paged by the server; filters live in the address bar.
import { Anchor, Button, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateMedium, formatNumber } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { useWorkingRegion } from '../regions/working-region.tsx';
import { RegionName } from '../sites/site-parts.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { usePersonList, useSiteOptions } from './registry.api.ts';

const PAGE_SIZE = 25;

export function PersonsPage() {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const { code: working } = useWorkingRegion();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const regency = params.get('regency') ?? '';
  const siteId = params.get('siteId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('list.title'));

  const [searchText, setSearchText] = useState(q);
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    if (key === 'regency') next.delete('siteId');
    setParams(next, { replace: key !== 'page' });
  };
  useEffect(() => {
    if (debounced !== q) setParam('q', debounced || null);
  }, [debounced]);

  const filter = { ...(q ? { q } : {}), ...(regency ? { regency } : {}), ...(siteId ? { siteId } : {}) };
  const list = usePersonList({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const regencies = useRegionList({ parent: working.slice(0, 2), limit: 1000, offset: 0 });
  const sites = useSiteOptions(regency || undefined, can(session, 'site.read'));
  const [creating, setCreating] = useState(false);
  const filtered = Object.keys(filter).length > 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{t('list.help')}</Text>
        </div>
        <Group gap="xs">
          {can(session, 'subject_request.read') && (
            <Button component={Link} to="/registri/permintaan" variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />}>
              {t('list.subjectRequests')}
            </Button>
          )}
          {can(session, 'person.manage') && (
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
        {sites.data && sites.data.items.length > 0 && (
          <Select
            label={t('list.site')}
            placeholder={t('list.allSites')}
            data={sites.data.items.map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
            value={siteId || null}
            onChange={(value) => setParam('siteId', value)}
            clearable
            searchable
            w={{ base: '100%', xs: 280 }}
          />
        )}
        {filtered && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setSearchText('');
              setParams(new URLSearchParams());
            }}
          >
            {t('list.reset')}
          </Button>
        )}
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
          <Text fw={500}>{filtered ? t('list.emptyFiltered') : t('list.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Caption>{t('list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.caseCode')}</Table.Th>
                  <Table.Th scope="col">{t('list.alias')}</Table.Th>
                  <Table.Th scope="col">{t('list.regency')}</Table.Th>
                  <Table.Th scope="col">{t('list.site')}</Table.Th>
                  <Table.Th scope="col">{t('list.sex')}</Table.Th>
                  <Table.Th scope="col">{t('list.registeredAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/registri/${p.id}`} size="sm" ff="monospace" fw={500}>
                        {p.caseCode}
                      </Anchor>
                    </Table.Th>
                    <Table.Td fz="sm">{p.alias ?? '—'}</Table.Td>
                    <Table.Td fz="sm">{p.regencyName ?? <RegionName code={p.regencyCode} />}</Table.Td>
                    <Table.Td fz="sm" ff="monospace">
                      {p.siteCode ?? '—'}
                    </Table.Td>
                    <Table.Td fz="sm">{t(`sex.${p.sex}`)}</Table.Td>
                    <Table.Td fz="sm">{formatDateMedium(new Date(p.createdAt), language)}</Table.Td>
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
      <PersonFormModal opened={creating} onClose={() => setCreating(false)} onCreated={(p) => void navigate(`/registri/${p.id}`)} />
    </Stack>
  );
}
