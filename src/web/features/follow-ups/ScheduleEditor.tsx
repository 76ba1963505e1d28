// A programme's follow-up schedule (months after closure or arrival home), for holders
// of case.configure; the server decides whether the programme may be changed by them.
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useFollowUpSchedule, useSaveFollowUpSchedule } from './follow-ups.api.ts';

const parseOffsets = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);

export function ScheduleEditor({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation('followUps');
  const schedule = useFollowUpSchedule(programmeId, true);
  const save = useSaveFollowUpSchedule(programmeId);
  const [text, setText] = useState('');
  const current = schedule.data?.offsetsMonths.join(', ') ?? '';
  useEffect(() => setText(current), [current]);
  const offsets = parseOffsets(text);
  const valid = offsets.length > 0 && offsets.every((n) => Number.isInteger(n) && n >= 1 && n <= 60) && new Set(offsets).size === offsets.length;
  const errors = fieldErrors(save.error);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('schedule.title')}
        </Title>
        {schedule.error ? (
          <ErrorState title={t('schedule.loadFailed')} error={schedule.error} onRetry={() => void schedule.refetch()} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {schedule.data?.isDefault ? t('schedule.isDefault') : t('schedule.own')} {t('schedule.hint')}
            </Text>
            <Group align="flex-end">
              <TextInput
                label={t('schedule.offsets')}
                description={t('schedule.offsetsHint')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={errors.offsetsMonths ?? (text && !valid ? t('schedule.invalid') : undefined)}
                disabled={!schedule.data}
                w={280}
              />
              <Button onClick={() => save.mutate(offsets)} loading={save.isPending} disabled={!valid || text === current}>
                {t('save')}
              </Button>
            </Group>
            {save.isSuccess && text === current && (
              <Text size="sm" c="teal">
                {t('schedule.saved')}
              </Text>
            )}
            <FormError error={save.error} shownFields={['offsetsMonths']} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
