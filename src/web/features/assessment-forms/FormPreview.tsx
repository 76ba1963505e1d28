// The form as a case worker will see it (the Asesmen tab's own inputs), to try out:
// nothing is saved; score and flags are computed as on submission.
import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoreAnswers, type Answers, type FormDefinition } from '../../../common/case-forms.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { QuestionInput } from '../cases/QuestionInput.tsx';

export function FormPreview({ definition }: { definition: FormDefinition }) {
  const { t } = useTranslation(['assessmentForms', 'cases']);
  const language = useDisplayLanguage();
  const [answers, setAnswers] = useState<Answers>({});
  const { score, flags } = scoreAnswers(definition, answers);
  return (
    <Stack gap="md">
      <Alert variant="light">{t('preview.intro')}</Alert>
      <Paper withBorder p="sm" data-testid="preview-result">
        <Group gap="xs">
          <Text fw={600}>{t('preview.result', { score })}</Text>
          {flags.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('preview.noFlags')}
            </Text>
          )}
          {flags.map((f) => (
            <Badge key={f} color="orange" variant="light">
              {t(`cases:flags.${f}` as never, { defaultValue: f })}
            </Badge>
          ))}
        </Group>
      </Paper>
      {definition.sections.map((s, si) => (
        <Paper key={`${si}-${s.key}`} withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {s.title[language]}
          </Title>
          <Stack gap="sm">
            {s.questions.map((q, qi) => (
              <QuestionInput
                key={`${qi}-${q.key}`}
                q={q}
                lang={language}
                value={answers[q.key]}
                disabled={false}
                error={undefined}
                onChange={(v) => setAnswers((prev) => ({ ...prev, [q.key]: v ?? null }))}
              />
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
