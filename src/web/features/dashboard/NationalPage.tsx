// /nasional: the national roll-up — per province, regions and sites closed, workers
// still at sites, the target and whether it is on track; for ministry (national) users,
// others see their own province only (the server filters).
import { Anchor, Badge, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { NationalRollup } from '../../../common/dashboard.ts';
import { formatDateMedium, formatNumber } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ChartFigure, mantineColor } from './DashboardCharts.tsx';
import { useNationalRollup } from './dashboard.api.ts';

const PROGRESS_COLORS = { on_track: 'blue', late: 'red', done: 'teal' } as const;

export function NationalPage() {
  const { t } = useTranslation('dashboard');
  const language = useDisplayLanguage();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('program'));
  const programmeId = Number.isInteger(requested) && requested > 0 ? requested : undefined;
  const rollup = useNationalRollup(programmeId);
  usePageTitle(t('national.title'));

  if (rollup.error) return <ErrorState title={t('national.loadFailed')} error={rollup.error} onRetry={() => void rollup.refetch()} />;
  if (!rollup.data) return <PageLoader />;
  const r = rollup.data;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('national.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('asOf', { date: formatDateMedium(r.today, language) })}
          {r.programme?.targetDate ? ` · ${t('target', { date: formatDateMedium(r.programme.targetDate, language) })}` : ''}
        </Text>
      </div>
      {r.nationalProgrammes.length === 0 ? (
        <Text c="dimmed">{t('national.noNational')}</Text>
      ) : (
        <>
          <Select
            label={t('national.programme')}
            maw={420}
            allowDeselect={false}
            data={r.nationalProgrammes.map((p) => ({ value: String(p.id), label: p.name }))}
            value={r.programme ? String(r.programme.id) : null}
            onChange={(value) => value && setParams({ program: value })}
          />
          {r.provinces.length === 0 ? (
            <Text c="dimmed">{t('national.empty')}</Text>
          ) : (
            <>
              <RollupChart data={r} />
              <RollupTable data={r} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function RollupChart({ data }: { data: NationalRollup }) {
  const { t } = useTranslation('dashboard');
  const rows = data.provinces.map((p) => ({ name: p.provinceName, closed: p.regionsClosed, open: p.regionsTotal - p.regionsClosed }));
  const summary = t('national.chartSummary', { summary: data.provinces.map((p) => `${p.provinceName} ${p.regionsClosed}/${p.regionsTotal}`).join(', ') });
  return (
    <ChartFigure
      title={t('national.chart')}
      summary={summary}
      table={
        <table>
          <caption>{t('national.chart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('national.province')}</th>
              <th scope="col">{t('national.closedSeries')}</th>
              <th scope="col">{t('national.openSeries')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{row.closed}</td>
                <td>{row.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 44 + 60)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={160} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value, name) => [formatNumber(Number(value)), String(name)]} />
          <Legend />
          <Bar dataKey="closed" name={t('national.closedSeries')} stackId="a" fill={mantineColor('teal', 5)} isAnimationActive={false} />
          <Bar dataKey="open" name={t('national.openSeries')} stackId="a" fill={mantineColor('gray', 4)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function RollupTable({ data }: { data: NationalRollup }) {
  const { t } = useTranslation('dashboard');
  const language = useDisplayLanguage();
  const pair = (done: number, total: number) => t('national.ofTotal', { done: formatNumber(done), total: formatNumber(total) });
  return (
    <Paper withBorder p="md" radius="md">
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Caption>{t('national.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('national.province')}</Table.Th>
              <Table.Th scope="col">{t('national.regions')}</Table.Th>
              <Table.Th scope="col">{t('national.sites')}</Table.Th>
              <Table.Th scope="col">{t('national.workers')}</Table.Th>
              <Table.Th scope="col">{t('national.target')}</Table.Th>
              <Table.Th scope="col">{t('national.progress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.provinces.map((p) => (
              <Table.Tr key={p.programmeId}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/program/${p.programmeId}/dasbor`} size="sm">
                    {p.provinceName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {p.name}
                  </Text>
                </Table.Th>
                <Table.Td>{pair(p.regionsClosed, p.regionsTotal)}</Table.Td>
                <Table.Td>{data.includesSites ? pair(p.sitesClosed, p.sitesTotal) : '—'}</Table.Td>
                <Table.Td>{data.includesSites ? formatNumber(p.workersAtOpenSites) : '—'}</Table.Td>
                <Table.Td>{p.targetDate ? formatDateMedium(p.targetDate, language) : '—'}</Table.Td>
                <Table.Td>
                  <Badge color={PROGRESS_COLORS[p.progress]} variant="light" radius="sm">
                    {t(`national.progressLabels.${p.progress}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('national.total')}</Table.Th>
              <Table.Td>{pair(data.totals.regionsClosed, data.totals.regionsTotal)}</Table.Td>
              <Table.Td>{data.includesSites ? pair(data.totals.sitesClosed, data.totals.sitesTotal) : '—'}</Table.Td>
              <Table.Td>{data.includesSites ? formatNumber(data.totals.workersAtOpenSites) : '—'}</Table.Td>
              <Table.Td />
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {!data.includesSites && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('national.sitesHidden')}
        </Text>
      )}
    </Paper>
  );
}
