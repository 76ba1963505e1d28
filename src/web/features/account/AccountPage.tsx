// /akun: who I am, my password, MFA, my sessions, signing out.
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop, IconLogout, IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { setCsrfToken } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useEndSession, useMySessions, useSignOut } from '../auth/auth.api.ts';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { MfaEnrolment } from '../auth/MfaEnrolment.tsx';
import { refreshSession, useSession } from '../auth/session.ts';
import { ScopeText } from '../users/ScopeText.tsx';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation('account');
  const session = useSession();
  const queryClient = useQueryClient();
  const [passwordChanged, setPasswordChanged] = useState(false);
  usePageTitle(t('title'));
  const me = session.me;
  if (!me) return null;

  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('profile.title')} id="profile-title">
          <Stack gap={6}>
            <Field label={t('profile.name')}>{me.user.displayName}</Field>
            <Field label={t('profile.username')}>
              <Text ff="monospace" size="sm">
                {me.user.username}
              </Text>
            </Field>
            <Field label={t('profile.roles')}>
              <Group gap={4}>
                {me.roles.map((role) => (
                  <Badge key={role.key} variant="light" radius="sm">
                    {role.name}
                  </Badge>
                ))}
              </Group>
            </Field>
            <Field label={t('profile.scope')}>
              <ScopeText scope={me.scope} />
            </Field>
          </Stack>
        </Section>
        <MfaSection />
        <Section title={t('password.title')} id="password-title">
          {passwordChanged && (
            <Text size="sm" c="teal.9" mb="sm" role="status">
              {t('password.changed')}
            </Text>
          )}
          <ChangePasswordForm
            submitLabel={t('password.submit')}
            onChanged={(response) => {
              setCsrfToken(response.csrfToken);
              setPasswordChanged(true);
              void refreshSession(queryClient);
            }}
          />
        </Section>
        <SignOutSection />
      </SimpleGrid>
      <SessionsSection />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0 }}>{typeof children === 'string' ? <Text size="sm">{children}</Text> : children}</div>
    </Group>
  );
}

function MfaSection() {
  const { t } = useTranslation('account');
  const session = useSession();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const enabled = session.me?.user.mfaEnabled ?? false;
  return (
    <Section title={t('mfa.title')} id="mfa-title">
      <Stack gap="sm" align="flex-start">
        <Badge
          color={enabled ? 'teal' : 'yellow'}
          variant="light"
          size="lg"
          radius="sm"
          leftSection={enabled ? <IconShieldCheck size={14} aria-hidden /> : <IconShieldOff size={14} aria-hidden />}
        >
          {enabled ? t('mfa.on') : t('mfa.off')}
        </Badge>
        <Text size="sm">{enabled ? t('mfa.onHelp') : t('mfa.offHelp')}</Text>
        <Button variant="default" onClick={() => setEnrolling(true)}>
          {enabled ? t('mfa.reEnrol') : t('mfa.enrol')}
        </Button>
      </Stack>
      <Modal opened={enrolling} onClose={() => setEnrolling(false)} title={t('mfa.dialogTitle')} size="lg" closeOnClickOutside={false}>
        {enrolling && (
          <MfaEnrolment
            headingLevel={3}
            onDone={() => {
              setEnrolling(false);
              void refreshSession(queryClient);
            }}
          />
        )}
      </Modal>
    </Section>
  );
}

function SignOutSection() {
  const { t } = useTranslation('account');
  const signOut = useSignOut();
  const [confirmAll, setConfirmAll] = useState(false);
  return (
    <Section title={t('signOut.title')} id="sign-out-title">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('signOut.help')}</Text>
        <Group gap="sm">
          <Button leftSection={<IconLogout size={16} aria-hidden />} variant="default" onClick={() => signOut.mutate(false)}>
            {t('signOut.here')}
          </Button>
          <Button color="red" variant="light" onClick={() => setConfirmAll(true)}>
            {t('signOut.everywhere')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmAll}
        title={t('signOut.everywhere')}
        message={t('signOut.everywhereConfirm')}
        confirmLabel={t('signOut.everywhere')}
        danger
        loading={signOut.isPending}
        onConfirm={() => signOut.mutate(true)}
        onClose={() => setConfirmAll(false)}
      />
    </Section>
  );
}

/** "Chrome 126 on Windows"-ish: enough to recognise a device without a parser library. */
function describeAgent(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /(Edg|Firefox|Chrome|Safari)\/(\d+)/.exec(userAgent);
  const os = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(userAgent);
  const name = browser ? `${browser[1] === 'Edg' ? 'Edge' : browser[1]} ${browser[2]}` : userAgent.slice(0, 40);
  return os ? `${name} · ${os[1] === 'Mac OS X' ? 'macOS' : os[1]}` : name;
}

function SessionsSection() {
  const { t } = useTranslation('account');
  const language = useDisplayLanguage();
  const sessions = useMySessions();
  const endSession = useEndSession();
  const [ending, setEnding] = useState<number | null>(null);

  return (
    <Section title={t('sessions.title')} id="sessions-title">
      {sessions.error ? (
        <ErrorState title={t('sessions.loadFailed')} error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : !sessions.data ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" aria-labelledby="sessions-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sessions.device')}</Table.Th>
                <Table.Th scope="col">{t('sessions.ip')}</Table.Th>
                <Table.Th scope="col">{t('sessions.started')}</Table.Th>
                <Table.Th scope="col">{t('sessions.lastSeen')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('sessions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <IconDeviceDesktop size={16} aria-hidden />
                      <Text size="sm" title={item.userAgent ?? undefined}>
                        {describeAgent(item.userAgent, t('sessions.unknown'))}
                      </Text>
                      {item.current && (
                        <Badge size="sm" radius="sm" variant="light">
                          {t('sessions.current')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {item.ip ?? '–'}
                  </Table.Td>
                  <Table.Td fz="sm">{formatDateTime(item.createdAt, language)}</Table.Td>
                  <Table.Td fz="sm">{formatDateTime(item.lastSeenAt, language)}</Table.Td>
                  <Table.Td ta="right">
                    {!item.current && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setEnding(item.id)}>
                        {t('sessions.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={ending !== null}
        title={t('sessions.end')}
        message={t('sessions.endConfirm')}
        confirmLabel={t('sessions.end')}
        danger
        loading={endSession.isPending}
        error={endSession.error}
        onConfirm={() => ending !== null && endSession.mutate(ending, { onSuccess: () => setEnding(null) })}
        onClose={() => {
          endSession.reset();
          setEnding(null);
        }}
      />
    </Section>
  );
}
