// /surat: the letter register, filtered, sorted and paged by the server (filters in the address bar).
import { Anchor, Badge, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateShort, formatNumber } from '../../../common/format.ts';
import { LETTER_TYPES, type Letter } from '../../../common/letters.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SortableTh } from '../../components/SortableTh.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { LETTER_FILTER_KEYS, letterExportUrl, useLetterExport, useLetterList, useLetterUnits, useProgrammeOptions, useSiteOptions, type LetterFilter } from './letters.api.ts';

const PAGE_SIZE = 25;
type SortKey = 'letter_date' | 'number' | 'subject';

function readFilter(params: URLSearchParams): LetterFilter {
  const filter: Record<string, string> = {};
  for (const key of LETTER_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter as LetterFilter;
}

export function LettersPage() {
  const { t } = useTranslation('letters');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useLetterList({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const exporter = useLetterExport();
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const { sort: _sort, ...narrowing } = filter;
  const activeCount = Object.keys(narrowing).length;
  usePageTitle(t('register.title'));

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: key !== 'page' });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('register.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to="/surat/unit" variant="default" leftSection={<IconSettings size={16} aria-hidden />}>
            {t('units.title')}
          </Button>
          <Button
            component="a"
            href={letterExportUrl(filter)}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={exporter.isPending}
            onClick={(event: MouseEvent) => {
              event.preventDefault();
              exporter.mutate(filter);
            }}
          >
            {t('register.export')}
          </Button>
          {can(session, 'letter.manage') && (
            <Button component={Link} to="/surat/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('register.create')}
            </Button>
          )}
        </Group>
      </Group>
      <FormError error={exporter.error} />
      <LetterFilters filter={filter} onChange={setParam} onReset={() => setParams(new URLSearchParams())} />

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('register.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('register.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{activeCount > 0 ? t('register.emptyFiltered') : t('register.empty')}</Text>
        </Paper>
      ) : (
        <LetterTable items={list.data.items} sort={filter.sort ?? '-letter_date'} onSort={(sort) => setParam('sort', sort === '-letter_date' ? null : sort)} />
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

function currentYears(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2014 + 1 }, (_, i) => String(now + 1 - i));
}

function LetterFilters({ filter, onChange, onReset }: { filter: LetterFilter; onChange: (key: string, value: string | null) => void; onReset: () => void }) {
  const { t } = useTranslation('letters');
  const session = useSession();
  const units = useLetterUnits();
  const [searchText, setSearchText] = useState(filter.q ?? '');
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  useEffect(() => {
    if (debounced !== (filter.q ?? '')) onChange('q', debounced || null);
  }, [debounced]);
  const programmes = useProgrammeOptions(can(session, 'program.read'));
  const sites = useSiteOptions(can(session, 'site.read'));
  const years = useMemo(currentYears, []);
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
        />
        <Select
          label={t('fields.type')}
          placeholder={t('filters.all')}
          data={LETTER_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          value={filter.type ?? null}
          onChange={(value) => onChange('type', value)}
          clearable
        />
        <Select
          label={t('fields.status')}
          placeholder={t('filters.all')}
          data={(['draft', 'issued'] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
          value={filter.status ?? null}
          onChange={(value) => onChange('status', value)}
          clearable
        />
        <Select label={t('filters.year')} placeholder={t('filters.all')} data={years} value={filter.year ?? null} onChange={(value) => onChange('year', value)} clearable searchable />
        <Select
          label={t('filters.response')}
          placeholder={t('filters.all')}
          data={[
            { value: 'true', label: t('filters.overdueOnly') },
            { value: 'false', label: t('filters.notOverdue') },
          ]}
          value={filter.overdue ?? null}
          onChange={(value) => onChange('overdue', value)}
          clearable
        />
        {(units.data?.items.length ?? 0) > 1 && (
          <Select
            label={t('fields.unit')}
            placeholder={t('filters.all')}
            data={(units.data?.items ?? []).map((u) => ({ value: String(u.id), label: `${u.code} — ${u.name}` }))}
            value={filter.unitId ?? null}
            onChange={(value) => onChange('unitId', value)}
            clearable
            searchable
          />
        )}
        {programmes.data && programmes.data.items.length > 0 && (
          <Select
            label={t('fields.programme')}
            placeholder={t('filters.all')}
            data={programmes.data.items.map((p) => ({ value: String(p.id), label: p.name }))}
            value={filter.programmeId ?? null}
            onChange={(value) => onChange('programmeId', value)}
            clearable
            searchable
          />
        )}
        {sites.data && sites.data.items.length > 0 && (
          <Select
            label={t('fields.site')}
            placeholder={t('filters.all')}
            data={sites.data.items.map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
            value={filter.siteId ?? null}
            onChange={(value) => onChange('siteId', value)}
            clearable
            searchable
          />
        )}
      </SimpleGrid>
      <Group mt="sm">
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            setSearchText('');
            onReset();
          }}
        >
          {t('filters.reset')}
        </Button>
      </Group>
    </Paper>
  );
}

function SortHeader({ column, sort, onSort, children }: { column: SortKey; sort: string; onSort: (sort: string) => void; children: string }) {
  const active = sort.replace(/^-/, '') === column;
  const descending = sort.startsWith('-');
  return (
    <SortableTh direction={active ? (descending ? 'desc' : 'asc') : null} onSort={() => onSort(active && !descending ? `-${column}` : column)}>
      {children}
    </SortableTh>
  );
}

function LetterTable({ items, sort, onSort }: { items: Letter[]; sort: string; onSort: (sort: string) => void }) {
  const { t } = useTranslation('letters');
  const language = useDisplayLanguage();
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={900} type="native">
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Caption>{t('register.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <SortHeader column="number" sort={sort} onSort={onSort}>
                {t('fields.number')}
              </SortHeader>
              <SortHeader column="letter_date" sort={sort} onSort={onSort}>
                {t('fields.letterDate')}
              </SortHeader>
              <Table.Th scope="col">{t('fields.type')}</Table.Th>
              <SortHeader column="subject" sort={sort} onSort={onSort}>
                {t('fields.subject')}
              </SortHeader>
              <Table.Th scope="col">{t('register.recipients')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((letter) => (
              <Table.Tr key={letter.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/surat/${letter.id}`} fz="sm" ff={letter.number ? 'monospace' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {letter.number ?? (
                      <Badge color="gray" variant="light" radius="sm" size="sm" style={{ cursor: 'pointer' }}>
                        {t('status.draft')}
                      </Badge>
                    )}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateShort(letter.letterDate, language)}
                </Table.Td>
                <Table.Td fz="sm">{t(`types.${letter.type}`)}</Table.Td>
                <Table.Td fz="sm">
                  <Anchor component={Link} to={`/surat/${letter.id}`} fz="sm" c="inherit">
                    {letter.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {letter.unit.code}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">
                  <Group gap={6}>
                    <Text span fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {letter.status === 'issued' && letter.recipientCount > 0
                        ? t('register.answered', { answered: letter.answeredCount, count: letter.recipientCount })
                        : t('register.recipientCount', { count: letter.recipientCount })}
                    </Text>
                    {letter.overdue && (
                      <Badge color="red" variant="light" radius="sm" size="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                        {t('overdue')}
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
  );
}
