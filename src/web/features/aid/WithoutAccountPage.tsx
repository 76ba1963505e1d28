// /bantuan/tanpa-rekening: eligible persons (or with unpaid entitlements) who have no bank
// account yet, so that the office can help them open one.
import { Anchor, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatRupiah } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useWithoutAccount } from './aid.api.ts';

const PAGE = 50;

export function WithoutAccountPage() {
  const { t } = useTranslation('aid');
  usePageTitle(t('withoutAccount.title'));
  const [offset, setOffset] = useState(0);
  const list = useWithoutAccount({ limit: PAGE, offset });
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('withoutAccount.title')}</Title>
        <Text c="dimmed">{t('withoutAccount.help')}</Text>
      </div>
      {list.error ? (
        <ErrorState title={t('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.total === 0 ? (
        <Text>{t('withoutAccount.none')}</Text>
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('entitlements.caseCode')}</Table.Th>
                <Table.Th>{t('withoutAccount.alias')}</Table.Th>
                <Table.Th>{t('entitlements.regency')}</Table.Th>
                <Table.Th>{t('withoutAccount.site')}</Table.Th>
                <Table.Th ta="right">{t('withoutAccount.unpaid')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/registri/${p.personId}`}>
                      {p.caseCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.alias ?? '—'}</Table.Td>
                  <Table.Td>{p.regencyName ?? p.regencyCode}</Table.Td>
                  <Table.Td>{p.siteCode ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(p.unpaidAmount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.total > PAGE && <Pagination total={Math.ceil(list.data.total / PAGE)} value={offset / PAGE + 1} onChange={(p) => setOffset((p - 1) * PAGE)} />}
        </>
      )}
    </Stack>
  );
}
