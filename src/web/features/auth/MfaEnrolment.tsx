// Setting up the authenticator app: QR code (or the secret typed in), a first code,
// then the recovery codes, shown once, which the user must confirm having stored.
import { Alert, Button, Checkbox, Code, Group, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SecretValue } from '../../components/SecretValue.tsx';
import { fieldErrors, saveBlob } from '../../lib/api-client.ts';
import { useConfirmEnrolment, useMfaEnrolment } from './auth.api.ts';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type from a phone screen. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

export function MfaEnrolment({ onDone, headingLevel = 2 }: { onDone: () => void; headingLevel?: 2 | 3 }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return recoveryCodes ? (
    <RecoveryCodes codes={recoveryCodes} onDone={onDone} headingLevel={headingLevel} />
  ) : (
    <EnrolmentSteps onEnrolled={setRecoveryCodes} headingLevel={headingLevel} />
  );
}

function EnrolmentSteps({ onEnrolled, headingLevel }: { onEnrolled: (codes: string[]) => void; headingLevel: 2 | 3 }) {
  const { t } = useTranslation('auth');
  const enrolment = useMfaEnrolment(true);
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  if (enrolment.error) {
    return <ErrorState title={t('enrol.loadFailed')} error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  }
  if (!enrolment.data) return <PageLoader />;
  const { secret, qrCodeDataUrl } = enrolment.data;

  const submit = () => {
    const value = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    confirm.mutate(value, { onSuccess: (result) => onEnrolled(result.recoveryCodes), onError: () => setCode('') });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Title order={headingLevel} size="h4">
          {t('enrol.step1')}
        </Title>
        <Text size="sm">{t('enrol.step1Help')}</Text>
        <Stack gap="md">
          <Image src={qrCodeDataUrl} alt={t('enrol.qrAlt')} w={200} h={200} fit="contain" mx="auto" />
          <Stack gap={4}>
            <Text size="sm">{t('enrol.manual')}</Text>
            <SecretValue value={groupSecret(secret)} label={t('enrol.secret')} />
            <Text size="xs" c="dimmed">
              {t('enrol.manualHelp')}
            </Text>
          </Stack>
        </Stack>
        <Title order={headingLevel} size="h4">
          {t('enrol.step2')}
        </Title>
        <FormError error={confirm.error} shownFields={['code']} />
        <TextInput
          label={t('enrol.code')}
          description={t('enrol.codeHelp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={fieldErrors(confirm.error).code ?? (invalid ? t('enrol.codeInvalid') : undefined)}
          maw={220}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            {t('enrol.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RecoveryCodes({ codes, onDone, headingLevel }: { codes: string[]; onDone: () => void; headingLevel: 2 | 3 }) {
  const { t } = useTranslation('auth');
  const [stored, setStored] = useState(false);
  const text = codes.join('\n');
  const download = () => saveBlob(new Blob([`${t('recovery.fileHeader')}\n\n${text}\n`], { type: 'text/plain' }), 'tuntas-recovery-codes.txt');

  return (
    <Stack>
      <Alert color="teal" icon={<IconShieldCheck aria-hidden />} title={t('recovery.enabled')} role="status">
        {t('recovery.intro')}
      </Alert>
      <Title order={headingLevel} size="h4">
        {t('recovery.title')}
      </Title>
      <Text size="sm">{t('recovery.help')}</Text>
      <Code block aria-label={t('recovery.title')}>
        <List listStyleType="none" spacing={2} ff="monospace">
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Code>
      <Group gap="sm">
        <SecretCopyButton text={text} />
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          {t('recovery.download')}
        </Button>
      </Group>
      <Checkbox label={t('recovery.stored')} checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
      <Group>
        <Button disabled={!stored} onClick={onDone}>
          {t('recovery.continue')}
        </Button>
      </Group>
    </Stack>
  );
}

function SecretCopyButton({ text }: { text: string }) {
  const { t } = useTranslation('auth');
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    });
  };
  return (
    <Button variant="default" onClick={copy} aria-live="polite">
      {copied ? t('recovery.copied') : t('recovery.copy')}
    </Button>
  );
}
