// One question of an assessment form as a case worker answers it, drawn from its
// definition (kind, options, required, help). Used by the Asesmen tab and by the form
// editor's preview, so the preview is what a case worker will see.
import { Checkbox, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answers, Question } from '../../../common/case-forms.ts';

export type Value = Answers[string] | undefined;

export function QuestionInput({ q, lang, value, disabled, error, onChange }: { q: Question; lang: 'id' | 'en'; value: Value; disabled: boolean; error: string | undefined; onChange: (v: Value) => void }) {
  const { t } = useTranslation('cases');
  const label = q.label[lang];
  const common = { label, disabled, error, withAsterisk: q.required, description: q.help?.[lang] };
  const options = (q.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
  switch (q.kind) {
    case 'text':
      return <Textarea {...common} autosize minRows={1} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'yes_no':
      return (
        <Stack gap={2}>
          <Text size="sm">{label}{q.required ? ' *' : ''}</Text>
          <SegmentedControl
            aria-label={label}
            disabled={disabled}
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            onChange={(v) => onChange(v === 'yes')}
            data={[{ value: 'yes', label: t('assessment.yes') }, { value: 'no', label: t('assessment.no') }]}
          />
          {error && <Text size="xs" c="red">{error}</Text>}
        </Stack>
      );
    case 'single_choice':
      return <Select {...common} data={options} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} clearable />;
    case 'multiple_choice':
      return q.options && q.options.length <= 6 ? (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v)}>
          <Group mt={4}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} disabled={disabled} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : (
        <MultiSelect {...common} data={options} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v)} />
      );
  }
}
