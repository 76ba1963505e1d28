// One referral: what it shares (field names), its basis, status, expiry and the
// response; the steps its `actions` allow (PDF, response, revoke, override).
import { Badge, Button, Card, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateMedium } from '../../../common/format.ts';
import { REFERRAL_RESPONSES, type Referral } from '../../../common/referrals.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { downloadReferralPdf, useReferralStep } from './case-services.api.ts';

type Step = 'response' | 'revoke' | 'override';

export function ReferralStatusBadge({ status }: { status: Referral['status'] }) {
  const { t } = useTranslation('caseServices');
  const color = { pending_override: 'yellow', active: 'teal', expired: 'gray', revoked: 'red' }[status];
  return (
    <Badge color={color} variant="light">
      {t(`referrals.status.${status}`)}
    </Badge>
  );
}

export function ReferralCard({ referral: r, showCase = false }: { referral: Referral; showCase?: boolean }) {
  const { t } = useTranslation('caseServices');
  const language = useDisplayLanguage();
  const [step, setStep] = useState<Step | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const pdf = () => {
    setDownloading(true);
    setPdfError(null);
    downloadReferralPdf(r.id)
      .catch(setPdfError)
      .finally(() => setDownloading(false));
  };
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>
            {showCase && (
              <>
                <Link to={`/kasus/${r.caseId}/rujukan`}>{r.caseCode}</Link> ·{' '}
              </>
            )}
            {t(`referrals.services.${r.service}`)} — {r.organisation}
          </Text>
          <ReferralStatusBadge status={r.status} />
        </Group>
        <Text size="sm">{r.purpose}</Text>
        {r.organisationContact && (
          <Text size="sm" c="dimmed">
            {r.organisationContact}
          </Text>
        )}
        <Text size="sm">
          {t('referrals.sharedFields')}: {r.sharedFields.map((f) => t(`referrals.fields.${f}`)).join(', ')}
        </Text>
        <Text size="sm">
          {r.consent ? `${t('referrals.consent')}: ${r.consent.purpose}` : `${t('referrals.overrideRequestReason')}: ${r.overrideRequestReason ?? ''}`}
          {r.overrideReason && ` — ${r.overrideBy ?? ''}: ${r.overrideReason}`}
        </Text>
        <Text size="sm">
          {t('referrals.expiresOn')}: {formatDateMedium(r.expiresOn, language)}
          {r.shredded && ` · ${t('referrals.shredded')}`}
        </Text>
        {r.revokeReason && (
          <Text size="sm">
            {t('referrals.reason')}: {r.revokeReason}
          </Text>
        )}
        {r.response && (
          <Text size="sm">
            {t('referrals.response')}: {t(`referrals.responses.${r.response}`)} ({r.respondedOn && formatDateMedium(r.respondedOn, language)}){r.responseNote && ` — ${r.responseNote}`}
          </Text>
        )}
        {r.actions.length > 0 && (
          <Group gap="xs" mt={4}>
            {r.actions.includes('pdf') && (
              <Button size="xs" variant="light" onClick={pdf} loading={downloading} title={t('referrals.pdfHint')}>
                {t('referrals.actions.pdf')}
              </Button>
            )}
            {r.actions.includes('respond') && (
              <Button size="xs" onClick={() => setStep('response')}>
                {t('referrals.actions.respond')}
              </Button>
            )}
            {r.actions.includes('override') && (
              <Button size="xs" color="yellow" onClick={() => setStep('override')}>
                {t('referrals.actions.override')}
              </Button>
            )}
            {r.actions.includes('revoke') && (
              <Button size="xs" color="red" variant="subtle" onClick={() => setStep('revoke')}>
                {t('referrals.actions.revoke')}
              </Button>
            )}
          </Group>
        )}
        <FormError error={pdfError} />
      </Stack>
      {step && <StepModal referral={r} step={step} onClose={() => setStep(null)} />}
    </Card>
  );
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

function StepModal({ referral: r, step, onClose }: { referral: Referral; step: Step; onClose: () => void }) {
  const { t } = useTranslation('caseServices');
  const mutation = useReferralStep();
  const [text, setText] = useState('');
  const [response, setResponse] = useState<string>('accepted');
  const [respondedOn, setDate] = useState(today());
  const errors = fieldErrors(mutation.error);
  const submit = () => {
    const done = { onSuccess: onClose };
    if (step === 'response') mutation.mutate({ id: r.id, step, body: { response: response as 'accepted', respondedOn, note: text } }, done);
    else mutation.mutate({ id: r.id, step, body: { reason: text } }, done);
  };
  const titleKey = { response: 'respond', revoke: 'revoke', override: 'override' } as const;
  return (
    <Modal opened onClose={onClose} title={t(`referrals.actions.${titleKey[step]}`)}>
      <Stack gap="sm">
        {step === 'response' && (
          <>
            <Select
              label={t('referrals.response')}
              data={REFERRAL_RESPONSES.map((x) => ({ value: x, label: t(`referrals.responses.${x}`) }))}
              value={response}
              onChange={(x) => setResponse(x ?? 'accepted')}
              allowDeselect={false}
            />
            <TextInput type="date" required label={t('referrals.respondedOn')} value={respondedOn} onChange={(e) => setDate(e.currentTarget.value)} error={errors.respondedOn} />
          </>
        )}
        <Textarea
          required={step !== 'response'}
          label={step === 'response' ? t('referrals.note') : t('referrals.reason')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.reason ?? errors.note}
        />
        <FormError error={mutation.error} shownFields={['reason', 'note', 'respondedOn']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('referrals.cancelDialog')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} color={step === 'revoke' ? 'red' : undefined}>
            {t('referrals.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
