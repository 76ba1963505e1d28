// Plan or change a course run (cohort): course, organising office, title, dates,
// location, trainer and capacity.
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Course, RunDetail } from '../../../common/training.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useSession } from '../auth/session.ts';
import { useSaveRun } from './training.api.ts';
import { useCourseName } from './training-parts.tsx';

export function RunModal({ run, courses, onClose }: { run: RunDetail | null; courses: Course[]; onClose: () => void }) {
  const { t } = useTranslation('training');
  const name = useCourseName();
  const navigate = useNavigate();
  const scope = useSession().me?.scope;
  const save = useSaveRun();
  const [courseId, setCourseId] = useState<string | null>(run ? String(run.courseId) : (courses[0] ? String(courses[0].id) : null));
  const [regionCode, setRegionCode] = useState(run?.regionCode ?? (scope && scope.level !== 'national' ? scope.code : ''));
  const [title, setTitle] = useState(run?.title ?? '');
  const [startsOn, setStartsOn] = useState(run?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(run?.endsOn ?? '');
  const [location, setLocation] = useState(run?.location ?? '');
  const [trainer, setTrainer] = useState(run?.trainer ?? '');
  const [capacity, setCapacity] = useState<number | ''>(run?.capacity ?? '');
  const errors = fieldErrors(save.error);
  const fields = { title, startsOn, endsOn, location, trainer, capacity: capacity === '' ? null : capacity };
  const submit = () =>
    save.mutate(run ? { id: run.id, body: { ...fields, version: run.version } } : { id: null, body: { ...fields, courseId: Number(courseId), regionCode } }, {
      onSuccess: (saved) => {
        onClose();
        if (!run) void navigate(`/pelatihan/angkatan/${saved.id}`);
      },
    });
  return (
    <Modal opened onClose={onClose} title={run ? t('runs.edit') : t('runs.add')} size="lg">
      <Stack gap="sm">
        {!run && (
          <>
            <Select
              label={t('runs.course')}
              required
              data={courses.map((c) => ({ value: String(c.id), label: name(c) }))}
              value={courseId}
              onChange={setCourseId}
              error={errors.courseId}
            />
            <TextInput label={t('runs.office')} description={t('runs.officeHint')} required value={regionCode} onChange={(e) => setRegionCode(e.currentTarget.value)} error={errors.regionCode} />
          </>
        )}
        <TextInput label={t('runs.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <Group grow>
          <TextInput type="date" label={t('runs.startsOn')} required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
          <TextInput type="date" label={t('runs.endsOn')} required value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />
        </Group>
        <TextInput label={t('runs.location')} required value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={errors.location} />
        <TextInput label={t('runs.trainer')} value={trainer} onChange={(e) => setTrainer(e.currentTarget.value)} error={errors.trainer} />
        <NumberInput label={t('runs.capacity')} min={1} max={1000} value={capacity} onChange={(v) => setCapacity(v === '' ? '' : Number(v))} error={errors.capacity} />
        <FormError error={save.error} shownFields={Object.keys(errors)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
