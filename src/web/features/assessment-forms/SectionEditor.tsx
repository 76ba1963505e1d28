// One section in the editor: its title in both languages, key, and its questions
// (add, edit, reorder, remove).
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelInputs, MoveButtons, type ErrorAt } from './editor-parts.tsx';
import { changedQuestion, moved, newQuestion, replaced, without, type DraftForm, type DraftQuestion, type DraftSection } from './form-draft.ts';
import { QuestionEditor } from './QuestionEditor.tsx';

interface Props {
  form: DraftForm;
  s: DraftSection;
  index: number;
  count: number;
  flagCodes: string[];
  errorAt: ErrorAt;
  /** Whether the server named a field under a path prefix. */
  hasErrorUnder: (prefix: string) => boolean;
  onChange: (patch: Partial<DraftSection>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function SectionEditor({ form, s, index, count, flagCodes, errorAt, hasErrorUnder, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation('assessmentForms');
  const what = t('editor.section', { n: index + 1 });
  const path = `definition.sections.${index}`;
  const setQuestions = (questions: DraftQuestion[]) => onChange({ questions });
  return (
    <Paper withBorder p="md" bg="gray.0" role="group" aria-label={what}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {what}
            {s.title.id ? `: ${s.title.id}` : ''}
          </Title>
          <MoveButtons what={what} first={index === 0} last={index === count - 1} onMove={onMove} onRemove={onRemove} />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
          <div style={{ gridColumn: 'span 2' }}>
            <LabelInputs field={t('editor.sectionTitle')} value={s.title} onChange={(title) => onChange({ title })} errorAt={errorAt} path={`${path}.title`} />
          </div>
          <TextInput
            label={t('editor.key')}
            description={s.locked ? undefined : t('editor.keyHint')}
            value={s.key}
            readOnly={s.locked}
            variant={s.locked ? 'filled' : 'default'}
            onChange={(e) => onChange({ key: e.currentTarget.value })}
            error={errorAt(`${path}.key`)}
          />
        </SimpleGrid>
        {s.questions.map((q, qi) => (
          <QuestionEditor
            key={q.uid}
            q={q}
            n={`${index + 1}.${qi + 1}`}
            path={`${path}.questions.${qi}`}
            first={qi === 0}
            last={qi === s.questions.length - 1}
            flagCodes={flagCodes}
            errorAt={errorAt}
            hasError={hasErrorUnder(`${path}.questions.${qi}.`)}
            onChange={(patch) => setQuestions(replaced(s.questions, qi, changedQuestion(form, q, patch)))}
            onMove={(by) => setQuestions(moved(s.questions, qi, by))}
            onRemove={() => setQuestions(without(s.questions, qi))}
          />
        ))}
        {errorAt(`${path}.questions`) && (
          <Text size="xs" c="red">
            {errorAt(`${path}.questions`)}
          </Text>
        )}
        <Button variant="light" w="fit-content" onClick={() => setQuestions([...s.questions, newQuestion()])}>
          {t('editor.addQuestion')}
        </Button>
      </Stack>
    </Paper>
  );
}
