// One question in the editor: its text in both languages, kind, key, required, help,
// and what its kind defines — options with score and flag, the yes/no answers' score
// and flag, or a number's flag bounds. Server messages appear at their field.
import { ActionIcon, Autocomplete, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { QUESTION_KINDS, type QuestionKind } from '../../../common/case-forms.ts';
import { LabelInputs, MoveButtons, type ErrorAt } from './editor-parts.tsx';
import { changedOption, isChoice, moved, newOption, replaced, without, type DraftOption, type DraftQuestion } from './form-draft.ts';

interface Props {
  q: DraftQuestion;
  /** "2.3": section 2, question 3. */
  n: string;
  path: string;
  first: boolean;
  last: boolean;
  flagCodes: string[];
  errorAt: ErrorAt;
  /** The server named a field of this question: keep it open. */
  hasError: boolean;
  onChange: (patch: Partial<DraftQuestion>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const score = (v: number | string) => (typeof v === 'number' ? v : null);

export function QuestionEditor({ q, n, path, first, last, flagCodes, errorAt, hasError, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation('assessmentForms');
  const language = useDisplayLanguage();
  const what = t('editor.question', { n });
  // Questions carried over start folded (a form has many); new ones open.
  const [opened, setOpened] = useState(!q.locked);
  const open = opened || hasError;
  return (
    <Paper withBorder p="sm" role="group" aria-label={what}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <ActionIcon variant="subtle" aria-expanded={open} aria-label={t(open ? 'editor.fold' : 'editor.unfold', { what })} onClick={() => setOpened(!open)}>
              {open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
            </ActionIcon>
            <Text fw={600} size="sm">
              {what}
            </Text>
            {!open && (
              <Text size="sm" truncate>
                {q.label[language] || '—'}
              </Text>
            )}
            <Badge variant="light" size="sm">
              {t(`kinds.${q.kind}`)}
            </Badge>
            {q.required && (
              <Badge variant="outline" size="sm">
                {t('structure.yes')}
              </Badge>
            )}
          </Group>
          <MoveButtons what={what} first={first} last={last} onMove={onMove} onRemove={onRemove} />
        </Group>
        {open && (
          <>
            <LabelInputs field={t('editor.questionText')} value={q.label} onChange={(label) => onChange({ label })} errorAt={errorAt} path={`${path}.label`} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <Select
                label={t('editor.kind')}
                data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                value={q.kind}
                allowDeselect={false}
                onChange={(v) => v && onChange({ kind: v as QuestionKind })}
                error={errorAt(`${path}.kind`)}
              />
              <TextInput
                label={t('editor.key')}
                description={q.locked ? t('editor.keyLocked') : t('editor.keyHint')}
                value={q.key}
                readOnly={q.locked}
                variant={q.locked ? 'filled' : 'default'}
                onChange={(e) => onChange({ key: e.currentTarget.value })}
                error={errorAt(`${path}.key`)}
              />
              <Checkbox mt={{ base: 0, sm: 'xl' }} label={t('editor.required')} checked={q.required} onChange={(e) => onChange({ required: e.currentTarget.checked })} />
            </SimpleGrid>
            {q.locked && q.kind !== q.lockedKind && (
              <Text size="xs" c="orange">
                {t('editor.kindChangeHint')}
              </Text>
            )}
            <LabelInputs field={t('editor.help')} value={q.help} onChange={(help) => onChange({ help })} errorAt={errorAt} path={`${path}.help`} required={false} />
            {isChoice(q.kind) && <Options q={q} n={n} path={path} flagCodes={flagCodes} errorAt={errorAt} onChange={onChange} />}
            {q.kind === 'yes_no' && <YesNo q={q} n={n} flagCodes={flagCodes} errorAt={errorAt} path={path} onChange={onChange} />}
            {q.kind === 'number' && (
              <Group align="flex-end" gap="xs">
                <Autocomplete
                  label={t('editor.bound')}
                  placeholder={t('editor.boundCode')}
                  data={flagCodes}
                  value={q.bound.code}
                  onChange={(code) => onChange({ bound: { ...q.bound, code } })}
                  error={errorAt(`${path}.flag.code`) ?? errorAt(`${path}.flag`)}
                />
                <NumberInput w={140} label={t('editor.below')} value={q.bound.below ?? ''} onChange={(v) => onChange({ bound: { ...q.bound, below: score(v) } })} error={errorAt(`${path}.flag.below`)} />
                <NumberInput w={140} label={t('editor.above')} value={q.bound.above ?? ''} onChange={(v) => onChange({ bound: { ...q.bound, above: score(v) } })} error={errorAt(`${path}.flag.above`)} />
              </Group>
            )}
            {!isChoice(q.kind) && q.kind !== 'yes_no' && errorAt(`${path}.options`) && (
              <Text size="xs" c="red">
                {errorAt(`${path}.options`)}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

type PartProps = { q: DraftQuestion; n: string; path: string; flagCodes: string[]; errorAt: ErrorAt; onChange: (patch: Partial<DraftQuestion>) => void };

function Options({ q, n, path, flagCodes, errorAt, onChange }: PartProps) {
  const { t } = useTranslation('assessmentForms');
  const set = (options: DraftOption[]) => onChange({ options });
  const put = (i: number, patch: Partial<DraftOption>) => set(replaced(q.options, i, changedOption(q, q.options[i]!, patch)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('editor.options')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('editor.optionValue')}</Table.Th>
              <Table.Th>{t('editor.indonesian', { field: t('editor.optionLabel') })}</Table.Th>
              <Table.Th>{t('editor.english', { field: t('editor.optionLabel') })}</Table.Th>
              <Table.Th w={90}>{t('editor.score')}</Table.Th>
              <Table.Th>{t('editor.flag')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.options.map((o, i) => {
              const what = `${t('editor.question', { n })}, ${t('editor.option', { n: i + 1 })}`;
              const at = `${path}.options.${i}`;
              return (
                <Table.Tr key={o.uid}>
                  <Table.Td>
                    <TextInput aria-label={`${what}: ${t('editor.optionValue')}`} value={o.value} readOnly={o.locked} onChange={(e) => put(i, { value: e.currentTarget.value })} error={errorAt(`${at}.value`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${what}: ${t('editor.indonesian', { field: t('editor.optionLabel') })}`}
                      value={o.label.id}
                      onChange={(e) => put(i, { label: { ...o.label, id: e.currentTarget.value } })}
                      error={errorAt(`${at}.label.id`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${what}: ${t('editor.english', { field: t('editor.optionLabel') })}`}
                      value={o.label.en}
                      onChange={(e) => put(i, { label: { ...o.label, en: e.currentTarget.value } })}
                      error={errorAt(`${at}.label.en`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`${what}: ${t('editor.score')}`} value={o.score ?? ''} onChange={(v) => put(i, { score: score(v) })} allowDecimal={false} error={errorAt(`${at}.score`)} />
                  </Table.Td>
                  <Table.Td>
                    <Autocomplete aria-label={`${what}: ${t('editor.flag')}`} data={flagCodes} value={o.flag} onChange={(flag) => put(i, { flag })} error={errorAt(`${at}.flag`)} />
                  </Table.Td>
                  <Table.Td>
                    <MoveButtons what={what} first={i === 0} last={i === q.options.length - 1} onMove={(by) => set(moved(q.options, i, by))} onRemove={() => set(without(q.options, i))} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errorAt(`${path}.options`) && (
        <Text size="xs" c="red">
          {errorAt(`${path}.options`)}
        </Text>
      )}
      <Button size="xs" variant="subtle" w="fit-content" onClick={() => set([...q.options, newOption()])}>
        {t('editor.addOption')}
      </Button>
    </Stack>
  );
}

function YesNo({ q, n, flagCodes, errorAt, path, onChange }: PartProps) {
  const { t } = useTranslation('assessmentForms');
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t('editor.yesNoIntro')}
      </Text>
      {(['yes', 'no'] as const).map((v) => {
        const rule = q.yesNo[v];
        const what = `${t('editor.question', { n })}, ${rule.label.id}`;
        const put = (patch: Partial<typeof rule>) => onChange({ yesNo: { ...q.yesNo, [v]: { ...rule, ...patch } } });
        return (
          <Group key={v} gap="xs" align="flex-end">
            <Text size="sm" w={60}>
              {rule.label.id}
            </Text>
            <NumberInput w={110} aria-label={`${what}: ${t('editor.score')}`} placeholder={t('editor.score')} value={rule.score ?? ''} onChange={(s) => put({ score: score(s) })} allowDecimal={false} />
            <Autocomplete aria-label={`${what}: ${t('editor.flag')}`} placeholder={t('editor.flagHint')} data={flagCodes} value={rule.flag} onChange={(flag) => put({ flag })} />
          </Group>
        );
      })}
      {errorAt(`${path}.options`) && (
        <Text size="xs" c="red">
          {errorAt(`${path}.options`)}
        </Text>
      )}
    </Stack>
  );
}
