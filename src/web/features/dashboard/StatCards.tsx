// The dashboard's headline figures, one card each.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDashboard } from '../../../common/dashboard.ts';
import { formatNumber } from '../../../common/format.ts';

function StatCard({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: string | undefined; tone?: 'alert' | undefined }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={tone === 'alert' ? 'red.7' : undefined} lh={1.3}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

export function StatCards({ data }: { data: ProgrammeDashboard }) {
  const { t } = useTranslation('dashboard');
  const na = t('cards.notPermitted');
  const { regions, sites, actionItems, letters } = data;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
      <StatCard
        label={t('cards.regionsClosed')}
        value={`${formatNumber(regions.closed)} / ${formatNumber(regions.total)}`}
        detail={regions.late > 0 ? t('cards.regionsLate', { count: regions.late }) : t('cards.ofTotal', { total: formatNumber(regions.total) })}
        tone={regions.late > 0 ? 'alert' : undefined}
      />
      <StatCard
        label={t('cards.sitesClosed')}
        value={sites ? `${formatNumber(sites.closed)} / ${formatNumber(sites.total)}` : '—'}
        detail={sites ? t('cards.ofTotal', { total: formatNumber(sites.total) }) : na}
      />
      <StatCard
        label={t('cards.workers')}
        value={sites ? formatNumber(sites.workersAtOpenSites) : '—'}
        detail={sites ? t('cards.workersHelp', { all: formatNumber(sites.workers), others: formatNumber(sites.othersAffected) }) : na}
      />
      <StatCard label={t('cards.readiness')} value={formatNumber(data.readinessPending)} detail={t('cards.readinessHelp')} />
      <StatCard
        label={t('cards.actionItems')}
        value={actionItems ? formatNumber(actionItems.overdue) : '—'}
        detail={actionItems ? t('cards.actionItemsHelp') : na}
        tone={actionItems && actionItems.overdue > 0 ? 'alert' : undefined}
      />
      <StatCard
        label={t('cards.letters')}
        value={letters ? formatNumber(letters.awaitingResponse) : '—'}
        detail={letters ? t('cards.lettersHelp', { overdue: formatNumber(letters.overdue), days: letters.responseDays }) : na}
        tone={letters && letters.overdue > 0 ? 'alert' : undefined}
      />
    </SimpleGrid>
  );
}
