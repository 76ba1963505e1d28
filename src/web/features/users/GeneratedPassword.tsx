import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretValue } from '../../components/SecretValue.tsx';

/** A generated password, shown once: the administrator passes it on; the user must change it. */
export function GeneratedPassword({ username, password, onClose }: { username: string; password: string | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  // Keeps the text while the dialog fades out after `password` became null.
  const shown = useRef({ username, password });
  if (password !== null) shown.current = { username, password };
  return (
    <Modal opened={password !== null} onClose={onClose} title={t('generated.title')} closeOnClickOutside={false} centered>
      <Stack>
        <Text size="sm">{t('generated.help', { username: shown.current.username })}</Text>
        {shown.current.password && <SecretValue value={shown.current.password} label={t('generated.label')} />}
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
          {t('generated.once')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('generated.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
