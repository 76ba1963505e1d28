// Current password, new password (twice). Used at first sign-in and from My account.
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LoginResponseSchema } from '../../../common/auth.ts';
import { FormError } from '../../components/FormError.tsx';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { useChangePassword } from './auth.api.ts';

export const MIN_PASSWORD_LENGTH = 12;

type ChangePasswordFormProps = {
  onChanged: (response: z.infer<typeof LoginResponseSchema>) => void;
  submitLabel: string;
};

/** Server errors that belong to one field even when the server does not name it. */
function errorsOf(error: unknown): Record<string, string> {
  const errors = fieldErrors(error);
  if (error instanceof ApiError) {
    if (error.code === 'auth.weak_password') errors.newPassword ??= error.message;
    if (error.code === 'auth.wrong_password') errors.currentPassword ??= error.message;
  }
  return errors;
}

export function ChangePasswordForm({ onChanged, submitLabel }: ChangePasswordFormProps) {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);

  const local = {
    currentPassword: !current ? t('validation.required') : undefined,
    newPassword:
      next.length < MIN_PASSWORD_LENGTH
        ? t('password.tooShort', { min: MIN_PASSWORD_LENGTH })
        : next === current
          ? t('password.sameAsCurrent')
          : undefined,
    confirm: confirm !== next ? t('password.mismatch') : undefined,
  };
  const server = errorsOf(change.error);

  const submit = () => {
    setChecked(true);
    if (local.currentPassword || local.newPassword || local.confirm) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: (response) => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setChecked(false);
          onChanged(response);
        },
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <FormError error={change.error} shownFields={['currentPassword', 'newPassword']} />
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          error={server.currentPassword ?? (checked ? local.currentPassword : undefined)}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rules', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          error={server.newPassword ?? (checked ? local.newPassword : undefined)}
        />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          error={checked ? local.confirm : undefined}
        />
        <Button type="submit" loading={change.isPending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
