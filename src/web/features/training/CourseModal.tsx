// Add or change a course of the catalogue: names, provider, completion rule
// (minimum attendance %), hours per meeting day; a new course belongs to the
// user's office (a national user's: the national catalogue).
import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MIN_ATTENDANCE_PCT, type Course } from '../../../common/training.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useSession } from '../auth/session.ts';
import { useSaveCourse } from './training.api.ts';

export function CourseModal({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const { t } = useTranslation('training');
  const session = useSession();
  const scope = session.me?.scope;
  const save = useSaveCourse();
  const [code, setCode] = useState('');
  const [nameId, setNameId] = useState(course?.nameId ?? '');
  const [nameEn, setNameEn] = useState(course?.nameEn ?? '');
  const [description, setDescription] = useState(course?.description ?? '');
  const [provider, setProvider] = useState(course?.provider ?? '');
  const [pct, setPct] = useState<number>(course?.minAttendancePct ?? DEFAULT_MIN_ATTENDANCE_PCT);
  const [hours, setHours] = useState<number>(course?.hoursPerDay ?? 4);
  const [active, setActive] = useState(course?.active ?? true);
  const errors = fieldErrors(save.error);
  const fields = { nameId, nameEn, description, provider, minAttendancePct: pct, hoursPerDay: hours };
  const submit = () =>
    save.mutate(
      course
        ? { id: course.id, body: { ...fields, active, version: course.version } }
        : { id: null, body: { ...fields, code, regionCode: scope && scope.level !== 'national' ? scope.code : null } },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={course ? t('courses.edit') : t('courses.add')}>
      <Stack gap="sm">
        {!course && <TextInput label={t('courses.code')} description={t('courses.codeHint')} required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} />}
        <TextInput label={t('courses.nameId')} required value={nameId} onChange={(e) => setNameId(e.currentTarget.value)} error={errors.nameId} />
        <TextInput label={t('courses.nameEn')} required value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={errors.nameEn} />
        <Textarea label={t('courses.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} autosize minRows={2} />
        <TextInput label={t('courses.provider')} value={provider} onChange={(e) => setProvider(e.currentTarget.value)} error={errors.provider} />
        <NumberInput
          label={t('courses.rule')}
          description={t('courses.ruleHint')}
          min={1}
          max={100}
          suffix=" %"
          value={pct}
          onChange={(v) => setPct(Number(v) || 0)}
          error={errors.minAttendancePct}
        />
        <NumberInput label={t('courses.hoursPerDay')} min={0.5} max={24} step={0.5} decimalScale={1} value={hours} onChange={(v) => setHours(Number(v) || 0)} error={errors.hoursPerDay} />
        {course && <Checkbox label={t('courses.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
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
