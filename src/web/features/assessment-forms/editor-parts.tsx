// Small pieces of the form editor: a text in both languages, and move/remove buttons.
import { ActionIcon, Group, SimpleGrid, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../common/case-forms.ts';

/** The server's message for a field path (without `body.`), if any. */
export type ErrorAt = (path: string) => string | undefined;

export function LabelInputs({ field, value, onChange, errorAt, path, required = true }: { field: string; value: Label; onChange: (v: Label) => void; errorAt: ErrorAt; path: string; required?: boolean }) {
  const { t } = useTranslation('assessmentForms');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <TextInput
        label={t('editor.indonesian', { field })}
        withAsterisk={required}
        value={value.id}
        onChange={(e) => onChange({ ...value, id: e.currentTarget.value })}
        error={errorAt(`${path}.id`)}
      />
      <TextInput
        label={t('editor.english', { field })}
        withAsterisk={required}
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        error={errorAt(`${path}.en`)}
      />
    </SimpleGrid>
  );
}

/** Up, down and remove for the item called `what` ("Pertanyaan 1.2"). */
export function MoveButtons({ what, first, last, onMove, onRemove }: { what: string; first: boolean; last: boolean; onMove: (by: -1 | 1) => void; onRemove?: () => void }) {
  const { t } = useTranslation('assessmentForms');
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon variant="subtle" disabled={first} aria-label={t('editor.moveUp', { what })} onClick={() => onMove(-1)}>
        <IconArrowUp size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon variant="subtle" disabled={last} aria-label={t('editor.moveDown', { what })} onClick={() => onMove(1)}>
        <IconArrowDown size={16} aria-hidden />
      </ActionIcon>
      {onRemove && (
        <ActionIcon variant="subtle" color="red" aria-label={t('editor.remove', { what })} onClick={onRemove}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}
