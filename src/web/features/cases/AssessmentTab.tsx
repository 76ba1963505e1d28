// Asesmen: the form drawn from its definition (data), filled in, saved, submitted
// (then locked), and corrected as a new version. Score and flags after submission.
import { Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, AssessmentDetail } from '../../../common/case-forms.ts';
import type { CaseDetail } from '../../../common/cases.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useAssessment, useAssessments, useSaveAssessment, useStartAssessment } from './cases.api.ts';
import { QuestionInput } from './QuestionInput.tsx';

export function AssessmentTab({ caseData: c }: { caseData: CaseDetail }) {
  const { t } = useTranslation('cases');
  const list = useAssessments(c.id);
  const start = useStartAssessment(c.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const latestId = list.data?.items[0]?.id ?? null;
  const current = chosen ?? latestId;
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorState title={t('loadError')} error={list.error} onRetry={() => void list.refetch()} />;
  const canStart = list.data.actions.includes('create');
  return (
    <Stack gap="md">
      <Group>
        {list.data.items.length > 0 && (
          <Select
            label={t('assessment.version')}
            value={current ? String(current) : null}
            onChange={(v) => setChosen(v ? Number(v) : null)}
            data={list.data.items.map((a) => ({ value: String(a.id), label: `${t('assessment.versionN', { n: a.version })} · ${t(`assessment.${a.status}`)}` }))}
          />
        )}
        {canStart && (
          <Button mt="lg" loading={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: (a) => setChosen(a.id) })}>
            {list.data.items.length ? t('assessment.newVersion') : t('assessment.start')}
          </Button>
        )}
      </Group>
      <FormError error={start.error} />
      {list.data.items.length === 0 && <Text c="dimmed">{t('assessment.none')}</Text>}
      {current !== null && <AssessmentForm caseId={c.id} assessmentId={current} />}
    </Stack>
  );
}

function AssessmentForm({ caseId, assessmentId }: { caseId: number; assessmentId: number }) {
  const { t, i18n } = useTranslation('cases');
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const a = useAssessment(caseId, assessmentId);
  const save = useSaveAssessment(caseId);
  const [answers, setAnswers] = useState<Answers>({});
  useEffect(() => {
    if (a.data) setAnswers(a.data.answers);
  }, [a.data]);
  if (a.isPending) return <PageLoader />;
  if (a.isError) return <ErrorState title={t('loadError')} error={a.error} onRetry={() => void a.refetch()} />;
  const d: AssessmentDetail = a.data;
  const editable = d.actions.includes('edit');
  const errors = fieldErrors(save.error);
  return (
    <Stack gap="md">
      {d.status === 'submitted' && (
        <Paper withBorder p="sm">
          <Group gap="xs">
            <Text fw={600}>{t('assessment.score', { score: d.score ?? 0 })}</Text>
            {d.flags.map((f) => (
              <Badge key={f} color="orange" variant="light">{t(`flags.${f}` as never, { defaultValue: f })}</Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">{t('assessment.locked')}</Text>
        </Paper>
      )}
      {d.form.definition.sections.map((s) => (
        <Paper key={s.key} withBorder p="md">
          <Title order={3} size="h4" mb="xs">{s.title[lang]}</Title>
          <Stack gap="sm">
            {s.questions.map((q) => (
              <QuestionInput
                key={q.key}
                q={q}
                lang={lang}
                value={answers[q.key]}
                disabled={!editable}
                error={errors[`answers.${q.key}`]}
                onChange={(v) => setAnswers((prev) => ({ ...prev, [q.key]: v ?? null }))}
              />
            ))}
          </Stack>
        </Paper>
      ))}
      <FormError error={save.error} shownFields={Object.keys(errors)} />
      {editable && (
        <Group>
          <Button variant="light" loading={save.isPending} onClick={() => save.mutate({ assessmentId, answers, submit: false })}>
            {t('assessment.save')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate({ assessmentId, answers, submit: true })}>
            {t('assessment.submit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
