// /penyiapan#token=…: creates the first administrator with the one-time link the
// server prints on an empty database. The token stays in memory, out of the address bar.
import { Alert, Anchor, Button, PasswordInput, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useAfterStep, useSetup, useSetupStatus } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';
import { MIN_PASSWORD_LENGTH } from './ChangePasswordForm.tsx';

let setupToken: string | null = null;

/** Reads the token from the fragment once and removes it from the address bar and history. */
function takeSetupToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    setupToken = decodeURIComponent(match[1]);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return setupToken;
}

export function SetupPage() {
  const { t } = useTranslation('auth');
  const [token] = useState(takeSetupToken);
  const status = useSetupStatus();
  usePageTitle(t('setup.title'));

  if (status.error) return <ErrorState title={t('setup.statusFailed')} error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <PageLoader />;
  if (!status.data.setupRequired) {
    return (
      <AuthCard id="setup" title={t('setup.title')}>
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('setup.notRequired')}
        </Alert>
        <Anchor component={Link} to="/masuk">
          {t('setup.toSignIn')}
        </Anchor>
      </AuthCard>
    );
  }
  if (!token) {
    return (
      <AuthCard id="setup" title={t('setup.title')}>
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
          {t('setup.noToken')}
        </Alert>
      </AuthCard>
    );
  }
  return <SetupForm token={token} />;
}

function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const setup = useSetup();
  const afterStep = useAfterStep();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [checked, setChecked] = useState(false);
  const set = (key: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [key]: value }));
  };

  const local = {
    username: /^[a-z0-9][a-z0-9._-]{2,39}$/.test(values.username.trim().toLowerCase()) ? undefined : t('setup.usernameRule'),
    displayName: values.displayName.trim().length >= 2 ? undefined : t('validation.required'),
    password: values.password.length >= MIN_PASSWORD_LENGTH ? undefined : t('password.tooShort', { min: MIN_PASSWORD_LENGTH }),
    confirm: values.confirm === values.password ? undefined : t('password.mismatch'),
  };
  const server = fieldErrors(setup.error);
  const show = (key: keyof typeof local) => server[key] ?? (checked ? local[key] : undefined);

  const submit = () => {
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    setup.mutate(
      { token, username: values.username.trim().toLowerCase(), displayName: values.displayName.trim(), password: values.password },
      { onSuccess: (response) => afterStep(response) },
    );
  };

  return (
    <AuthCard id="setup" title={t('setup.title')} intro={t('setup.intro')} onSubmit={submit}>
      <FormError error={setup.error} shownFields={['username', 'displayName', 'password']} />
      <TextInput
        label={t('setup.username')}
        description={t('setup.usernameRule')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={values.username}
        onChange={set('username')}
        error={show('username')}
      />
      <TextInput label={t('setup.displayName')} autoComplete="name" required value={values.displayName} onChange={set('displayName')} error={show('displayName')} />
      <PasswordInput
        label={t('password.new')}
        description={t('password.rules', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        value={values.password}
        onChange={set('password')}
        error={show('password')}
      />
      <PasswordInput label={t('password.confirm')} autoComplete="new-password" required value={values.confirm} onChange={set('confirm')} error={show('confirm')} />
      <Button type="submit" fullWidth loading={setup.isPending || setup.isSuccess}>
        {t('setup.submit')}
      </Button>
    </AuthCard>
  );
}
