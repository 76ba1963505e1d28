// A scheme's form: programme and year (new schemes), name, note, status, and the
// components editor (code, name, amount in whole rupiah, funding source, active).
import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES, type FundingSource, type Scheme } from '../../../common/aid.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useProgrammes } from '../programmes/programmes.api.ts';
import { useCreateScheme, useUpdateScheme } from './aid.api.ts';

type Row = { code: string; name: string; amount: number; fundingSource: FundingSource; active: boolean };
const emptyRow = (): Row => ({ code: '', name: '', amount: 0, fundingSource: 'apbn_kemensos', active: true });

export function SchemeEditor({ scheme, opened, onClose }: { scheme: Scheme | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('aid');
  const programmes = useProgrammes();
  const create = useCreateScheme();
  const update = useUpdateScheme();
  const [programmeId, setProgrammeId] = useState<string | null>(scheme ? String(scheme.programmeId) : null);
  const [year, setYear] = useState<number>(scheme?.year ?? new Date().getFullYear());
  const [name, setName] = useState(scheme?.name ?? '');
  const [note, setNote] = useState(scheme?.note ?? '');
  const [closed, setClosed] = useState(scheme?.status === 'closed');
  const [rows, setRows] = useState<Row[]>(scheme ? scheme.components.map((c) => ({ ...c })) : [emptyRow()]);
  const mutation = scheme ? update : create;
  const errors = fieldErrors(mutation.error);
  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const components = rows.filter((r) => r.code.trim() !== '').map((r, i) => ({ ...r, sortOrder: i }));

  const submit = () => {
    const done = { onSuccess: onClose };
    if (scheme) update.mutate({ id: scheme.id, body: { name, note, status: closed ? 'closed' : 'active', version: scheme.version, components } }, done);
    else create.mutate({ programmeId: Number(programmeId), year, name, note, components }, done);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={scheme ? t('schemes.edit') : t('schemes.new')} size="xl">
      <Stack gap="sm">
        {!scheme && (
          <Group grow>
            <Select
              label={t('schemes.programme')}
              data={(programmes.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={programmeId}
              onChange={setProgrammeId}
              error={errors.programmeId}
              required
            />
            <NumberInput label={t('schemes.year')} value={year} onChange={(v) => setYear(Number(v))} min={2000} max={2100} error={errors.year} required />
          </Group>
        )}
        <TextInput label={t('schemes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required />
        <Textarea label={t('schemes.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={1} />
        {scheme && <Checkbox label={t('schemes.closed')} checked={closed} onChange={(e) => setClosed(e.currentTarget.checked)} />}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('components.code')}</Table.Th>
              <Table.Th>{t('components.name')}</Table.Th>
              <Table.Th>{t('components.amount')}</Table.Th>
              <Table.Th>{t('components.source')}</Table.Th>
              <Table.Th>{t('components.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput aria-label={t('components.code')} value={r.code} onChange={(e) => setRow(i, { code: e.currentTarget.value.toUpperCase() })} w={140} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('components.name')} value={r.name} onChange={(e) => setRow(i, { name: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('components.amount')}
                    value={r.amount}
                    onChange={(v) => setRow(i, { amount: Number(v) || 0 })}
                    prefix="Rp "
                    thousandSeparator="."
                    decimalSeparator=","
                    allowDecimal={false}
                    min={0}
                    w={160}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('components.source')}
                    data={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
                    value={r.fundingSource}
                    onChange={(v) => v && setRow(i, { fundingSource: v as FundingSource })}
                    w={190}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('components.active')} checked={r.active} onChange={(e) => setRow(i, { active: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  {!scheme?.components.some((c) => c.code === r.code) && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('components.remove')} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows((rs) => [...rs, emptyRow()])}>
            {t('components.add')}
          </Button>
        </Group>
        <FormError error={mutation.error} shownFields={['programmeId', 'year', 'name', 'note']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
