import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isRetryable } from '../lib/api-client.ts';

type ErrorStateProps = {
  title: string;
  error: unknown;
  /** Offered only when asking again could help (not for a 4xx). */
  onRetry?: () => void;
  children?: ReactNode;
};

/** A failed load: what failed, the server's (localized) reason, and a way forward. */
export function ErrorState({ title, error, onRetry: retry, children }: ErrorStateProps) {
  const { t } = useTranslation();
  const onRetry = isRetryable(error) ? retry : undefined;
  const message = error instanceof ApiError ? error.message : t('errors.unexpected');
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{message}</Text>
      {error instanceof ApiError && error.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: error.requestId })}
        </Text>
      )}
      {(onRetry || children) && (
        <Group mt="sm" gap="sm">
          {onRetry && (
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              {t('actions.retry')}
            </Button>
          )}
          {children}
        </Group>
      )}
    </Alert>
  );
}
