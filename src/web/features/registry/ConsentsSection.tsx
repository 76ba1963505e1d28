// A person's consent records: purpose, given on, withdrawn on, the signed form's
// reference; record a new one or the withdrawal of one.
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMedium } from '../../../common/format.ts';
import type { Person } from '../../../common/persons.ts';
import type { Consent } from '../../../common/registry-rights.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { can, useSession } from '../auth/session.ts';
import { useAddConsent, useConsents, useWithdrawConsent } from './registry.api.ts';

/** Today as YYYY-MM-DD in the browser's zone (the date inputs' default). */
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export function ConsentsSection({ person }: { person: Person }) {
  const { t } = useTranslation('registry');
  const language = useDisplayLanguage();
  const session = useSession();
  const consents = useConsents(person.id);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const manage = can(session, 'person.manage') && !person.erased;

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('consents.title')}
        </Title>
        {manage && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('consents.add')}
          </Button>
        )}
      </Group>
      {consents.error ? (
        <ErrorState title={t('detail.loadFailed')} error={consents.error} onRetry={() => void consents.refetch()} />
      ) : !consents.data ? (
        <PageLoader />
      ) : consents.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('consents.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs">
            <Table.Caption>{t('consents.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consents.purpose')}</Table.Th>
                <Table.Th scope="col">{t('consents.givenOn')}</Table.Th>
                <Table.Th scope="col">{t('consents.withdrawnOn')}</Table.Th>
                <Table.Th scope="col">{t('consents.documentRef')}</Table.Th>
                <Table.Th scope="col">{t('consents.recordedBy')}</Table.Th>
                <Table.Th scope="col" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fz="sm">
                    {c.purpose}{' '}
                    <Badge size="xs" radius="sm" variant="light" color={c.active ? 'teal' : 'gray'}>
                      {c.active ? t('consents.active') : t('consents.withdrawn')}
                    </Badge>
                  </Table.Td>
                  <Table.Td fz="sm">{formatDateMedium(c.givenOn, language)}</Table.Td>
                  <Table.Td fz="sm">{c.withdrawnOn ? formatDateMedium(c.withdrawnOn, language) : '—'}</Table.Td>
                  <Table.Td fz="sm">{c.documentRef ?? '—'}</Table.Td>
                  <Table.Td fz="sm">{c.recordedBy ?? '—'}</Table.Td>
                  <Table.Td>
                    {manage && c.active && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setWithdrawing(c)}>
                        {t('consents.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('consents.add')}>
        {adding && <AddConsentForm personId={person.id} onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t('consents.withdrawTitle')}>
        {withdrawing && <WithdrawForm personId={person.id} consent={withdrawing} onDone={() => setWithdrawing(null)} />}
      </Modal>
    </Paper>
  );
}

function AddConsentForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const add = useAddConsent(personId);
  const [purpose, setPurpose] = useState('');
  const [givenOn, setGivenOn] = useState(today());
  const [documentRef, setDocumentRef] = useState('');
  const server = fieldErrors(add.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ purpose: purpose.trim(), givenOn, ...(documentRef.trim() ? { documentRef: documentRef.trim() } : {}) }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <FormError error={add.error} shownFields={['purpose', 'givenOn', 'documentRef']} />
        <TextInput label={t('consents.purpose')} description={t('consents.purposeHelp')} required value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} error={server.purpose} data-autofocus />
        <TextInput type="date" label={t('consents.givenOn')} required value={givenOn} onChange={(e) => setGivenOn(e.currentTarget.value)} error={server.givenOn} />
        <TextInput label={t('consents.documentRef')} description={t('consents.documentRefHelp')} value={documentRef} onChange={(e) => setDocumentRef(e.currentTarget.value)} error={server.documentRef} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('consents.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('consents.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawForm({ personId, consent, onDone }: { personId: number; consent: Consent; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const withdraw = useWithdrawConsent(personId);
  const [on, setOn] = useState(today());
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        withdraw.mutate({ consentId: consent.id, withdrawnOn: on }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <Text size="sm">{consent.purpose}</Text>
        <FormError error={withdraw.error} shownFields={['withdrawnOn']} />
        <TextInput type="date" label={t('consents.withdrawnOn')} required value={on} onChange={(e) => setOn(e.currentTarget.value)} error={fieldErrors(withdraw.error).withdrawnOn} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('consents.cancel')}
          </Button>
          <Button type="submit" color="red" loading={withdraw.isPending}>
            {t('consents.withdrawConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
