// A new allocation (component of a scheme, funding source from the component, region for
// APBD) or a changed amount.
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allocation } from '../../../common/aid.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useSchemes } from '../aid/aid.api.ts';
import { useSaveAllocation } from './budgets.api.ts';

export function AllocationModal({ allocation, year, onClose }: { allocation: Allocation | null; year: number; onClose: () => void }) {
  const { t } = useTranslation('aid');
  const schemes = useSchemes();
  const save = useSaveAllocation();
  const [componentId, setComponentId] = useState<string | null>(null);
  const [regionCode, setRegionCode] = useState('');
  const [amount, setAmount] = useState<number>(allocation?.amount ?? 0);
  const [note, setNote] = useState(allocation?.note ?? '');
  const errors = fieldErrors(save.error);
  const components = (schemes.data?.items ?? [])
    .filter((s) => s.year === year)
    .flatMap((s) => s.components.map((c) => ({ value: String(c.id), label: `${s.name}: ${c.code} — ${c.name} (${t(`sources.${c.fundingSource}`)})`, source: c.fundingSource })));
  const source = components.find((c) => c.value === componentId)?.source;

  const submit = () => {
    const done = { onSuccess: onClose };
    if (allocation) save.mutate({ id: allocation.id, body: { amount, note, version: allocation.version } }, done);
    else if (source) save.mutate({ id: null, body: { componentId: Number(componentId), fundingSource: source, regionCode: source === 'apbn_kemensos' ? null : regionCode.trim(), amount, note } }, done);
  };

  return (
    <Modal opened onClose={onClose} title={allocation ? t('budgets.editAllocation') : t('budgets.newAllocation')}>
      <Stack gap="sm">
        {!allocation && (
          <>
            <Select label={t('budgets.component')} data={components} value={componentId} onChange={setComponentId} error={errors.componentId ?? errors.fundingSource} required searchable />
            {source && source !== 'apbn_kemensos' && (
              <TextInput
                label={t('budgets.region')}
                description={t(source === 'apbd_province' ? 'budgets.regionProvince' : 'budgets.regionRegency')}
                value={regionCode}
                onChange={(e) => setRegionCode(e.currentTarget.value)}
                error={errors.regionCode}
                required
              />
            )}
          </>
        )}
        <NumberInput label={t('budgets.amount')} value={amount} onChange={(v) => setAmount(Number(v) || 0)} prefix="Rp " thousandSeparator="." decimalSeparator="," allowDecimal={false} min={0} error={errors.amount} required />
        <TextInput label={t('schemes.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <FormError error={save.error} shownFields={['componentId', 'fundingSource', 'regionCode', 'amount', 'note']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={submit} disabled={!allocation && !source}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
