// /registri/permintaan: the register of data-subject requests (UU 27/2022) in my
// region, waiting ones first with due and overdue badges; answer, refuse and
// download the access export from here. Filters live in the address bar.
import { Anchor, Group, Pagination, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, formatNumber } from '../../../common/format.ts';
import { SUBJECT_REQUEST_KINDS, SUBJECT_REQUEST_STATUSES, type SubjectRequestKind, type SubjectRequestStatus } from '../../../common/registry-rights.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSubjectRequests } from './registry.api.ts';
import { DueBadge, RequestActions, RequestFacts, RequestStatusBadge } from './subject-request-parts.tsx';

const PAGE_SIZE = 25;

export function SubjectRequestsPage() {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const [params, setParams] = useSearchParams();
  const status = SUBJECT_REQUEST_STATUSES.find((s) => s === params.get('status')) as SubjectRequestStatus | undefined;
  const kind = SUBJECT_REQUEST_KINDS.find((k) => k === params.get('kind')) as SubjectRequestKind | undefined;
  const overdueParam = params.get('overdue');
  const overdue: 'true' | 'false' | undefined = overdueParam === 'true' || overdueParam === 'false' ? overdueParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('requests.title'));

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: key !== 'page' });
  };
  const filter = { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(overdue ? { overdue } : {}) };
  const list = useSubjectRequests({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;
  const filtered = Object.keys(filter).length > 0;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('requests.title')}</Title>
        <Text c="dimmed">{t('requests.help')}</Text>
      </div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('requests.status')}
          placeholder={t('requests.all')}
          data={SUBJECT_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.statuses.${s}`) }))}
          value={status ?? null}
          onChange={(v) => setParam('status', v)}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label={t('requests.kind')}
          placeholder={t('requests.all')}
          data={SUBJECT_REQUEST_KINDS.map((k) => ({ value: k, label: t(`requests.kinds.${k}`) }))}
          value={kind ?? null}
          onChange={(v) => setParam('kind', v)}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label={t('requests.overdueFilter')}
          placeholder={t('requests.all')}
          data={[
            { value: 'true', label: t('requests.overdueOnly') },
            { value: 'false', label: t('requests.notOverdue') },
          ]}
          value={overdue ?? null}
          onChange={(v) => setParam('overdue', v)}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
      </Group>

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('requests.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('requests.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{filtered ? t('requests.emptyFiltered') : t('requests.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={980} type="native">
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Caption>{t('requests.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">{t('requests.person')}</Table.Th>
                  <Table.Th scope="col">{t('requests.kind')}</Table.Th>
                  <Table.Th scope="col">{t('requests.receivedAt')}</Table.Th>
                  <Table.Th scope="col">{t('requests.dueAt')}</Table.Th>
                  <Table.Th scope="col">{t('requests.status')}</Table.Th>
                  <Table.Th scope="col" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td fz="sm">{r.id}</Table.Td>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/registri/${r.personId}`} size="sm" ff="monospace">
                        {r.caseCode}
                      </Anchor>
                    </Table.Th>
                    <Table.Td fz="sm">
                      {t(`requests.kinds.${r.kind}`)}
                      <Text size="xs" c="dimmed">
                        {t(`requests.channels.${r.channel}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(r.receivedAt, language)}
                    </Table.Td>
                    <Table.Td>
                      <DueBadge request={r} />
                    </Table.Td>
                    <Table.Td maw={320}>
                      <RequestStatusBadge status={r.status} />
                      <RequestFacts request={r} />
                    </Table.Td>
                    <Table.Td>
                      <RequestActions request={r} />
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
