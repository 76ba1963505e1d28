// Re-authentication: when the server answers 403 auth.reauth_required, the API client
// asks this dialog for the password (and MFA code), then repeats the request.
import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors, setReauthHandler } from '../../lib/api-client.ts';
import { useReauthenticate } from './auth.api.ts';
import { useSession } from './session.ts';

type RequestReauth = () => Promise<boolean>;
const ReauthContext = createContext<RequestReauth | null>(null);

/** Opens the dialog; resolves true when confirmed, false when cancelled. */
export function useReauth(): RequestReauth {
  const value = useContext(ReauthContext);
  if (!value) throw new Error('useReauth must be used inside ReauthProvider');
  return value;
}

export function ReauthProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  // One dialog answers every request waiting at the same time.
  const pending = useRef<{ promise: Promise<boolean>; resolve: (ok: boolean) => void } | null>(null);

  const request = useCallback<RequestReauth>(() => {
    if (!pending.current) {
      let resolve!: (ok: boolean) => void;
      const promise = new Promise<boolean>((r) => (resolve = r));
      pending.current = { promise, resolve };
      setOpened(true);
    }
    return pending.current.promise;
  }, []);

  const finish = useCallback((ok: boolean) => {
    pending.current?.resolve(ok);
    pending.current = null;
    setOpened(false);
  }, []);

  useEffect(() => {
    setReauthHandler(request);
    return () => setReauthHandler(null);
  }, [request]);

  return (
    <ReauthContext value={request}>
      {children}
      {/* Above other dialogs: the request that needs it often comes from one (reveal, identity correction). */}
      <Modal opened={opened} onClose={() => finish(false)} title={<ReauthTitle />} centered zIndex={400}>
        {opened && <ReauthForm onDone={finish} />}
      </Modal>
    </ReauthContext>
  );
}

function ReauthTitle() {
  const { t } = useTranslation('auth');
  return <>{t('reauth.title')}</>;
}

function ReauthForm({ onDone }: { onDone: (ok: boolean) => void }) {
  const { t } = useTranslation('auth');
  const session = useSession();
  const reauth = useReauthenticate();
  const needsCode = session.me?.user.mfaEnabled ?? false;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(reauth.error);
  const local = {
    password: password ? undefined : t('validation.required'),
    code: !needsCode || /^\d{6}$/.test(code.trim()) ? undefined : t('enrol.codeInvalid'),
  };

  const submit = () => {
    setChecked(true);
    if (local.password || local.code) return;
    reauth.mutate(needsCode ? { password, code: code.trim() } : { password }, {
      onSuccess: () => onDone(true),
      onError: () => setCode(''),
    });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        event.stopPropagation();
        submit();
      }}
    >
      <Stack>
        <Text size="sm">{needsCode ? t('reauth.introWithCode') : t('reauth.intro')}</Text>
        <FormError error={reauth.error} shownFields={['password', 'code']} />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={server.password ?? (checked ? local.password : undefined)}
          data-autofocus
        />
        {needsCode && (
          <TextInput
            label={t('enrol.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={server.code ?? (checked ? local.code : undefined)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('reauth.cancel')}
          </Button>
          <Button type="submit" loading={reauth.isPending}>
            {t('reauth.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
