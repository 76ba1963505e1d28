// Download a completed enrolment's certificate: with the case code, or — for a user
// allowed to reveal the identity — the full name, with a reason (re-authentication
// is asked for by the server; the print is audited as a reveal).
import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../../common/training.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useCertificate } from './training.api.ts';

export function CertificateModal({ enrolment, onClose }: { enrolment: Enrolment; onClose: () => void }) {
  const { t } = useTranslation('training');
  const certificate = useCertificate();
  const mayName = enrolment.actions.includes('certificate_with_name');
  const [withName, setWithName] = useState(false);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(certificate.error);
  const submit = () => certificate.mutate({ id: enrolment.id, body: withName ? { withName, reason } : {} }, { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('certificate.title', { code: enrolment.caseCode })}>
      <Stack gap="sm">
        <Alert variant="light" color="blue">
          {t('certificate.pseudonymous')}
        </Alert>
        {mayName && <Checkbox label={t('certificate.withName')} checked={withName} onChange={(e) => setWithName(e.currentTarget.checked)} />}
        {withName && (
          <Textarea label={t('certificate.reason')} description={t('certificate.reasonHint')} required minRows={2} autosize value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        )}
        <FormError error={certificate.error} shownFields={Object.keys(errors)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={submit} loading={certificate.isPending}>
            {t('certificate.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
