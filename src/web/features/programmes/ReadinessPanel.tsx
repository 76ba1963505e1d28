// Readiness of the local government: what was asked of whom and when, and the answer with its document.
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium } from '../../../common/format.ts';
import { READINESS_ANSWERS, type ProgrammeRegionView, type ReadinessRequestView } from '../../../common/programmes.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useAnswerReadiness, useReadiness, useRequestReadiness } from './programmes.api.ts';
import { todayIso } from './region-status.tsx';

type Answer = (typeof READINESS_ANSWERS)[number];
const ANSWER_COLORS: Record<Answer, string> = { ready: 'teal', not_ready: 'red', conditional: 'yellow' };

export function ReadinessPanel({ region }: { region: ProgrammeRegionView }) {
  const { t } = useTranslation('programmes');
  const readiness = useReadiness(region.id);
  const [asking, setAsking] = useState(false);
  if (readiness.error) return <ErrorState title={t('readiness.loadFailed')} error={readiness.error} onRetry={() => void readiness.refetch()} />;
  if (!readiness.data) return <PageLoader />;
  const canAsk = region.actions.includes('request_readiness');
  const canAnswer = region.actions.includes('answer_readiness');

  return (
    <Stack gap="sm">
      {readiness.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('readiness.empty')}
        </Text>
      )}
      {readiness.data.items.map((request) => (
        <ReadinessItem key={request.id} request={request} regionId={region.id} canAnswer={canAnswer} />
      ))}
      {canAsk &&
        (asking ? (
          <AskForm regionId={region.id} onDone={() => setAsking(false)} />
        ) : (
          <Group>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAsking(true)}>
              {t('readiness.ask')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

function ReadinessItem({ request, regionId, canAnswer }: { request: ReadinessRequestView; regionId: number; canAnswer: boolean }) {
  const { t } = useTranslation('programmes');
  const language = useDisplayLanguage();
  const [answering, setAnswering] = useState(false);
  return (
    <Paper withBorder p="sm" component="article" aria-label={t('readiness.itemLabel', { who: request.askedOf, date: formatDateMedium(request.askedAt, language) })}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" fw={500}>
            {t('readiness.askedOfOn', { who: request.askedOf, date: formatDateMedium(request.askedAt, language) })}
          </Text>
          {request.answer ? (
            <Badge color={ANSWER_COLORS[request.answer]} variant="light" radius="sm">
              {t(`readiness.answers.${request.answer}`)}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline" radius="sm">
              {t('readiness.pending')}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {request.question}
        </Text>
        {request.answer && (
          <Stack gap={2} mt={4}>
            <Text size="sm">
              {t('readiness.answeredByOn', { who: request.answeredBy ?? '—', date: request.answeredAt ? formatDateMedium(request.answeredAt, language) : '—' })}
            </Text>
            {request.answerNote && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {request.answerNote}
              </Text>
            )}
            {request.documentRef && (
              <Text size="sm">
                <Text span fw={500} size="sm">
                  {t('readiness.documentRef')}:
                </Text>{' '}
                {request.documentRef}
              </Text>
            )}
          </Stack>
        )}
        {!request.answer &&
          canAnswer &&
          (answering ? (
            <AnswerForm request={request} regionId={regionId} onDone={() => setAnswering(false)} />
          ) : (
            <Group>
              <Button size="compact-sm" variant="subtle" onClick={() => setAnswering(true)}>
                {t('readiness.recordAnswer')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

function AskForm({ regionId, onDone }: { regionId: number; onDone: () => void }) {
  const { t } = useTranslation('programmes');
  const ask = useRequestReadiness(regionId);
  const [askedAt, setAskedAt] = useState(todayIso());
  const [askedOf, setAskedOf] = useState('');
  const [question, setQuestion] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(ask.error);
  const local: Record<string, string | undefined> = {
    askedAt: askedAt ? undefined : t('form.required'),
    askedOf: askedOf.trim().length >= 2 ? undefined : t('form.minChars', { min: 2 }),
    question: question.trim().length >= 5 ? undefined : t('form.minChars', { min: 5 }),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);
  return (
    <Paper withBorder p="sm">
      <form
        noValidate
        aria-label={t('readiness.ask')}
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (Object.values(local).some(Boolean)) return;
          ask.mutate({ askedAt, askedOf: askedOf.trim(), question: question.trim() }, { onSuccess: onDone });
        }}
      >
        <Stack gap="sm">
          <FormError error={ask.error} shownFields={['askedAt', 'askedOf', 'question']} />
          <TextInput label={t('readiness.askedOf')} description={t('readiness.askedOfHelp')} required value={askedOf} onChange={(e) => setAskedOf(e.currentTarget.value)} error={show('askedOf')} data-autofocus />
          <Textarea label={t('readiness.question')} required autosize minRows={2} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} error={show('question')} />
          <TextInput label={t('readiness.askedAt')} type="date" required value={askedAt} onChange={(e) => setAskedAt(e.currentTarget.value)} error={show('askedAt')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={ask.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AnswerForm({ request, regionId, onDone }: { request: ReadinessRequestView; regionId: number; onDone: () => void }) {
  const { t } = useTranslation('programmes');
  const answer = useAnswerReadiness(regionId);
  const [answeredAt, setAnsweredAt] = useState(todayIso());
  const [value, setValue] = useState<Answer | null>(null);
  const [answeredBy, setAnsweredBy] = useState(request.askedOf);
  const [answerNote, setAnswerNote] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(answer.error);
  const local: Record<string, string | undefined> = {
    answeredAt: answeredAt ? undefined : t('form.required'),
    answer: value ? undefined : t('form.required'),
    answeredBy: answeredBy.trim().length >= 2 ? undefined : t('form.minChars', { min: 2 }),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);
  return (
    <form
      noValidate
      aria-label={t('readiness.recordAnswer')}
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(local).some(Boolean) || !value) return;
        answer.mutate(
          {
            requestId: request.id,
            body: { answeredAt, answer: value, answeredBy: answeredBy.trim(), answerNote: answerNote.trim() || null, documentRef: documentRef.trim() || null },
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="sm" mt="xs">
        <FormError error={answer.error} shownFields={['answeredAt', 'answer', 'answeredBy', 'answerNote', 'documentRef']} />
        <Select
          label={t('readiness.answer')}
          required
          data={READINESS_ANSWERS.map((a) => ({ value: a, label: t(`readiness.answers.${a}`) }))}
          value={value}
          onChange={(v) => setValue(v as Answer | null)}
          error={show('answer')}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        <TextInput label={t('readiness.answeredBy')} required value={answeredBy} onChange={(e) => setAnsweredBy(e.currentTarget.value)} error={show('answeredBy')} />
        <TextInput label={t('readiness.answeredAt')} type="date" required value={answeredAt} onChange={(e) => setAnsweredAt(e.currentTarget.value)} error={show('answeredAt')} />
        <Textarea label={t('readiness.answerNote')} autosize minRows={2} value={answerNote} onChange={(e) => setAnswerNote(e.currentTarget.value)} error={show('answerNote')} />
        <TextInput label={t('readiness.documentRef')} description={t('readiness.documentRefHelp')} value={documentRef} onChange={(e) => setDocumentRef(e.currentTarget.value)} error={show('documentRef')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={answer.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
