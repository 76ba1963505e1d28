// /masuk/verifikasi: the 6-digit code from the authenticator app, or a recovery code.
import { Button, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { RequireStep, useReturnPath } from '../../app/RequireSession.tsx';
import { useAfterStep, useMfaChallenge } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';
import { StepCancel } from './StepCancel.tsx';

export const CODE_PATTERN = /^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/i;

export function MfaChallengePage() {
  return (
    <RequireStep states={['mfa_required']}>
      <MfaChallengeForm />
    </RequireStep>
  );
}

function MfaChallengeForm() {
  const { t } = useTranslation('auth');
  const next = useReturnPath();
  const challenge = useMfaChallenge();
  const afterStep = useAfterStep();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  usePageTitle(t('mfa.title'));

  const submit = () => {
    const value = code.replace(/\s+/g, '');
    if (!CODE_PATTERN.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    challenge.mutate(value, {
      onSuccess: (response) => afterStep(response, next),
      onError: () => setCode(''),
    });
  };

  return (
    <AuthCard id="mfa" title={t('mfa.title')} intro={t('mfa.intro')} onSubmit={submit}>
      <FormError error={challenge.error} shownFields={['code']} />
      <TextInput
        label={t('mfa.code')}
        description={t('mfa.codeHelp')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={14}
        required
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        error={fieldErrors(challenge.error).code ?? (invalid ? t('mfa.codeInvalid') : undefined)}
        data-autofocus
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em' } }}
      />
      <Button type="submit" fullWidth loading={challenge.isPending || challenge.isSuccess}>
        {t('mfa.submit')}
      </Button>
      <StepCancel />
    </AuthCard>
  );
}
