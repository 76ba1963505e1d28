// One regency/city of a programme: its target date (moved with a reason), status history and
// readiness requests to the local government.
import { Alert, Button, Drawer, Group, Paper, Stack, Tabs, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium, formatDateTime } from '../../../common/format.ts';
import type { ProgrammeRegionView } from '../../../common/programmes.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { MIN_REASON } from './ChangeStatusModal.tsx';
import { useProgrammeRegion, useStatusHistory, useUpdateRegionTarget } from './programmes.api.ts';
import { ReadinessPanel } from './ReadinessPanel.tsx';
import { daysLate, RegionStatusBadge, STATUS_COLORS } from './region-status.tsx';

type RegionDrawerProps = {
  programmeId: number;
  regionId: number | null;
  onClose: () => void;
  onChangeStatus: (region: ProgrammeRegionView) => void;
};

export function RegionDrawer({ programmeId, regionId, onClose, onChangeStatus }: RegionDrawerProps) {
  const { t } = useTranslation('programmes');
  return (
    <Drawer opened={regionId !== null} onClose={onClose} position="right" size="xl" title={t('region.drawerTitle')}>
      {regionId !== null && <RegionDetail key={regionId} programmeId={programmeId} regionId={regionId} onChangeStatus={onChangeStatus} />}
    </Drawer>
  );
}

function RegionDetail({ programmeId, regionId, onChangeStatus }: { programmeId: number; regionId: number; onChangeStatus: RegionDrawerProps['onChangeStatus'] }) {
  const { t } = useTranslation('programmes');
  const language = useDisplayLanguage();
  const region = useProgrammeRegion(programmeId, regionId);
  const [editingTarget, setEditingTarget] = useState(false);
  if (region.error) return <ErrorState title={t('region.loadFailed')} error={region.error} onRetry={() => void region.refetch()} />;
  if (!region.data) return <PageLoader />;
  const r = region.data;
  const late = daysLate(r.targetDate, r.status);

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {r.regionName}
        </Title>
        <Text size="sm" c="dimmed" ff="monospace">
          {r.regionCode}
        </Text>
      </div>
      {r.status === 'reopened' && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} title={t('alerts.reopenedTitle')} role="alert">
          {t('alerts.reopenedOne', { name: r.regionName })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('regions.status')}:
            </Text>
            <RegionStatusBadge status={r.status} />
            <Text size="xs" c="dimmed">
              {t('region.since', { date: formatDateTime(r.statusChangedAt, language) })}
            </Text>
            {r.actions.includes('change_status') && r.nextStatuses.length > 0 && (
              <Button size="compact-sm" variant="light" onClick={() => onChangeStatus(r)}>
                {t('regions.changeStatus')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('regions.targetDate')}:
            </Text>
            <Text size="sm">{r.targetDate ? formatDateMedium(r.targetDate, language) : t('regions.noTarget')}</Text>
            {late > 0 && (
              <Text size="sm" c="red" fw={500}>
                {t('regions.daysLate', { count: late })}
              </Text>
            )}
            {r.actions.includes('update') && !editingTarget && (
              <Button size="compact-sm" variant="subtle" leftSection={<IconCalendar size={14} aria-hidden />} onClick={() => setEditingTarget(true)}>
                {t('region.changeTarget')}
              </Button>
            )}
          </Group>
          {editingTarget && <TargetDateForm programmeId={programmeId} region={r} onDone={() => setEditingTarget(false)} />}
        </Stack>
      </Paper>
      <Tabs defaultValue="history">
        <Tabs.List>
          <Tabs.Tab value="history">{t('region.historyTab')}</Tabs.Tab>
          <Tabs.Tab value="readiness">{t('region.readinessTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="history" pt="md">
          <StatusHistory regionId={r.id} />
        </Tabs.Panel>
        <Tabs.Panel value="readiness" pt="md">
          <ReadinessPanel region={r} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function TargetDateForm({ programmeId, region, onDone }: { programmeId: number; region: ProgrammeRegionView; onDone: () => void }) {
  const { t } = useTranslation('programmes');
  const update = useUpdateRegionTarget(programmeId);
  const [date, setDate] = useState(region.targetDate ?? '');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(update.error);
  const localReason = reason.trim().length >= MIN_REASON ? undefined : t('form.minChars', { min: MIN_REASON });

  return (
    <form
      noValidate
      aria-label={t('region.changeTarget')}
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (localReason) return;
        update.mutate({ regionId: region.id, body: { targetDate: date || null, reason: reason.trim() } }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <FormError error={update.error} shownFields={['targetDate', 'reason']} />
        <TextInput label={t('region.newTarget')} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={server.targetDate} data-autofocus />
        <Textarea
          label={t('region.targetReason')}
          description={t('changeStatus.reasonHelp', { min: MIN_REASON })}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={server.reason ?? (checked ? localReason : undefined)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StatusHistory({ regionId }: { regionId: number }) {
  const { t } = useTranslation('programmes');
  const language = useDisplayLanguage();
  const history = useStatusHistory(regionId);
  if (history.error) return <ErrorState title={t('history.loadFailed')} error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <PageLoader />;
  if (history.data.items.length === 0) return <Text size="sm" c="dimmed">{t('history.empty')}</Text>;
  // Newest first: what changed last is what people ask about.
  const items = [...history.data.items].reverse();
  return (
    <Timeline active={items.length - 1} bulletSize={14} lineWidth={2} aria-label={t('region.historyTab')}>
      {items.map((change) => (
        <Timeline.Item key={change.id} color={STATUS_COLORS[change.to]} title={t('history.change', { from: t(`status.${change.from}`), to: t(`status.${change.to}`) })}>
          <Text size="xs" c="dimmed">
            {t('history.by', { when: formatDateTime(change.changedAt, language), who: change.changedBy?.username ?? t('history.system') })}
          </Text>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
            {change.reason}
          </Text>
          {change.evidence && (
            <Text size="sm" mt={4}>
              <Text span fw={500} size="sm">
                {t('history.evidence')}:
              </Text>{' '}
              {change.evidence}
            </Text>
          )}
          {change.evidenceRef && (
            <Text size="sm">
              <Text span fw={500} size="sm">
                {t('history.evidenceRef')}:
              </Text>{' '}
              {change.evidenceRef}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
