// A form version read-only: its sections and questions with kind, required, options
// and what each scores or flags.
import { Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, Question } from '../../../common/case-forms.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';

export function FormStructure({ definition }: { definition: FormDefinition }) {
  const { t } = useTranslation('assessmentForms');
  const language = useDisplayLanguage();
  return (
    <Stack gap="md">
      {definition.sections.map((s, si) => (
        <Paper key={s.key} withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {si + 1}. {s.title[language]} <Code>{s.key}</Code>
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('structure.question')}</Table.Th>
                  <Table.Th>{t('structure.kind')}</Table.Th>
                  <Table.Th>{t('structure.scoring')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.questions.map((q) => (
                  <Table.Tr key={q.key}>
                    <Table.Td>
                      <Text size="sm">{q.label[language]}</Text>
                      <Code>{q.key}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`kinds.${q.kind}`)}</Text>
                      {q.required && (
                        <Badge size="xs" variant="light">
                          {t('structure.yes')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Scoring q={q} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
    </Stack>
  );
}

function Scoring({ q }: { q: Question }) {
  const { t } = useTranslation('assessmentForms');
  const language = useDisplayLanguage();
  const bounds = [
    ...(q.flag?.below !== undefined ? [t('structure.below', { flag: q.flag.code, value: q.flag.below })] : []),
    ...(q.flag?.above !== undefined ? [t('structure.above', { flag: q.flag.code, value: q.flag.above })] : []),
  ];
  if (!q.options?.length && bounds.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {(q.options ?? []).map((o) => (
        <Group key={o.value} gap={6}>
          <Text size="sm">{o.label[language]}</Text>
          {o.score !== undefined && (
            <Badge size="xs" variant="outline">
              {t('structure.score', { score: o.score })}
            </Badge>
          )}
          {o.flag && (
            <Badge size="xs" color="orange" variant="light">
              {t('structure.flag', { flag: o.flag })}
            </Badge>
          )}
        </Group>
      ))}
      {bounds.map((b) => (
        <Badge key={b} size="xs" color="orange" variant="light">
          {b}
        </Badge>
      ))}
    </Stack>
  );
}
