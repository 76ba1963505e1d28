// Create a national or provincial programme, or edit one's name, owner, target date and description.
import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeView } from '../../../common/programmes.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { useCreateProgramme, useUpdateProgramme } from './programmes.api.ts';

export type ProgrammeFormTarget = { mode: 'new'; parentId?: number } | ProgrammeView;

type ProgrammeFormModalProps = {
  /** null: closed. */
  target: ProgrammeFormTarget | null;
  /** National programmes a provincial one may belong to. */
  nationals: readonly ProgrammeView[];
  onClose: () => void;
  onSaved?: (programme: ProgrammeView) => void;
};

export function ProgrammeFormModal({ target, nationals, onClose, onSaved }: ProgrammeFormModalProps) {
  const { t } = useTranslation('programmes');
  const isNew = target !== null && 'mode' in target;
  return (
    <Modal opened={target !== null} onClose={onClose} title={isNew ? t('form.createTitle') : t('form.editTitle')} size="lg">
      {target !== null && (
        <ProgrammeForm key={'mode' in target ? 'new' : target.id} target={target} nationals={nationals} onClose={onClose} onSaved={onSaved} />
      )}
    </Modal>
  );
}

const SELECT_PROPS = { comboboxProps: { withinPortal: false }, searchable: true } as const;

function ProgrammeForm({ target, nationals, onClose, onSaved }: { target: ProgrammeFormTarget } & Omit<ProgrammeFormModalProps, 'target'>) {
  const { t } = useTranslation('programmes');
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const existing = 'mode' in target ? null : target;
  const [level, setLevel] = useState<'national' | 'province'>(existing?.level ?? ('mode' in target && target.parentId ? 'province' : nationals.length > 0 ? 'province' : 'national'));
  const [parentId, setParentId] = useState<string | null>(
    'mode' in target && target.parentId ? String(target.parentId) : nationals.length === 1 ? String(nationals[0]!.id) : null,
  );
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [name, setName] = useState(existing?.name ?? '');
  const [owner, setOwner] = useState(existing?.owner ?? '');
  const [targetDate, setTargetDate] = useState(existing?.targetDate ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [checked, setChecked] = useState(false);
  const provinces = useRegionList({ level: 'province', limit: 1000, offset: 0 }, { enabled: !existing && level === 'province' });
  const mutation = existing ? update : create;
  const server = fieldErrors(mutation.error);

  const provincial = !existing && level === 'province';
  const local = {
    parentId: provincial && !parentId ? t('form.required') : undefined,
    regionCode: provincial && !regionCode ? t('form.required') : undefined,
    name: name.trim().length >= 3 ? undefined : t('form.minChars', { min: 3 }),
    owner: owner.trim().length >= 2 ? undefined : t('form.minChars', { min: 2 }),
  };
  const localErrors: Record<string, string | undefined> = local;
  const show = (key: string) => server[key] ?? (checked ? localErrors[key] : undefined);

  const submit = () => {
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    const common = { name: name.trim(), owner: owner.trim(), targetDate: targetDate || null, description: description.trim() };
    const done = (saved: ProgrammeView) => {
      onClose();
      onSaved?.(saved);
    };
    if (existing) {
      update.mutate({ id: existing.id, body: common }, { onSuccess: done });
    } else if (level === 'national') {
      create.mutate({ level: 'national', ...common }, { onSuccess: done });
    } else {
      create.mutate({ level: 'province', parentId: Number(parentId), regionCode: regionCode ?? '', ...common }, { onSuccess: done });
    }
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
        <FormError error={mutation.error} shownFields={['parentId', 'regionCode', 'name', 'owner', 'targetDate', 'description']} />
        {!existing && (
          <SegmentedControl
            aria-label={t('form.level')}
            value={level}
            onChange={(next) => setLevel(next === 'national' ? 'national' : 'province')}
            data={[
              { value: 'province', label: t('level.province') },
              { value: 'national', label: t('level.national') },
            ]}
          />
        )}
        {provincial && (
          <>
            <Select
              label={t('form.parent')}
              required
              data={nationals.map((p) => ({ value: String(p.id), label: p.name }))}
              value={parentId}
              onChange={setParentId}
              error={show('parentId')}
              nothingFoundMessage={t('form.noNational')}
              {...SELECT_PROPS}
            />
            <Select
              label={t('form.province')}
              required
              data={(provinces.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
              value={regionCode}
              onChange={setRegionCode}
              error={show('regionCode')}
              {...SELECT_PROPS}
            />
          </>
        )}
        <TextInput label={t('form.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={show('name')} data-autofocus />
        <TextInput
          label={t('form.owner')}
          description={t('form.ownerHelp')}
          required
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          error={show('owner')}
        />
        <TextInput label={t('form.targetDate')} type="date" value={targetDate} onChange={(e) => setTargetDate(e.currentTarget.value)} error={show('targetDate')} />
        <Textarea label={t('form.description')} autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={show('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
