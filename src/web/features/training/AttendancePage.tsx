// The attendance grid of one meeting day (/pelatihan/pertemuan/:id): every active
// participant within reach, present / absent / excused, saved together.
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateLong } from '../../../common/format.ts';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../common/training.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useAttendance, useRecordAttendance } from './training.api.ts';

export function AttendancePage() {
  const { t } = useTranslation('training');
  const language = useDisplayLanguage();
  const id = Number(useParams().id);
  const grid = useAttendance(id);
  const record = useRecordAttendance(id);
  const [marks, setMarks] = useState<Record<number, AttendanceStatus>>({});
  const [saved, setSaved] = useState(false);
  usePageTitle(t('attendance.title'));
  // Start from what is recorded; unrecorded rows stay unmarked until chosen.
  useEffect(() => {
    if (grid.data) setMarks(Object.fromEntries(grid.data.rows.filter((r) => r.status).map((r) => [r.enrolmentId, r.status!])));
  }, [grid.data]);
  if (grid.error) return <ErrorState title={t('page.loadFailed')} error={grid.error} onRetry={() => void grid.refetch()} />;
  if (!grid.data) return <PageLoader />;
  const g = grid.data;
  const editable = g.rows.filter((r) => r.editable);
  const entries = editable.filter((r) => marks[r.enrolmentId]).map((r) => ({ enrolmentId: r.enrolmentId, status: marks[r.enrolmentId]! }));
  const allPresent = () => setMarks((m) => ({ ...m, ...Object.fromEntries(editable.map((r) => [r.enrolmentId, 'present' as const])) }));
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/pelatihan/angkatan/${g.runId}`} size="sm">
          {g.runTitle}
        </Anchor>
        <Title order={1} size="h3">
          {t('attendance.heading', { date: formatDateLong(g.meeting.date, language) })}
        </Title>
      </div>
      {g.rows.length === 0 ? (
        <Text c="dimmed">{t('attendance.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('enrolments.case')}</Table.Th>
              <Table.Th>{t('attendance.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.rows.map((r) => (
              <Table.Tr key={r.enrolmentId}>
                <Table.Td>{r.caseCode}</Table.Td>
                <Table.Td>
                  {r.editable ? (
                    <SegmentedControl
                      aria-label={t('attendance.statusOf', { code: r.caseCode })}
                      value={marks[r.enrolmentId] ?? ''}
                      onChange={(v) => (setSaved(false), setMarks((m) => ({ ...m, [r.enrolmentId]: v as AttendanceStatus })))}
                      data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendance.${s}`) }))}
                    />
                  ) : (
                    <Text size="sm">{r.status ? t(`attendance.${r.status}`) : '–'}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={record.error} />
      {editable.length > 0 && (
        <Group>
          <Button variant="default" onClick={allPresent}>
            {t('attendance.allPresent')}
          </Button>
          <Button disabled={entries.length === 0} loading={record.isPending} onClick={() => record.mutate({ entries }, { onSuccess: () => setSaved(true) })}>
            {t('attendance.save', { count: entries.length })}
          </Button>
          {saved && (
            <Text size="sm" c="teal">
              {t('attendance.saved')}
            </Text>
          )}
        </Group>
      )}
      {g.rows.length > 0 && editable.length === 0 && <Text c="dimmed">{t('attendance.readOnly')}</Text>}
    </Stack>
  );
}
