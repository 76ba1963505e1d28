// /anggaran: allocations per funding source, component and region with committed, paid and
// remaining; the realisation per regency/city and component (and its workbook); spending
// per month as a chart.
import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Allocation } from '../../../common/aid.ts';
import { formatNumber, formatRupiah } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { AllocationModal } from './AllocationModal.tsx';
import { downloadRealisation, useAllocations, useRealisation } from './budgets.api.ts';

export function BudgetsPage() {
  const { t } = useTranslation('aid');
  usePageTitle(t('budgets.title'));
  const [year, setYear] = useState(new Date().getFullYear());
  const allocations = useAllocations(year);
  const realisation = useRealisation(year);
  const [editing, setEditing] = useState<Allocation | 'new' | null>(null);
  const rupiah = (n: number) => formatRupiah(n);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('budgets.title')}</Title>
          <Text c="dimmed">{t('budgets.help')}</Text>
        </div>
        <NumberInput label={t('schemes.year')} value={year} onChange={(v) => setYear(Number(v) || year)} min={2000} max={2100} w={120} />
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="allocations">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="allocations">
            {t('budgets.allocations')}
          </Title>
          {allocations.data?.canCreate && (
            <Button size="xs" onClick={() => setEditing('new')}>
              {t('budgets.newAllocation')}
            </Button>
          )}
        </Group>
        {allocations.error ? (
          <ErrorState title={t('common.loadFailed')} error={allocations.error} onRetry={() => void allocations.refetch()} />
        ) : !allocations.data ? (
          <PageLoader />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('components.source')}</Table.Th>
                  <Table.Th>{t('budgets.component')}</Table.Th>
                  <Table.Th>{t('budgets.region')}</Table.Th>
                  <Table.Th ta="right">{t('budgets.amount')}</Table.Th>
                  <Table.Th ta="right">{t('budgets.committed')}</Table.Th>
                  <Table.Th ta="right">{t('budgets.paid')}</Table.Th>
                  <Table.Th ta="right">{t('budgets.remaining')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {allocations.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{t(`sources.${a.fundingSource}`)}</Table.Td>
                    <Table.Td>
                      {a.componentCode} — {a.componentName}
                    </Table.Td>
                    <Table.Td>{a.regionName ?? a.regionCode ?? t('budgets.national')}</Table.Td>
                    <Table.Td ta="right">{rupiah(a.amount)}</Table.Td>
                    <Table.Td ta="right">{rupiah(a.committed)}</Table.Td>
                    <Table.Td ta="right">{rupiah(a.paid)}</Table.Td>
                    <Table.Td ta="right" c={a.remaining < 0 ? 'red' : undefined}>
                      {rupiah(a.remaining)}
                    </Table.Td>
                    <Table.Td>
                      {a.actions.includes('update') && (
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(a)}>
                          {t('budgets.editAllocation')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="realisation">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="realisation">
            {t('budgets.realisation')}
          </Title>
          <Button size="xs" variant="default" onClick={() => void downloadRealisation(year)}>
            {t('budgets.download')}
          </Button>
        </Group>
        {realisation.error ? (
          <ErrorState title={t('common.loadFailed')} error={realisation.error} onRetry={() => void realisation.refetch()} />
        ) : !realisation.data ? (
          <PageLoader />
        ) : (
          <Stack gap="md">
            <Text size="sm">
              {t('budgets.totals', {
                allocated: rupiah(realisation.data.totals.allocated),
                entitled: rupiah(realisation.data.totals.entitled),
                committed: rupiah(realisation.data.totals.committed),
                paid: rupiah(realisation.data.totals.paid),
              })}
            </Text>
            <Table.ScrollContainer minWidth={800}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('entitlements.regency')}</Table.Th>
                    <Table.Th>{t('budgets.component')}</Table.Th>
                    <Table.Th>{t('components.source')}</Table.Th>
                    <Table.Th ta="right">{t('budgets.persons')}</Table.Th>
                    <Table.Th ta="right">{t('budgets.entitled')}</Table.Th>
                    <Table.Th ta="right">{t('budgets.committed')}</Table.Th>
                    <Table.Th ta="right">{t('budgets.paid')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {realisation.data.rows.map((r) => (
                    <Table.Tr key={`${r.regencyCode}-${r.componentCode}-${r.fundingSource}`}>
                      <Table.Td>{r.regencyName ?? r.regencyCode}</Table.Td>
                      <Table.Td>{r.componentName}</Table.Td>
                      <Table.Td>{t(`sources.${r.fundingSource}`)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(r.persons)}</Table.Td>
                      <Table.Td ta="right">{rupiah(r.entitled)}</Table.Td>
                      <Table.Td ta="right">{rupiah(r.committed)}</Table.Td>
                      <Table.Td ta="right">{rupiah(r.paid)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={3} size="h4">
              {t('budgets.monthly')}
            </Title>
            {realisation.data.monthly.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('budgets.noSpending')}
              </Text>
            ) : (
              <div style={{ width: '100%', height: 280 }} role="img" aria-label={t('budgets.monthly')}>
                <ResponsiveContainer>
                  <ComposedChart data={realisation.data.monthly}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="month" />
                    <YAxis tickFormatter={(v: number) => formatNumber(v / 1_000_000) + ' jt'} width={70} />
                    <Tooltip formatter={(v) => rupiah(Number(v))} />
                    <Bar dataKey="paid" name={t('budgets.paid')} fill="#228be6" />
                    <Line dataKey="cumulative" name={t('budgets.cumulative')} stroke="#2f9e44" />
                  </ComposedChart>
                </ResponsiveContainer>
              </div>
            )}
          </Stack>
        )}
      </Paper>
      {editing && <AllocationModal allocation={editing === 'new' ? null : editing} year={year} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
