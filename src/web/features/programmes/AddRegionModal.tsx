// Add a regency/city of the programme's province, with its own target date.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { useAddRegion } from './programmes.api.ts';

type AddRegionModalProps = {
  opened: boolean;
  programmeId: number;
  provinceCode: string;
  onClose: () => void;
};

export function AddRegionModal({ opened, programmeId, provinceCode, onClose }: AddRegionModalProps) {
  const { t } = useTranslation('programmes');
  return (
    <Modal opened={opened} onClose={onClose} title={t('addRegion.title')}>
      {opened && <AddRegionForm programmeId={programmeId} provinceCode={provinceCode} onClose={onClose} />}
    </Modal>
  );
}

function AddRegionForm({ programmeId, provinceCode, onClose }: Omit<AddRegionModalProps, 'opened'>) {
  const { t } = useTranslation('programmes');
  const regencies = useRegionList({ parent: provinceCode, limit: 1000, offset: 0 });
  const add = useAddRegion(programmeId);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [targetDate, setTargetDate] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(add.error);
  const localRegion = regionCode ? undefined : t('form.required');

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (localRegion || !regionCode) return;
        add.mutate({ regionCode, targetDate: targetDate || null }, { onSuccess: onClose });
      }}
    >
      <Stack>
        <FormError error={add.error} shownFields={['regionCode', 'targetDate']} />
        <Select
          label={t('addRegion.region')}
          required
          searchable
          data={(regencies.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
          value={regionCode}
          onChange={setRegionCode}
          error={server.regionCode ?? (checked ? localRegion : undefined)}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        <TextInput label={t('addRegion.targetDate')} type="date" value={targetDate} onChange={(e) => setTargetDate(e.currentTarget.value)} error={server.targetDate} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
