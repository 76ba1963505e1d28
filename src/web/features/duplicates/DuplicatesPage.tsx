// /registri/duplikat: the duplicate review queue — candidate pairs (both sides
// pseudonymous; the side outside the reader's scope greyed), filtered by status and
// regency and paged by the server (filters in the address bar), and the matcher's
// runs with their progress.
import { Anchor, Breadcrumbs, Button, Group, Pagination, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CANDIDATE_STATUSES, type CandidateStatus } from '../../../common/duplicates.ts';
import { formatNumber } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { useWorkingRegion } from '../regions/working-region.tsx';
import { useCandidates } from './duplicates.api.ts';
import { ReasonBadges, ScoreBadge, SideCell, StatusBadge } from './duplicate-parts.tsx';
import { RunsPanel } from './RunsPanel.tsx';

const PAGE_SIZE = 25;
/** Without a status in the address the queue shows what still needs a reviewer. */
const DEFAULT_STATUS: CandidateStatus = 'open';

export function DuplicatesPage() {
  const { t } = useTranslation('duplicates');
  const { code: working } = useWorkingRegion();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = statusParam === 'all' ? undefined : ((CANDIDATE_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as CandidateStatus) : DEFAULT_STATUS);
  const regency = params.get('regency') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('title'));

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: key !== 'page' });
  };
  const list = useCandidates({ ...(status ? { status } : {}), ...(regency ? { regency } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const regencies = useRegionList({ parent: working.slice(0, 2), limit: 1000, offset: 0 });
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const filtered = statusParam !== null || regency !== '';

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/registri" size="sm">
          {t('registry')}
        </Anchor>
        <Text size="sm">{t('title')}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('help')}</Text>
      </div>

      <RunsPanel />

      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('filters.status')}
          data={[{ value: 'all', label: t('filters.all') }, ...CANDIDATE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          value={status ?? 'all'}
          onChange={(v) => setParam('status', v === DEFAULT_STATUS ? null : v)}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('filters.regency')}
          placeholder={t('filters.allRegencies')}
          data={(regencies.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          value={regency || null}
          onChange={(v) => setParam('regency', v)}
          clearable
          searchable
          w={{ base: '100%', xs: 260 }}
        />
        {filtered && (
          <Button variant="subtle" size="xs" onClick={() => setParams(new URLSearchParams())}>
            {t('filters.reset')}
          </Button>
        )}
      </Group>

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{status === undefined && !regency ? t('emptyAll') : t('empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={860} type="native">
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Caption>{t('caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('columns.score')}</Table.Th>
                  <Table.Th scope="col">{t('columns.reasons')}</Table.Th>
                  <Table.Th scope="col">{t('columns.a')}</Table.Th>
                  <Table.Th scope="col">{t('columns.b')}</Table.Th>
                  <Table.Th scope="col">{t('columns.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('columns.open')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <ScoreBadge score={c.score} />
                    </Table.Td>
                    <Table.Td maw={280}>
                      <ReasonBadges reasons={c.reasons} />
                    </Table.Td>
                    <Table.Td>
                      <SideCell side={c.a} />
                    </Table.Td>
                    <Table.Td>
                      <SideCell side={c.b} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>
                      <Button component={Link} to={`/registri/duplikat/${c.id}`} size="compact-sm" variant="light" aria-label={t('openPair', { a: c.a.caseCode, b: c.b.caseCode })}>
                        {t('columns.open')}
                      </Button>
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
        />
      )}
    </Stack>
  );
}
