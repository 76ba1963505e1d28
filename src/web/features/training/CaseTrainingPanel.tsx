// The "Pelatihan" tab of a case (/kasus/:id/pelatihan): its enrolments with attendance
// and completion, linking to each run (where attendance is taken per meeting day), and
// enrolment in a current run of an office covering the case's regency.
import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateMedium } from '../../../common/format.ts';
import type { Enrolment } from '../../../common/training.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { FormError } from '../../components/FormError.tsx';
import { CertificateModal } from './CertificateModal.tsx';
import { useCaseTraining, useEnrol, useRuns } from './training.api.ts';
import { CompletionBadge, useCourseName } from './training-parts.tsx';

export function CaseTrainingPanel({ caseId, regencyCode }: { caseId: number; regencyCode: string }) {
  const { t } = useTranslation('training');
  const language = useDisplayLanguage();
  const name = useCourseName();
  const data = useCaseTraining(caseId);
  const [certificate, setCertificate] = useState<Enrolment | null>(null);
  if (data.error) return <ErrorState title={t('page.loadFailed')} error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <PageLoader />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('caseTab.title')}
      </Title>
      {data.data.items.length === 0 ? (
        <Text c="dimmed">{t('caseTab.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('runs.course')}</Table.Th>
              <Table.Th>{t('runs.title')}</Table.Th>
              <Table.Th>{t('runs.dates')}</Table.Th>
              <Table.Th>{t('enrolments.attendance')}</Table.Th>
              <Table.Th>{t('enrolments.completion')}</Table.Th>
              <Table.Th>{t('enrolments.certificate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{name(e)}</Table.Td>
                <Table.Td>
                  <Link to={`/pelatihan/angkatan/${e.runId}`}>{e.runTitle}</Link>
                </Table.Td>
                <Table.Td>
                  {formatDateMedium(e.startsOn, language)} – {formatDateMedium(e.endsOn, language)}
                </Table.Td>
                <Table.Td>{t('enrolments.attendanceValue', { present: e.present, meetings: e.meetings, pct: e.attendedPct, excused: e.excused })}</Table.Td>
                <Table.Td>
                  <CompletionBadge status={e.completion} />
                </Table.Td>
                <Table.Td>
                  {e.actions.includes('certificate') ? (
                    <Anchor component="button" size="sm" onClick={() => setCertificate(e)}>
                      {e.certificateNumber ?? t('certificate.download')}
                    </Anchor>
                  ) : (
                    (e.certificateNumber ?? '–')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data.data.actions.includes('enrol') && <EnrolInRun caseId={caseId} regencyCode={regencyCode} enrolledIn={data.data.items.filter((e) => e.completion !== 'withdrawn').map((e) => e.runId)} />}
      {certificate && <CertificateModal enrolment={certificate} onClose={() => setCertificate(null)} />}
    </Stack>
  );
}

/** Current runs that may take the case: held by an office whose region covers its regency. */
function EnrolInRun({ caseId, regencyCode, enrolledIn }: { caseId: number; regencyCode: string; enrolledIn: number[] }) {
  const { t } = useTranslation('training');
  const language = useDisplayLanguage();
  const runs = useRuns({ when: 'current', limit: 200 });
  const [runId, setRunId] = useState<string | null>(null);
  const enrol = useEnrol(Number(runId));
  const covers = (region: string) => regencyCode === region || regencyCode.startsWith(`${region}.`);
  const open = (runs.data?.items ?? []).filter((r) => r.actions.includes('enrol') && covers(r.regionCode) && !enrolledIn.includes(r.id));
  if (runs.data && open.length === 0) return <Text size="sm" c="dimmed">{t('caseTab.noRuns')}</Text>;
  return (
    <Stack gap={4}>
      <Group align="flex-end">
        <Select
          label={t('caseTab.run')}
          placeholder={t('caseTab.chooseRun')}
          data={open.map((r) => ({ value: String(r.id), label: `${r.title} · ${formatDateMedium(r.startsOn, language)} – ${formatDateMedium(r.endsOn, language)}` }))}
          value={runId}
          onChange={setRunId}
          w={460}
          maw="100%"
        />
        <Button disabled={!runId} loading={enrol.isPending} onClick={() => enrol.mutate(caseId, { onSuccess: () => setRunId(null) })}>
          {t('enrolments.enrolThis')}
        </Button>
      </Group>
      <FormError error={enrol.error ?? runs.error} />
    </Stack>
  );
}
