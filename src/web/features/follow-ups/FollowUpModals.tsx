// The two steps of a scheduled visit: record it (date, outcome, where she moved to when
// "moved", a note kept sealed) or mark it missed with a reason.
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES, type FollowUp, type FollowUpOutcome } from '../../../common/follow-ups.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { todayWib } from './follow-up-parts.tsx';
import { useFollowUpStep } from './follow-ups.api.ts';

export function RecordOutcomeModal({ followUp: f, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation('followUps');
  const mutation = useFollowUpStep();
  const [visitedOn, setVisitedOn] = useState(todayWib());
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null);
  const [movedRegionCode, setMoved] = useState('');
  const [note, setNote] = useState('');
  const errors = fieldErrors(mutation.error);
  const submit = () => {
    if (!outcome) return;
    const body = { visitedOn, outcome, note, version: f.version, ...(outcome === 'moved' && movedRegionCode ? { movedRegionCode } : {}) };
    mutation.mutate({ id: f.id, step: 'outcome', body }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('record.title', { code: f.caseCode, months: f.offsetMonths })} size="lg">
      <Stack gap="sm">
        <TextInput type="date" required label={t('record.visitedOn')} value={visitedOn} max={todayWib()} onChange={(e) => setVisitedOn(e.currentTarget.value)} error={errors.visitedOn} />
        <Select
          required
          label={t('record.outcome')}
          data={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome(v as FollowUpOutcome | null)}
          error={errors.outcome}
        />
        {outcome === 'moved' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('record.movedTo')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('record.movedHint')}
            </Text>
            <RegionPicker value={movedRegionCode} onChange={setMoved} />
            {movedRegionCode && (
              <Button variant="subtle" size="xs" w="fit-content" onClick={() => setMoved('')}>
                {t('record.movedUnknown')}
              </Button>
            )}
            {errors.movedRegionCode && (
              <Text size="xs" c="red">
                {errors.movedRegionCode}
              </Text>
            )}
          </Stack>
        )}
        <Textarea label={t('record.note')} description={t('record.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={2} maxLength={2000} />
        <FormError error={mutation.error} shownFields={['visitedOn', 'outcome', 'movedRegionCode', 'note']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} disabled={!outcome || !visitedOn}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function MarkMissedModal({ followUp: f, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation('followUps');
  const mutation = useFollowUpStep();
  const [reason, setReason] = useState('');
  const errors = fieldErrors(mutation.error);
  return (
    <Modal opened onClose={onClose} title={t('missed.title', { code: f.caseCode, months: f.offsetMonths })}>
      <Stack gap="sm">
        <Textarea required label={t('missed.reason')} description={t('missed.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} maxLength={500} />
        <FormError error={mutation.error} shownFields={['reason']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            color="orange"
            onClick={() => mutation.mutate({ id: f.id, step: 'missed', body: { reason, version: f.version } }, { onSuccess: onClose })}
            loading={mutation.isPending}
            disabled={reason.trim().length < 5}
          >
            {t('missed.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
