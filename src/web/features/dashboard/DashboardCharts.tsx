// Charts of the programme dashboard (recharts): regions by status and latest workers by
// region. Each chart is hidden from screen readers and paired with a visually hidden
// table holding the same numbers, and its figure carries a one-line summary.
import { Paper, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProgrammeDashboard } from '../../../common/dashboard.ts';
import { formatNumber } from '../../../common/format.ts';
import { STATUS_COLORS } from '../programmes/region-status.tsx';

export const mantineColor = (name: string, shade = 6) => `var(--mantine-color-${name}-${shade})`;

/** A chart with its title, a summary for screen readers and the same numbers as a hidden table. */
export function ChartFigure({ title, summary, children, table }: { title: string; summary: string; children: ReactNode; table: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} aria-label={summary}>
      <Title order={2} size="h4" mb="sm" component="figcaption">
        {title}
      </Title>
      <div aria-hidden>{children}</div>
      <VisuallyHidden>{table}</VisuallyHidden>
    </Paper>
  );
}

export function StatusChart({ data }: { data: ProgrammeDashboard }) {
  const { t } = useTranslation(['dashboard', 'programmes']);
  const rows = data.regions.byStatus.map((b) => ({ ...b, label: t(`programmes:status.${b.status}`) }));
  const summary = t('charts.byStatusSummary', {
    summary: rows
      .filter((r) => r.count > 0)
      .map((r) => `${r.label} ${r.count}`)
      .join(', ') || '0',
  });
  return (
    <ChartFigure
      title={t('charts.byStatus')}
      summary={summary}
      table={
        <table>
          <caption>{t('charts.byStatus')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('regions.status')}</th>
              <th scope="col">{t('charts.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.status}>
                <th scope="row">{r.label}</th>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [formatNumber(Number(value)), t('charts.count')]} />
          <Bar dataKey="count" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.status} fill={mantineColor(STATUS_COLORS[r.status])} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function WorkersChart({ data }: { data: ProgrammeDashboard }) {
  const { t } = useTranslation('dashboard');
  if (!data.sites) return null;
  const rows = data.sites.byRegion;
  const summary = t('charts.workersSummary', { summary: rows.map((r) => `${r.regionName} ${formatNumber(r.workers)}`).join(', ') || '0' });
  return (
    <ChartFigure
      title={t('charts.workers')}
      summary={summary}
      table={
        <table>
          <caption>{t('charts.workers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.region')}</th>
              <th scope="col">{t('charts.workersSeries')}</th>
              <th scope="col">{t('charts.othersSeries')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.regionCode}>
                <th scope="row">{r.regionName}</th>
                <td>{r.workers}</td>
                <td>{r.othersAffected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('charts.noSites')}
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={rows} margin={{ left: 0, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="regionName" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} />
            <Tooltip formatter={(value, name) => [formatNumber(Number(value)), String(name)]} />
            <Legend />
            <Bar dataKey="workers" name={t('charts.workersSeries')} stackId="a" fill={mantineColor('blue')} isAnimationActive={false} />
            <Bar dataKey="othersAffected" name={t('charts.othersSeries')} stackId="a" fill={mantineColor('gray', 5)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
