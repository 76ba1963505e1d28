// The children of a region (or all provinces), with server-side search and paging.
// Search text and page live in the URL so a list can be bookmarked and shared.
import { Center, Group, Loader, Pagination, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../../common/format.ts';
import type { RegionDetail } from '../../../common/regions.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { RegionTable } from './RegionTable.tsx';
import { useRegionList, type RegionListFilter } from './regions.api.ts';

const PAGE_SIZE = 50;
const MIN_SEARCH_LENGTH = 2;
const SEARCH_DEBOUNCE_MS = 300;

export function RegionChildren({ parent }: { parent: RegionDetail | undefined }) {
  const { t } = useTranslation('regions');
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const [searchText, setSearchText] = useState(query);
  const [debouncedSearch] = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debouncedSearch === query) return;
    setParams(debouncedSearch ? { q: debouncedSearch } : {}, { replace: true });
  }, [debouncedSearch, query, setParams]);

  const activeQuery = query.length >= MIN_SEARCH_LENGTH ? query : undefined;
  const filter: RegionListFilter = {
    ...(parent ? { parent: parent.code } : { level: 'province' }),
    ...(activeQuery ? { q: activeQuery } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useRegionList(filter, { keepPrevious: true });
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const scope = parent?.name ?? t('indonesia');

  const goToPage = (next: number) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set('page', String(next));
    setParams(nextParams);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search.label', { scope })}
          placeholder={t('search.placeholder')}
          description={searchText.trim().length === 1 ? t('search.tooShort', { min: MIN_SEARCH_LENGTH }) : undefined}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 360 }}
        />
        {list.data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
          </Text>
        )}
      </Group>

      {list.error ? (
        <ErrorState title={t('errors.list')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Center py="xl">
          <Loader aria-label={t('loading')} />
        </Center>
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{activeQuery ? t('empty.searchTitle', { query: activeQuery }) : t('empty.title')}</Text>
          <Text size="sm" c="dimmed">
            {activeQuery ? t('empty.searchHelp') : t('empty.help', { name: scope })}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <RegionTable regions={list.data.items} caption={t('table.caption', { name: scope })} />
        </Paper>
      )}

      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={page}
          onChange={goToPage}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
        />
      )}
    </Stack>
  );
}
