// The "Rujukan" panel of a case: its referrals (field names, never values), making
// one (service, organisation, the fields to share, consent or an override request,
// expiry), and the steps each referral's `actions` allow.
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SERVICES, SHAREABLE_FIELDS, type CaseReferrals, type Referral, type ShareableField } from '../../../common/referrals.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useCaseReferrals, useCreateReferral } from './case-services.api.ts';
import { ReferralCard } from './ReferralCard.tsx';

export function ReferralsPanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation('caseServices');
  const data = useCaseReferrals(caseId);
  const [creating, setCreating] = useState(false);
  if (data.error) return <ErrorState title={t('page.loadFailed')} error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <PageLoader />;
  const v = data.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('referrals.title')}
        </Title>
        {v.actions.includes('create') && <Button onClick={() => setCreating(true)}>{t('referrals.create')}</Button>}
      </Group>
      {v.items.length === 0 && <Text c="dimmed">{t('referrals.empty')}</Text>}
      {v.items.map((r: Referral) => (
        <ReferralCard key={r.id} referral={r} />
      ))}
      {creating && <CreateModal caseId={caseId} v={v} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

const inDays = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

function CreateModal({ caseId, v, onClose }: { caseId: number; v: CaseReferrals; onClose: () => void }) {
  const { t } = useTranslation('caseServices');
  const create = useCreateReferral(caseId);
  const [service, setService] = useState<string>('health');
  const [purpose, setPurpose] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [organisationContact, setContact] = useState('');
  const [fields, setFields] = useState<string[]>(['caseCode']);
  const [assessmentSummary, setSummary] = useState('');
  const [consent, setConsent] = useState<string>(v.consents[0] ? String(v.consents[0].id) : 'none');
  const [overrideRequestReason, setOverrideReason] = useState('');
  const [expiresOn, setExpires] = useState(inDays(30));
  const errors = fieldErrors(create.error);
  const submit = () =>
    create.mutate(
      {
        service: service as Referral['service'],
        purpose,
        organisation,
        organisationContact,
        sharedFields: fields as ShareableField[],
        ...(fields.includes('assessmentSummary') ? { assessmentSummary } : {}),
        ...(consent === 'none' ? { overrideRequestReason } : { consentId: Number(consent) }),
        expiresOn,
      },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('referrals.create')} size="lg">
      <Stack gap="sm">
        <Select
          label={t('referrals.service')}
          data={REFERRAL_SERVICES.map((s) => ({ value: s, label: t(`referrals.services.${s}`) }))}
          value={service}
          onChange={(s) => setService(s ?? 'health')}
          allowDeselect={false}
        />
        <Textarea required label={t('referrals.purpose')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} error={errors.purpose} />
        <TextInput required label={t('referrals.organisation')} value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)} error={errors.organisation} />
        <TextInput label={t('referrals.organisationContact')} value={organisationContact} onChange={(e) => setContact(e.currentTarget.value)} error={errors.organisationContact} />
        <Checkbox.Group label={t('referrals.sharedFields')} value={fields} onChange={setFields} error={errors.sharedFields ?? Object.entries(errors).find(([k]) => k.startsWith('sharedFields.'))?.[1]}>
          <SimpleGrid cols={2} mt={4}>
            {SHAREABLE_FIELDS.map((f) => (
              <Checkbox key={f} value={f} label={t(`referrals.fields.${f}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {fields.includes('assessmentSummary') && (
          <Textarea required label={t('referrals.assessmentSummary')} value={assessmentSummary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.assessmentSummary} autosize minRows={3} />
        )}
        <Select
          label={t('referrals.consent')}
          data={[...v.consents.map((c) => ({ value: String(c.id), label: `${c.purpose} (${c.givenOn})` })), { value: 'none', label: t('referrals.noConsent') }]}
          value={consent}
          onChange={(c) => setConsent(c ?? 'none')}
          allowDeselect={false}
          error={errors.consentId}
        />
        {consent === 'none' && (
          <Textarea required label={t('referrals.overrideRequestReason')} value={overrideRequestReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} error={errors.overrideRequestReason} />
        )}
        <TextInput type="date" required label={t('referrals.expiresOn')} value={expiresOn} onChange={(e) => setExpires(e.currentTarget.value)} error={errors.expiresOn} />
        <FormError error={create.error} shownFields={['purpose', 'organisation', 'organisationContact', 'sharedFields', 'assessmentSummary', 'consentId', 'overrideRequestReason', 'expiresOn']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('referrals.cancelDialog')}
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={fields.length === 0}>
            {t('referrals.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
