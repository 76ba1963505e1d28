// /masuk/ganti-kata-sandi: the first sign-in with a password set by an administrator.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { RequireStep, useReturnPath } from '../../app/RequireSession.tsx';
import { useAfterStep } from './auth.api.ts';
import { AuthCard } from './AuthCard.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { StepCancel } from './StepCancel.tsx';

export function PasswordChangePage() {
  return (
    <RequireStep states={['password_change_required']}>
      <PasswordChangeStep />
    </RequireStep>
  );
}

function PasswordChangeStep() {
  const { t } = useTranslation('auth');
  const next = useReturnPath();
  const afterStep = useAfterStep();
  usePageTitle(t('password.forcedTitle'));
  return (
    <AuthCard id="password-change" title={t('password.forcedTitle')} intro={t('password.forcedIntro')}>
      <ChangePasswordForm submitLabel={t('password.submit')} onChanged={(response) => void afterStep(response, next)} />
      <StepCancel />
    </AuthCard>
  );
}
