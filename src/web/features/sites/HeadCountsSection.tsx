// Head counts over time: a step chart and the table (date, source, workers, others affected, why it changed).
import { Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateMedium, formatDateShort, formatNumber } from '../../../common/format.ts';
import { HEAD_COUNT_SOURCES, type Site } from '../../../common/sites.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { headCountsExportUrl, useAddHeadCount, useHeadCounts } from './sites.api.ts';

type Source = (typeof HEAD_COUNT_SOURCES)[number];
type ChartPoint = { label: string; date: string; workers: number; othersAffected: number; source: Source; reason: string };

function signed(change: number | null): string {
  if (change === null || change === 0) return '';
  return change > 0 ? ` (+${formatNumber(change)})` : ` (−${formatNumber(-change)})`;
}

export function HeadCountsSection({ site }: { site: Site }) {
  const { t } = useTranslation('sites');
  const language = useDisplayLanguage();
  const counts = useHeadCounts(site.id);
  const [adding, setAdding] = useState(false);
  const items = counts.data?.items ?? [];
  const sequence = items.map((c) => formatNumber(c.workers)).join(' → ');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="site-head-counts">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <div>
          <Title order={2} size="h3" id="site-head-counts">
            {t('headCounts.title')}
          </Title>
          {items.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('headCounts.sequence', { sequence })}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button component="a" href={headCountsExportUrl(site.id, language)} download size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />}>
            {t('export')}
          </Button>
          {site.actions.includes('add_head_count') && (
            <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
              {t('headCounts.add')}
            </Button>
          )}
        </Group>
      </Group>
      {counts.error ? (
        <ErrorState title={t('headCounts.loadFailed')} error={counts.error} onRetry={() => void counts.refetch()} />
      ) : !counts.data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('headCounts.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          <HeadCountChart
            points={items.map((c) => ({
              label: formatDateShort(c.countedOn, language),
              date: formatDateMedium(c.countedOn, language),
              workers: c.workers,
              othersAffected: c.othersAffected,
              source: c.source,
              reason: c.reasonForChange,
            }))}
            summary={t('headCounts.chartLabel', { sequence })}
          />
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{t('headCounts.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('headCounts.date')}</Table.Th>
                  <Table.Th scope="col">{t('headCounts.source')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('headCounts.workers')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('headCounts.othersAffected')}
                  </Table.Th>
                  <Table.Th scope="col">{t('headCounts.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fz="sm" fw={500}>
                      {formatDateMedium(c.countedOn, language)}
                    </Table.Th>
                    <Table.Td fz="sm">{t(`sources.${c.source}`)}</Table.Td>
                    <Table.Td fz="sm" ta="right">
                      {formatNumber(c.workers)}
                      <Text span size="xs" c={c.workersChange && c.workersChange < 0 ? 'teal' : 'dimmed'}>
                        {signed(c.workersChange)}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm" ta="right">
                      {formatNumber(c.othersAffected)}
                      <Text span size="xs" c="dimmed">
                        {signed(c.othersAffectedChange)}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.reasonForChange || '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('headCounts.add')}>
        {adding && <HeadCountForm siteId={site.id} onClose={() => setAdding(false)} />}
      </Modal>
    </Paper>
  );
}

/** The chart is a picture of the table below it; screen readers get the sequence as its label. */
function HeadCountChart({ points, summary }: { points: ChartPoint[]; summary: string }) {
  const { t } = useTranslation('sites');
  return (
    <figure role="img" aria-label={summary} style={{ margin: 0, width: '100%', height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
          <XAxis dataKey="label" fontSize={12} padding={{ left: 24, right: 24 }} />
          <YAxis allowDecimals={false} fontSize={12} width={48} tickFormatter={(v: number) => formatNumber(v)} />
          <Tooltip content={<PointTooltip />} />
          <Legend />
          <Line type="stepAfter" dataKey="workers" name={t('headCounts.workers')} stroke="var(--mantine-color-red-6)" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          <Line
            type="stepAfter"
            dataKey="othersAffected"
            name={t('headCounts.othersAffected')}
            stroke="var(--mantine-color-blue-6)"
            strokeDasharray="5 4"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: ChartPoint }[] }) {
  const { t } = useTranslation('sites');
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" maw={280}>
      <Text size="sm" fw={600}>
        {point.date}
      </Text>
      <Text size="xs">{t(`sources.${point.source}`)}</Text>
      <Text size="sm">
        {t('headCounts.workers')}: {formatNumber(point.workers)}
      </Text>
      <Text size="sm">
        {t('headCounts.othersAffected')}: {formatNumber(point.othersAffected)}
      </Text>
      {point.reason && (
        <Text size="xs" c="dimmed" mt={4}>
          {point.reason}
        </Text>
      )}
    </Paper>
  );
}

function HeadCountForm({ siteId, onClose }: { siteId: number; onClose: () => void }) {
  const { t } = useTranslation('sites');
  const add = useAddHeadCount(siteId);
  const [countedOn, setCountedOn] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [workers, setWorkers] = useState<number | string>('');
  const [othersAffected, setOthersAffected] = useState<number | string>(0);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(add.error);
  const local: Record<string, string | undefined> = {
    countedOn: countedOn ? undefined : t('form.required'),
    source: source ? undefined : t('form.required'),
    workers: typeof workers === 'number' && workers >= 0 ? undefined : t('form.required'),
    othersAffected: typeof othersAffected === 'number' && othersAffected >= 0 ? undefined : t('form.required'),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(local).some(Boolean) || !source || typeof workers !== 'number' || typeof othersAffected !== 'number') return;
        add.mutate({ countedOn, source, workers, othersAffected, reasonForChange: reason.trim() }, { onSuccess: onClose });
      }}
    >
      <Stack>
        <FormError error={add.error} shownFields={['countedOn', 'source', 'workers', 'othersAffected', 'reasonForChange']} />
        <TextInput label={t('headCounts.date')} type="date" required value={countedOn} onChange={(e) => setCountedOn(e.currentTarget.value)} error={show('countedOn')} data-autofocus />
        <Select
          label={t('headCounts.source')}
          required
          data={HEAD_COUNT_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          value={source}
          onChange={(v) => setSource(v as Source | null)}
          error={show('source')}
          comboboxProps={{ withinPortal: false }}
        />
        <SimpleGrid cols={2}>
          <NumberInput label={t('headCounts.workers')} required min={0} max={100_000} allowDecimal={false} allowNegative={false} value={workers} onChange={setWorkers} error={show('workers')} />
          <NumberInput
            label={t('headCounts.othersAffected')}
            description={t('headCounts.othersAffectedHelp')}
            min={0}
            max={100_000}
            allowDecimal={false}
            allowNegative={false}
            value={othersAffected}
            onChange={setOthersAffected}
            error={show('othersAffected')}
          />
        </SimpleGrid>
        <Textarea label={t('headCounts.reason')} description={t('headCounts.reasonHelp')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={show('reasonForChange')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
