import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../lib/api-client.ts';

type FormErrorProps = {
  error: unknown;
  /** Fields shown next to their inputs; their messages are not repeated here. */
  shownFields?: readonly string[];
};

/** A failed submit: the server's (localized) message, announced to screen readers. */
export function FormError({ error, shownFields = [] }: FormErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.unexpected');
  const otherFields = Object.entries(fieldErrors(error)).filter(([field]) => !shownFields.includes(field));
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{message}</Text>
      {otherFields.map(([field, fieldMessage]) => (
        <Text size="sm" key={field}>
          {field}: {fieldMessage}
        </Text>
      ))}
      {error instanceof ApiError && error.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: error.requestId })}
        </Text>
      )}
    </Alert>
  );
}
