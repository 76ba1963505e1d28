// /kasus/buka: open a case for someone decided eligible in verification who has no case
// in that programme yet (case.manage; case workers see their own persons only). The new
// case opens on its summary, where the worker and supervisor are assigned.
import { Anchor, Button, Group, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCandidates, useOpenCase } from './cases.api.ts';

const PAGE = 50;

export function OpenCasePage() {
  const { t } = useTranslation('cases');
  const language = useDisplayLanguage();
  const navigate = useNavigate();
  usePageTitle(t('open.title'));
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useCandidates({ ...(q.trim() ? { q: q.trim() } : {}), limit: PAGE, offset: (page - 1) * PAGE });
  const open = useOpenCase();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kasus" size="sm">
        ← {t('list.title')}
      </Anchor>
      <div>
        <Title order={1}>{t('open.title')}</Title>
        <Text c="dimmed">{t('open.help')}</Text>
      </div>
      <TextInput label={t('list.search')} value={q} onChange={(e) => (setQ(e.currentTarget.value), setPage(1))} maw={360} />
      <FormError error={open.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState title={t('loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Paper withBorder>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.caseCode')}</Table.Th>
                <Table.Th>{t('fields.programme')}</Table.Th>
                <Table.Th>{t('open.regency')}</Table.Th>
                <Table.Th>{t('open.decidedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed">{t('open.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.data.items.map((c) => (
                <Table.Tr key={`${c.personId}-${c.programmeId}`}>
                  <Table.Td>
                    {c.caseCode}
                    {c.alias && (
                      <Text size="xs" c="dimmed">
                        {c.alias}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.programmeName}</Table.Td>
                  <Table.Td>{c.regencyCode}</Table.Td>
                  <Table.Td>{c.decidedAt ? formatDateTime(c.decidedAt, language) : '—'}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        aria-label={t('open.openFor', { code: c.caseCode })}
                        loading={open.isPending && open.variables.personId === c.personId}
                        onClick={() => open.mutate({ personId: c.personId, programmeId: c.programmeId }, { onSuccess: (opened) => void navigate(`/kasus/${opened.id}`) })}
                      >
                        {t('open.action')}
                      </Button>
                    </Group>
                  </Table.Td>
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
