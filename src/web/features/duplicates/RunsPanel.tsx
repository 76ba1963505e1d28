// The matcher's runs: "Jalankan pencarian duplikat" (new persons or everyone), the
// running run's progress bar (its job, polled) and the recent runs.
import { Alert, Badge, Button, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { can, useSession } from '../auth/session.ts';
import { useRunJob, useRuns, useStartRun, type Run } from './duplicates.api.ts';

const RUN_COLORS: Record<Run['status'], string> = { running: 'blue', done: 'teal', failed: 'red' };

function RunProgress({ run }: { run: Run }) {
  const { t } = useTranslation('duplicates');
  const job = useRunJob(run.jobId);
  const progress = job.data?.progress;
  const phase = progress?.message;
  const done = formatNumber(progress?.done ?? 0);
  const total = progress?.total ? formatNumber(progress.total) : '…';
  const label =
    job.data?.status === 'queued'
      ? t('runs.queued')
      : phase === 'keys' || phase === 'score' || phase === 'store'
        ? t(`runs.phases.${phase}`, { done, total })
        : t('runs.phases.other');
  // Keying has no known total: the bar runs striped until scoring gives one.
  const pct = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <Stack gap={4} maw={560}>
      <Text size="sm" fw={500}>
        {t('runs.running')}
      </Text>
      <Text size="sm" c="dimmed" aria-live="polite">
        {label}
      </Text>
      <Progress value={pct ?? 100} animated striped={pct === null} aria-label={t('runs.running')} />
    </Stack>
  );
}

export function RunsPanel() {
  const { t } = useTranslation('duplicates');
  const language = useDisplayLanguage();
  const session = useSession();
  const runs = useRuns();
  const start = useStartRun();
  const [mode, setMode] = useState<'new' | 'full'>('new');
  const items = runs.data?.items ?? [];
  const running = items.find((r) => r.status === 'running');
  const latest = items[0];
  // The outcome of the run this user started, once it has ended.
  const finished = start.data && latest?.id === start.data.id && latest.status !== 'running' ? latest : null;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('runs.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('runs.help')}
          </Text>
        </div>
        {can(session, 'person.manage') && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="dedup-mode">
                {t('runs.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="dedup-mode"
                value={mode}
                onChange={(v) => setMode(v as 'new' | 'full')}
                data={(['new', 'full'] as const).map((m) => ({ value: m, label: t(`runs.modes.${m}`) }))}
                disabled={running !== undefined}
              />
            </Stack>
            <Button
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              onClick={() => start.mutate(mode)}
              loading={start.isPending}
              disabled={running !== undefined || !runs.data}
            >
              {t('runs.start')}
            </Button>
          </Group>
        )}
        <FormError error={start.error} />
        {running && <RunProgress key={running.id} run={running} />}
        {finished?.status === 'done' && (
          <Alert color="teal" variant="light" role="status">
            {t('runs.doneMessage', { count: finished.candidatesFound })}
          </Alert>
        )}
        {finished?.status === 'failed' && (
          <Alert color="red" variant="light" role="alert">
            {t('runs.failedMessage')}
          </Alert>
        )}

        <Title order={3} size="h5" mt="xs">
          {t('runs.recent')}
        </Title>
        {runs.error ? (
          <ErrorState title={t('runs.loadFailed')} error={runs.error} onRetry={() => void runs.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {runs.data ? t('runs.none') : '…'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing={4} fz="sm">
              <Table.Caption>{t('runs.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('runs.startedAt')}</Table.Th>
                  <Table.Th scope="col">{t('runs.mode')}</Table.Th>
                  <Table.Th scope="col">{t('columns.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('runs.persons')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('runs.pairs')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('runs.found')}
                  </Table.Th>
                  <Table.Th scope="col">{t('runs.finishedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.slice(0, 5).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.startedAt, language)}</Table.Td>
                    <Table.Td>{r.mode === 'new' || r.mode === 'full' ? t(`runs.modes.${r.mode}`) : r.mode}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={RUN_COLORS[r.status]} variant="light" radius="sm">
                        {t(`runs.statuses.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{r.status === 'done' ? formatNumber(r.persons) : '—'}</Table.Td>
                    <Table.Td ta="right">{r.status === 'done' ? formatNumber(r.pairsScored) : '—'}</Table.Td>
                    <Table.Td ta="right">{r.status === 'done' ? formatNumber(r.candidatesFound) : '—'}</Table.Td>
                    <Table.Td>{r.finishedAt ? formatDateTime(r.finishedAt, language) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
