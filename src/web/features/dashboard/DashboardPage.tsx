// /program/:id/dasbor: a provincial programme at a glance — headline figures, regions by
// status, workers by region, the closure timeline, the regions' lateness, overdue action
// items and reopened alerts; each figure limited to the caller's region by the server.
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProgrammeDashboard } from '../../../common/dashboard.ts';
import { formatDateMedium, formatDateTime, formatNumber } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSession } from '../auth/session.ts';
import { RegionStatusBadge } from '../programmes/region-status.tsx';
import { ClosureTimeline } from './ClosureTimeline.tsx';
import { StatusChart, WorkersChart } from './DashboardCharts.tsx';
import { useProgrammeDashboard, useProgrammeTimeline } from './dashboard.api.ts';
import { StatCards } from './StatCards.tsx';

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const language = useDisplayLanguage();
  const session = useSession();
  const id = Number(useParams().id);
  const dashboard = useProgrammeDashboard(id);
  const timeline = useProgrammeTimeline(id);
  usePageTitle(dashboard.data ? t('titleOf', { name: dashboard.data.programme.name }) : t('title'));

  if (dashboard.error || !(Number.isInteger(id) && id > 0)) return <ErrorState title={t('loadFailed')} error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!dashboard.data) return <PageLoader />;
  const d = dashboard.data;
  const national = session.me?.scope.level === 'national';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text size="lg" fw={500}>
            {d.programme.name}
          </Text>
          <Text size="sm" c="dimmed">
            {t('asOf', { date: formatDateMedium(d.today, language) })} · {d.programme.targetDate ? t('target', { date: formatDateMedium(d.programme.targetDate, language) }) : t('noTarget')}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to={`/program/${d.programme.id}`} variant="default">
            {t('programmeLink')}
          </Button>
          {national && (
            <Button component={Link} to="/nasional" variant="light" leftSection={<IconWorld size={16} aria-hidden />}>
              {t('nationalLink')}
            </Button>
          )}
        </Group>
      </Group>

      <ReopenedAlerts data={d} />
      <StatCards data={d} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StatusChart data={d} />
        <WorkersChart data={d} />
      </SimpleGrid>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
        <Title order={2} size="h4" id="timeline-title" mb="sm">
          {t('timeline.title')}
        </Title>
        {timeline.error ? (
          <ErrorState title={t('timeline.loadFailed')} error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : timeline.data ? (
          <ClosureTimeline data={timeline.data} />
        ) : (
          <PageLoader />
        )}
      </Paper>

      <RegionsTable data={d} />
      {d.actionItems && <OverdueItems data={d} />}
    </Stack>
  );
}

function ReopenedAlerts({ data }: { data: ProgrammeDashboard }) {
  const { t } = useTranslation('dashboard');
  const language = useDisplayLanguage();
  const { reopenedRegions, reopenedSites } = data.alerts;
  if (reopenedRegions.length === 0 && reopenedSites.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('alerts.title')} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap={4}>
        {reopenedRegions.map((r) => (
          <Text size="sm" key={`r${r.id}`}>
            {t('alerts.region', { name: r.regionName, date: formatDateTime(r.since, language) })}
          </Text>
        ))}
        {reopenedSites.map((s) => (
          <Text size="sm" key={`s${s.id}`}>
            <Anchor component={Link} to={`/lokasi/${s.id}`} size="sm">
              {t('alerts.site', { code: s.code, name: s.name })}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function RegionsTable({ data }: { data: ProgrammeDashboard }) {
  const { t } = useTranslation('dashboard');
  const language = useDisplayLanguage();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="regions-title">
      <Title order={2} size="h4" id="regions-title" mb="sm">
        {t('regions.title')}
      </Title>
      {data.regions.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('regions.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t('regions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('regions.region')}</Table.Th>
                <Table.Th scope="col">{t('regions.status')}</Table.Th>
                <Table.Th scope="col">{t('regions.target')}</Table.Th>
                <Table.Th scope="col">{t('regions.late')}</Table.Th>
                <Table.Th scope="col">{t('regions.readiness')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.regions.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    {r.regionName}
                  </Table.Th>
                  <Table.Td>
                    <RegionStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>{r.targetDate ? formatDateMedium(r.targetDate, language) : '—'}</Table.Td>
                  <Table.Td>
                    {r.daysLate !== null ? (
                      <Badge color="red" variant="light" radius="sm">
                        {t('regions.daysLate', { count: r.daysLate })}
                      </Badge>
                    ) : (
                      t('regions.onTime')
                    )}
                  </Table.Td>
                  <Table.Td>{formatNumber(r.readinessPending)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function OverdueItems({ data }: { data: ProgrammeDashboard }) {
  const { t } = useTranslation('dashboard');
  const language = useDisplayLanguage();
  const items = data.actionItems!;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="items-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="items-title">
          {t('actionItems.title')} ({formatNumber(items.overdue)})
        </Title>
        <Anchor component={Link} to="/rapat/tindak-lanjut?overdue=true" size="sm">
          {t('actionItems.all')}
        </Anchor>
      </Group>
      {items.top.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('actionItems.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Caption>{t('actionItems.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('actionItems.item')}</Table.Th>
                <Table.Th scope="col">{t('actionItems.owner')}</Table.Th>
                <Table.Th scope="col">{t('actionItems.due')}</Table.Th>
                <Table.Th scope="col">{t('actionItems.lateBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.top.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/rapat/${a.meetingId}`} size="sm">
                      {a.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.owner ?? '—'}</Table.Td>
                  <Table.Td>{formatDateMedium(a.dueDate, language)}</Table.Td>
                  <Table.Td>
                    <Badge color="red" variant="light" radius="sm">
                      {t('actionItems.overdue', { count: a.daysOverdue })}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
