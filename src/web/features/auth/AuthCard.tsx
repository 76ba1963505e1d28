import { Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

type AuthCardProps = {
  id: string;
  title: string;
  intro?: ReactNode;
  onSubmit?: () => void;
  children: ReactNode;
};

/** The card every sign-in step uses: a titled form. */
export function AuthCard({ id, title, intro, onSubmit, children }: AuthCardProps) {
  const body = (
    <Stack>
      <Title order={1} size="h2" id={`${id}-title`}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      {children}
    </Stack>
  );
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md">
      {onSubmit ? (
        <form
          aria-labelledby={`${id}-title`}
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        <section aria-labelledby={`${id}-title`}>{body}</section>
      )}
    </Paper>
  );
}
