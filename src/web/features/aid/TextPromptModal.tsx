// A short modal asking for a reason or a note (at least 10 characters) before an action.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.tsx';

type Props = { title: string; label: string; loading: boolean; error: unknown; onSubmit: (text: string) => void; onClose: () => void };

export function TextPromptModal({ title, label, loading, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation('aid');
  const [text, setText] = useState('');
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        <Textarea label={label} description={t('common.min10')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} required data-autofocus />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={loading} disabled={text.trim().length < 10} onClick={() => onSubmit(text.trim())}>
            {t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
