// The "Pelatihan" panel of a case: its enrolments with attendance and completion,
// linking to each run. Used as the case page's tab and on /kasus/:id/pelatihan.
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateMedium } from '../../../common/format.ts';
import type { Enrolment } from '../../../common/training.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { CertificateModal } from './CertificateModal.tsx';
import { useCaseTraining } from './training.api.ts';
import { CompletionBadge, useCourseName } from './training-parts.tsx';

export function CaseTrainingPanel({ caseId }: { caseId: number }) {
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
      {certificate && <CertificateModal enrolment={certificate} onClose={() => setCertificate(null)} />}
    </Stack>
  );
}
