// Last resort when a screen throws while rendering: keep the user oriented.
import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

export function RouteErrorPage() {
  const { t } = useTranslation();
  console.error(useRouteError());
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="xs">
        <Title order={1}>{t('crash.title')}</Title>
        <Text>{t('crash.help')}</Text>
        <Anchor href="/">{t('notFound.home')}</Anchor>
      </Stack>
    </Container>
  );
}
