// /laporan/hasil-rehabilitasi: what share of a cohort (cases closed or returned home in a
// period) is in which outcome 3, 6 and 12 months on, by programme and region; counts
// under 5 come from the API already suppressed and are shown as given. Excel download;
// a programme's visit schedule for case.configure holders.
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeReportQuery } from '../../../common/follow-ups.ts';
import { formatDateMedium } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useProgrammes } from '../programmes/programmes.api.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { todayWib } from './follow-up-parts.tsx';
import { downloadOutcomeReport, useOutcomeReport } from './follow-ups.api.ts';
import { OutcomeChart } from './OutcomeChart.tsx';
import { OutcomeTable } from './OutcomeTable.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Default cohort: the two previous calendar years, so the 3/6/12-month milestones have passed for most of it. */
const defaultFrom = () => `${Number(todayWib().slice(0, 4)) - 2}-01-01`;

export function OutcomeReportPage() {
  const { t } = useTranslation('followUps');
  const language = useDisplayLanguage();
  const session = useSession();
  usePageTitle(t('report.title'));
  const programmes = useProgrammes();
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [regionCode, setRegionCode] = useState('');
  const [cohortFrom, setFrom] = useState(defaultFrom());
  const [cohortTo, setTo] = useState(todayWib());
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const query: OutcomeReportQuery | null =
    ISO_DATE.test(cohortFrom) && ISO_DATE.test(cohortTo)
      ? { cohortFrom, cohortTo, ...(programmeId ? { programmeId: Number(programmeId) } : {}), ...(regionCode ? { regionCode } : {}) }
      : null;
  const report = useOutcomeReport(query);
  const download = async () => {
    if (!query) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadOutcomeReport(query);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };
  const r = report.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('report.title')}
        </Title>
        <Button leftSection={<IconDownload size={16} aria-hidden />} variant="default" onClick={() => void download()} loading={downloading} disabled={!query || !!report.error}>
          {t('report.download')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('report.intro')}
      </Text>
      <FormError error={downloadError} />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Stack gap="sm">
            <Select
              label={t('report.programme')}
              placeholder={t('report.allProgrammes')}
              data={(programmes.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={programmeId}
              onChange={setProgrammeId}
              clearable
              searchable
            />
            <TextInput type="date" label={t('report.cohortFrom')} value={cohortFrom} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" label={t('report.cohortTo')} value={cohortTo} onChange={(e) => setTo(e.currentTarget.value)} />
          </Stack>
          <Stack gap="xs">
            <RegionPicker value={regionCode} onChange={setRegionCode} maxLevel="regency" />
            {regionCode && (
              <Button variant="subtle" size="xs" onClick={() => setRegionCode('')} w="fit-content">
                {t('report.allRegions')}
              </Button>
            )}
          </Stack>
        </SimpleGrid>
      </Paper>
      {report.error ? (
        <ErrorState title={t('report.loadFailed')} error={report.error} onRetry={() => void report.refetch()} />
      ) : !r ? (
        query && <PageLoader />
      ) : (
        <>
          <Text size="sm">
            {t('report.cohort', { shown: r.cohort.shown, from: formatDateMedium(r.query.cohortFrom, language), to: formatDateMedium(r.query.cohortTo, language) })}{' '}
            <Text span c="dimmed" size="sm">
              {t('report.asOf', { date: formatDateMedium(r.asOf, language) })}
            </Text>
          </Text>
          <OutcomeTable report={r} />
          <Text size="xs" c="dimmed">
            {t('report.suppression')}
          </Text>
          <OutcomeChart report={r} />
        </>
      )}
      {programmeId && can(session, 'case.configure') && <ScheduleEditor programmeId={Number(programmeId)} />}
    </Stack>
  );
}
