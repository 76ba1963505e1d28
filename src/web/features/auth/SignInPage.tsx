// The sign-in form. Accounts arrive with the auth API; until then the form is
// shown but cannot be submitted, and says so.
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSession } from './session.ts';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  usePageTitle(t('signIn.title'));
  if (session.kind === 'user') return <Navigate to="/" replace />;

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md">
      <form onSubmit={(event) => event.preventDefault()} aria-labelledby="sign-in-title">
        <Stack>
          <Title order={1} size="h2" id="sign-in-title">
            {t('signIn.title')}
          </Title>
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t('signIn.notYetActive')}
          </Alert>
          <TextInput label={t('signIn.username')} name="username" autoComplete="username" required />
          <PasswordInput label={t('signIn.password')} name="password" autoComplete="current-password" required />
          <Button type="submit" disabled fullWidth>
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to="/" size="sm" ta="center">
            {t('signIn.continueAsGuest')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
