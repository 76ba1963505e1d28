// The bank accounts of a person (on the person's page): masked numbers, the holder-name
// check, record a new account, and reveal a number (re-authentication and a reason).
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BANKS, type BankAccount } from '../../../common/aid.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useBankAccountAction, useBankAccounts, useCreateBankAccount, useRevealBankAccount } from './aid.api.ts';
import { TextPromptModal } from './TextPromptModal.tsx';

type Pending = { a: BankAccount; action: 'reveal' | 'accept_name' | 'deactivate' };

export function BankAccountsPanel({ personId }: { personId: number }) {
  const { t } = useTranslation('aid');
  const accounts = useBankAccounts(personId);
  const action = useBankAccountAction();
  const reveal = useRevealBankAccount();
  const [pending, setPending] = useState<Pending | null>(null);
  const [adding, setAdding] = useState(false);
  const [revealed, setRevealed] = useState<{ id: number; accountNumber: string; holderName: string } | null>(null);
  if (!accounts.data) return null;
  const running = pending?.action === 'reveal' ? reveal : action;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bank-accounts">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="bank-accounts">
          {t('bank.title')}
        </Title>
        {accounts.data.canCreate && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('bank.add')}
          </Button>
        )}
      </Group>
      {adding && <NewAccountForm personId={personId} onDone={() => setAdding(false)} />}
      {accounts.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('bank.none')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {accounts.data.items.map((a) => (
              <Table.Tr key={a.id} c={a.status === 'active' ? undefined : 'dimmed'}>
                <Table.Td>{a.bankCode}</Table.Td>
                <Table.Td ff="monospace">{revealed?.id === a.id ? revealed.accountNumber : (a.accountMasked ?? '—')}</Table.Td>
                <Table.Td>{revealed?.id === a.id ? revealed.holderName : ''}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.erased ? <Badge color="gray">{t('bank.erased')}</Badge> : a.status === 'inactive' && <Badge color="gray">{t('bank.inactive')}</Badge>}
                    <Badge color={a.nameCheck === 'match' || a.reviewStatus === 'accepted' ? 'teal' : 'orange'}>{t(`bank.nameCheck.${a.reviewStatus === 'accepted' ? 'accepted' : a.nameCheck}`)}</Badge>
                    {a.sharedWithOther && <Badge color="red">{t('bank.shared')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {a.actions.map((x) => (
                      <Button key={x} size="compact-xs" variant="light" color={x === 'deactivate' ? 'red' : undefined} onClick={() => setPending({ a, action: x })}>
                        {t(`bank.actions.${x}`)}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pending && (
        <TextPromptModal
          title={t(`bank.actions.${pending.action}`)}
          label={pending.action === 'accept_name' ? t('common.note') : t('common.reason')}
          loading={running.isPending}
          error={running.error}
          onClose={() => {
            running.reset();
            setPending(null);
          }}
          onSubmit={(text) => {
            const done = { onSuccess: () => setPending(null) };
            if (pending.action === 'reveal') reveal.mutate({ id: pending.a.id, reason: text }, { onSuccess: (r) => (setRevealed(r), setPending(null)) });
            else action.mutate({ id: pending.a.id, action: pending.action, text, version: pending.a.version }, done);
          }}
        />
      )}
    </Paper>
  );
}

function NewAccountForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const { t } = useTranslation('aid');
  const create = useCreateBankAccount(personId);
  const [bankCode, setBankCode] = useState<string | null>('BRI');
  const [accountNumber, setAccountNumber] = useState('');
  const [holderName, setHolderName] = useState('');
  const errors = fieldErrors(create.error);
  return (
    <Stack gap="xs" mb="sm">
      <Group grow align="flex-start">
        <Select label={t('bank.bank')} data={BANKS.map((b) => ({ value: b.code, label: b.name }))} value={bankCode} onChange={setBankCode} error={errors.bankCode} searchable required />
        <TextInput label={t('bank.number')} value={accountNumber} onChange={(e) => setAccountNumber(e.currentTarget.value)} error={errors.accountNumber} inputMode="numeric" autoComplete="off" required />
        <TextInput label={t('bank.holder')} value={holderName} onChange={(e) => setHolderName(e.currentTarget.value)} error={errors.holderName} autoComplete="off" required />
      </Group>
      {create.data?.nameCheck === 'mismatch' && <Alert color="orange">{t('bank.mismatchSaved')}</Alert>}
      <FormError error={create.error} shownFields={['bankCode', 'accountNumber', 'holderName']} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button loading={create.isPending} onClick={() => create.mutate({ bankCode: bankCode ?? '', accountNumber, holderName }, { onSuccess: onDone })}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
