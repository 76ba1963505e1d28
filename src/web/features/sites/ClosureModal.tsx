// Record the closure decree (SK number and date) and the closure date; the site becomes closed.
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useRecordClosure } from './sites.api.ts';

export function ClosureModal({ siteId, opened, onClose }: { siteId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('sites');
  return (
    <Modal opened={opened} onClose={onClose} title={t('closure.title')}>
      {opened && <ClosureForm siteId={siteId} onClose={onClose} />}
    </Modal>
  );
}

function ClosureForm({ siteId, onClose }: { siteId: number; onClose: () => void }) {
  const { t } = useTranslation('sites');
  const record = useRecordClosure(siteId);
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState('');
  const [closureDate, setClosureDate] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(record.error);
  const local: Record<string, string | undefined> = {
    decreeNumber: decreeNumber.trim() ? undefined : t('form.required'),
    decreeDate: decreeDate ? undefined : t('form.required'),
    closureDate: closureDate ? undefined : t('form.required'),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(local).some(Boolean)) return;
        record.mutate({ decreeNumber: decreeNumber.trim(), decreeDate, closureDate }, { onSuccess: onClose });
      }}
    >
      <Stack>
        <FormError error={record.error} shownFields={['decreeNumber', 'decreeDate', 'closureDate']} />
        <TextInput
          label={t('closure.decreeNumber')}
          description={t('closure.decreeNumberHelp')}
          required
          value={decreeNumber}
          onChange={(e) => setDecreeNumber(e.currentTarget.value)}
          error={show('decreeNumber')}
          data-autofocus
        />
        <TextInput label={t('closure.decreeDate')} type="date" required value={decreeDate} onChange={(e) => setDecreeDate(e.currentTarget.value)} error={show('decreeDate')} />
        <TextInput label={t('closure.closureDate')} type="date" required value={closureDate} onChange={(e) => setClosureDate(e.currentTarget.value)} error={show('closureDate')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
