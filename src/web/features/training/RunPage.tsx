// A course run (/pelatihan/angkatan/:id): its facts, meeting days (add, delete, open
// the attendance grid) and the enrolments within reach with attendance, completion
// and the actions each allows (withdraw, certificate).
import { Anchor, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateMedium } from '../../../common/format.ts';
import type { RunDetail } from '../../../common/training.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Fact } from '../../components/Fact.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { EnrolmentsTable } from './EnrolmentsTable.tsx';
import { RunModal } from './RunModal.tsx';
import { useAddMeeting, useDeleteMeeting, useRun } from './training.api.ts';
import { useCourseName } from './training-parts.tsx';

export function RunPage() {
  const { t } = useTranslation('training');
  const id = Number(useParams().id);
  const run = useRun(id);
  const name = useCourseName();
  const language = useDisplayLanguage();
  const [editing, setEditing] = useState(false);
  usePageTitle(run.data?.title ?? t('page.title'));
  if (run.error) return <ErrorState title={t('page.loadFailed')} error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return <PageLoader />;
  const r = run.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Anchor component={Link} to="/pelatihan" size="sm">
            {t('page.back')}
          </Anchor>
          <Title order={1} size="h3">
            {r.title}
          </Title>
        </div>
        {r.actions.includes('edit') && <Button onClick={() => setEditing(true)}>{t('actions.edit')}</Button>}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }}>
        <Fact label={t('runs.course')}>{name(r)}</Fact>
        <Fact label={t('runs.office')}>{r.regionName ?? r.regionCode}</Fact>
        <Fact label={t('runs.dates')}>
          {formatDateMedium(r.startsOn, language)} – {formatDateMedium(r.endsOn, language)}
        </Fact>
        <Fact label={t('runs.location')}>{r.location}</Fact>
        <Fact label={t('runs.trainer')}>{r.trainer || '–'}</Fact>
        <Fact label={t('courses.rule')}>{t('courses.ruleValue', { pct: r.course.minAttendancePct })}</Fact>
        <Fact label={t('courses.provider')}>{r.course.provider || '–'}</Fact>
        <Fact label={t('runs.enrolled')}>{r.capacity === null ? r.enrolled : `${r.enrolled} / ${r.capacity}`}</Fact>
      </SimpleGrid>
      <MeetingDays run={r} />
      <EnrolmentsTable run={r} />
      {editing && <RunModal run={r} courses={[r.course]} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function MeetingDays({ run }: { run: RunDetail }) {
  const { t } = useTranslation('training');
  const language = useDisplayLanguage();
  const add = useAddMeeting(run.id);
  const remove = useDeleteMeeting();
  const [date, setDate] = useState('');
  const [hours, setHours] = useState<number | ''>('');
  const [topic, setTopic] = useState('');
  const errors = fieldErrors(add.error);
  const submit = () => add.mutate({ date, topic, ...(hours === '' ? {} : { hours }) }, { onSuccess: () => (setDate(''), setTopic(''), setHours('')) });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('meetings.title', { count: run.meetingDays.length })}
      </Title>
      {run.meetingDays.length === 0 ? (
        <Text c="dimmed">{t('meetings.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('meetings.date')}</Table.Th>
              <Table.Th>{t('meetings.hours')}</Table.Th>
              <Table.Th>{t('meetings.topic')}</Table.Th>
              <Table.Th>{t('meetings.recorded')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.meetingDays.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDateMedium(m.date, language)}</Table.Td>
                <Table.Td>{m.hours}</Table.Td>
                <Table.Td>{m.topic || '–'}</Table.Td>
                <Table.Td>{m.recorded}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button component={Link} to={`/pelatihan/pertemuan/${m.id}`} size="xs" variant="light">
                      {m.actions.includes('record_attendance') ? t('meetings.recordAttendance') : t('meetings.viewAttendance')}
                    </Button>
                    {m.actions.includes('delete') && (
                      <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables === m.id} onClick={() => remove.mutate(m.id)}>
                        {t('actions.delete')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={remove.error} />
      {run.actions.includes('add_meeting') && (
        <Group align="flex-end">
          <TextInput type="date" label={t('meetings.date')} min={run.startsOn} max={run.endsOn} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} />
          <NumberInput w={120} label={t('meetings.hours')} placeholder={String(run.course.hoursPerDay)} min={0.5} max={24} step={0.5} value={hours} onChange={(v) => setHours(v === '' ? '' : Number(v))} />
          <TextInput label={t('meetings.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={errors.topic} />
          <Button onClick={submit} loading={add.isPending} disabled={!date}>
            {t('meetings.add')}
          </Button>
        </Group>
      )}
      <FormError error={add.error} shownFields={Object.keys(errors)} />
    </Stack>
  );
}
