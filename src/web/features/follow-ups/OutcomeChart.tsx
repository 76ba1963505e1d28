// The outcome shares as stacked bars, one bar per milestone. Suppressed cells ("<5", "*")
// have no share and are left out of the bars; the table above holds every figure.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutcomeReport } from '../../../common/follow-ups.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ChartFigure, mantineColor } from '../dashboard/DashboardCharts.tsx';
import { formatShare, REPORT_BUCKETS } from './OutcomeTable.tsx';

const COLORS: Record<(typeof REPORT_BUCKETS)[number], string> = {
  business_running: mantineColor('teal'),
  employed: mantineColor('green'),
  returned_home: mantineColor('blue'),
  in_training: mantineColor('cyan'),
  moved: mantineColor('violet'),
  returned_to_sex_work: mantineColor('red'),
  lost_contact: mantineColor('orange'),
  unknown: mantineColor('gray', 4),
};

export function OutcomeChart({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation('followUps');
  const language = useDisplayLanguage();
  const rows = report.milestones.map((m) => ({
    label: t('report.milestone', { months: m.months }),
    ...Object.fromEntries(m.outcomes.map((o) => [o.outcome, o.share === null ? 0 : Math.round(o.share * 1000) / 10])),
  }));
  const drawn = report.milestones.some((m) => m.outcomes.some((o) => o.share !== null && o.share > 0));
  return (
    <ChartFigure title={t('report.chartTitle')} summary={t('report.chartSummary')} table={null}>
      {drawn ? (
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={rows} margin={{ left: 0, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} unit=" %" />
            <Tooltip formatter={(value, name) => [formatShare(Number(value) / 100, language), String(name)]} />
            <Legend />
            {REPORT_BUCKETS.map((b) => (
              <Bar key={b} dataKey={b} name={t(`outcomes.${b}`)} stackId="a" fill={COLORS[b]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <Text size="sm" c="dimmed">
          {t('report.chartEmpty')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('report.chartNote')}
      </Text>
    </ChartFigure>
  );
}
