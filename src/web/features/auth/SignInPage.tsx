// /masuk: username and password; then the step the server asks for.
import { Button, PasswordInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useReturnPath } from '../../app/RequireSession.tsx';
import { useAfterStep, useLogin } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';
import { pathForState, useSession } from './session.ts';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const next = useReturnPath();
  const login = useLogin();
  const afterStep = useAfterStep();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  usePageTitle(t('signIn.title'));

  if (session.status === 'loading') return <PageLoader />;
  if (session.me && !login.isPending && !login.isSuccess) return <Navigate to={pathForState(session.me.state, next)} replace />;

  const errors = fieldErrors(login.error);
  const submit = () => {
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    login.mutate({ username: username.trim(), password }, { onSuccess: (response) => afterStep(response, next) });
  };

  return (
    <AuthCard id="sign-in" title={t('signIn.title')} onSubmit={submit}>
      <FormError error={login.error} shownFields={['username', 'password']} />
      <TextInput
        label={t('signIn.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onChange={(event) => setUsername(event.currentTarget.value)}
        error={errors.username ?? (missing && !username.trim() ? t('validation.required') : undefined)}
        data-autofocus
      />
      <PasswordInput
        label={t('signIn.password')}
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={errors.password ?? (missing && !password ? t('validation.required') : undefined)}
      />
      <Button type="submit" fullWidth loading={login.isPending || login.isSuccess}>
        {t('signIn.submit')}
      </Button>
    </AuthCard>
  );
}
