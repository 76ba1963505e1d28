// A short list of lines (tembusan, kop surat lines): one field per line, add and remove.
import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

type ListInputProps = {
  legend: string;
  /** Label of the n-th field, e.g. "Tembusan 2". */
  itemLabel: (n: number) => string;
  addLabel: string;
  /** Name of the n-th remove button; must not contain the field's label ("Hapus tembusan ke-2"). */
  removeLabel: (n: number) => string;
  values: string[];
  onChange: (values: string[]) => void;
  max?: number;
  maxLength?: number;
  help?: string;
  /** Server messages by index (`copiesTo.1` → 1). */
  errors?: Record<number, string | undefined>;
  error?: string | undefined;
};

export function ListInput({ legend, itemLabel, addLabel, removeLabel, values, onChange, max = 50, maxLength = 300, help, errors = {}, error }: ListInputProps) {
  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="xs">
        {help && (
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        )}
        {values.map((value, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={itemLabel(index + 1)}
              value={value}
              maxLength={maxLength}
              error={errors[index]}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onChange(values.map((v, i) => (i === index ? text : v)));
              }}
            />
            <ActionIcon variant="subtle" color="gray" size="lg" mb={2} aria-label={removeLabel(index + 1)} onClick={() => onChange(values.filter((_, i) => i !== index))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...values, ''])} disabled={values.length >= max}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Server field errors of an array field: `copiesTo.2` → { 2: message }. */
export function indexedErrors(fields: Record<string, string>, name: string): Record<number, string> {
  const result: Record<number, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const match = new RegExp(`^${name}\\.(\\d+)$`).exec(field);
    if (match) result[Number(match[1])] = message;
  }
  return result;
}
