import { Anchor, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignOut } from './auth.api.ts';

/** Leaves a half-finished sign-in (ends the session on the server). */
export function StepCancel() {
  const { t } = useTranslation('auth');
  const signOut = useSignOut();
  return (
    <Center>
      <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate(false)}>
        {t('steps.cancel')}
      </Anchor>
    </Center>
  );
}
