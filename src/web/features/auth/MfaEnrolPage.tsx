// /masuk/aktifkan-mfa: enrolment as a sign-in step (roles that require MFA), or a
// re-enrolment from My account (an active session; needs recent re-authentication).
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { RequireStep, useReturnPath } from '../../app/RequireSession.tsx';
import { AuthCard } from './AuthCard.tsx';
import { MfaEnrolment } from './MfaEnrolment.tsx';
import { pathForState, refreshSession, useSession } from './session.ts';
import { StepCancel } from './StepCancel.tsx';

export function MfaEnrolPage() {
  return (
    <RequireStep states={['mfa_enrolment_required', 'active']}>
      <MfaEnrolStep />
    </RequireStep>
  );
}

function MfaEnrolStep() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const next = useReturnPath();
  // Decided on arrival: the session turns active as soon as the code is confirmed.
  const reEnrolment = useRef(session.state === 'active').current;
  usePageTitle(t('enrol.title'));

  const done = async () => {
    const me = await refreshSession(queryClient);
    await navigate(me ? pathForState(me.state, reEnrolment ? '/akun' : next) : '/masuk', { replace: true });
  };

  return (
    <AuthCard id="enrol" title={t('enrol.title')} intro={t('enrol.intro')}>
      <MfaEnrolment onDone={() => void done()} />
      {!reEnrolment && <StepCancel />}
    </AuthCard>
  );
}
