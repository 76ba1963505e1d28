// /kasus: cases the user may see — a case worker's caseload, or the office's cases — with filters.
import { Anchor, Badge, Button, Checkbox, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, type CaseStatusValue } from '../../../common/cases.ts';
import { formatDateMedium as formatDate } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useCases, type CaseFilter } from './cases.api.ts';

const PAGE = 50;

export function CasesPage() {
  const { t, i18n } = useTranslation('cases');
  usePageTitle(t('list.title'));
  const session = useSession();
  const [status, setStatus] = useState<CaseStatusValue | 'open' | ''>('open');
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const filter: CaseFilter = {
    ...(status ? { status } : {}),
    ...(mine ? { mine: 'true' as const } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useCases(filter);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{t('list.help')}</Text>
        </div>
        {can(session, 'case.manage') && (
          <Button component={Link} to="/kasus/buka">
            {t('open.title')}
          </Button>
        )}
      </Group>
      <Group align="end">
        <Select
          label={t('list.status')}
          value={status}
          onChange={(v) => { setStatus((v ?? '') as typeof status); setPage(1); }}
          data={[{ value: '', label: t('list.all') }, { value: 'open', label: t('list.open') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <TextInput label={t('list.search')} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
        <Checkbox label={t('list.mine')} checked={mine} onChange={(e) => { setMine(e.currentTarget.checked); setPage(1); }} />
        <Checkbox label={t('list.overdue')} checked={overdue} onChange={(e) => { setOverdue(e.currentTarget.checked); setPage(1); }} />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState title={t('loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.caseCode')}</Table.Th>
                <Table.Th>{t('fields.programme')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('fields.caseWorker')}</Table.Th>
                <Table.Th>{t('fields.tasks')}</Table.Th>
                <Table.Th>{t('fields.openedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed">{t('list.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/kasus/${c.id}`}>
                      {c.caseCode}
                    </Anchor>
                    {c.alias && <Text size="xs" c="dimmed">{c.alias}</Text>}
                  </Table.Td>
                  <Table.Td>{c.programmeName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`status.${c.status}`)}</Badge>
                    {c.closureRequested && <Badge ml={4} color="orange" variant="light">{t('closure.pending')}</Badge>}
                  </Table.Td>
                  <Table.Td>{c.caseWorker?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {c.openTasks}
                    {c.overdueTasks > 0 && <Badge ml={4} color="red" variant="light">{t('tasks.overdueCount', { count: c.overdueTasks })}</Badge>}
                  </Table.Td>
                  <Table.Td>{formatDate(new Date(c.openedAt), lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {list.data && list.data.total > PAGE && <Pagination total={Math.ceil(list.data.total / PAGE)} value={page} onChange={setPage} />}
    </Stack>
  );
}
