// Move a regency/city to one of the statuses the server offers (nextStatuses), with the reason and evidence.
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeRegionView, RegionStatus } from '../../../common/programmes.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useChangeStatus } from './programmes.api.ts';
import { RegionStatusBadge } from './region-status.tsx';

export const MIN_REASON = 10;

type ChangeStatusModalProps = {
  programmeId: number;
  region: ProgrammeRegionView | null;
  onClose: () => void;
};

export function ChangeStatusModal({ programmeId, region, onClose }: ChangeStatusModalProps) {
  const { t } = useTranslation('programmes');
  return (
    <Modal opened={region !== null} onClose={onClose} title={region ? t('changeStatus.title', { name: region.regionName }) : ''} size="lg">
      {region && <ChangeStatusForm key={region.id} programmeId={programmeId} region={region} onClose={onClose} />}
    </Modal>
  );
}

function ChangeStatusForm({ programmeId, region, onClose }: { programmeId: number; region: ProgrammeRegionView; onClose: () => void }) {
  const { t } = useTranslation('programmes');
  const change = useChangeStatus(programmeId);
  const [to, setTo] = useState<RegionStatus | null>(region.nextStatuses.length === 1 ? region.nextStatuses[0]! : null);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [evidenceRef, setEvidenceRef] = useState('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(change.error);
  const local: Record<string, string | undefined> = {
    to: to ? undefined : t('form.required'),
    reason: reason.trim().length >= MIN_REASON ? undefined : t('form.minChars', { min: MIN_REASON }),
  };
  const show = (key: string) => server[key] ?? (checked ? local[key] : undefined);

  const submit = () => {
    setChecked(true);
    if (Object.values(local).some(Boolean) || !to) return;
    change.mutate(
      { regionId: region.id, body: { to, reason: reason.trim(), evidence: evidence.trim() || null, evidenceRef: evidenceRef.trim() || null } },
      { onSuccess: onClose },
    );
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
        <Group gap="xs">
          <Text size="sm">{t('changeStatus.current')}</Text>
          <RegionStatusBadge status={region.status} />
        </Group>
        <FormError error={change.error} shownFields={['to', 'reason', 'evidence', 'evidenceRef']} />
        <Select
          label={t('changeStatus.to')}
          required
          data={region.nextStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={to}
          onChange={(value) => setTo(value as RegionStatus | null)}
          error={show('to')}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        {to === 'reopened' && (
          <Alert color="red" variant="light" title={t('changeStatus.reopenTitle')}>
            {t('changeStatus.reopenHelp')}
          </Alert>
        )}
        <Textarea
          label={t('changeStatus.reason')}
          description={t('changeStatus.reasonHelp', { min: MIN_REASON })}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={show('reason')}
        />
        <Textarea label={t('changeStatus.evidence')} description={t('changeStatus.evidenceHelp')} autosize minRows={2} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} error={show('evidence')} />
        <TextInput label={t('changeStatus.evidenceRef')} description={t('changeStatus.evidenceRefHelp')} value={evidenceRef} onChange={(e) => setEvidenceRef(e.currentTarget.value)} error={show('evidenceRef')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
