// The "Pemulangan" panel of a case: the NIK's proposal, the plans with their status,
// and the steps each plan's `actions` allow (plan, change, depart, arrive, cancel,
// inform the home region's Dinsos by a letter). Pseudonymous throughout.
import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateMedium, formatRupiah } from '../../../common/format.ts';
import { PAYERS, proposePayer, TRANSPORT_MODES, type CaseReturnHome, type ReturnHome } from '../../../common/return-home.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { useLetterUnits } from '../letters/letters.api.ts';
import { useCaseReturnHome, usePlanReturnHome, useReturnHomeStep, useUpdateReturnHome, type ReturnHomeStep } from './case-services.api.ts';

const STATUS_COLOR = { planned: 'blue', departed: 'orange', arrived: 'teal', cancelled: 'gray' } as const;

export function ReturnHomePanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation('caseServices');
  const data = useCaseReturnHome(caseId);
  const [editing, setEditing] = useState<ReturnHome | 'new' | null>(null);
  const [step, setStep] = useState<{ plan: ReturnHome; step: ReturnHomeStep } | null>(null);
  if (data.error) return <ErrorState title={t('page.loadFailed')} error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <PageLoader />;
  const v = data.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('returnHome.title')}
        </Title>
        {v.actions.includes('create') && <Button onClick={() => setEditing('new')}>{t('returnHome.plan')}</Button>}
      </Group>
      {v.actions.includes('create') && <ProposalNote v={v} />}
      {v.items.length === 0 && <Text c="dimmed">{t('returnHome.empty')}</Text>}
      {v.items.map((p) => (
        <PlanCard key={p.id} plan={p} onEdit={() => setEditing(p)} onStep={(s) => setStep({ plan: p, step: s })} />
      ))}
      {editing && <PlanModal caseId={caseId} v={v} plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {step && <StepModal caseId={caseId} plan={step.plan} step={step.step} onClose={() => setStep(null)} />}
    </Stack>
  );
}

function ProposalNote({ v }: { v: CaseReturnHome }) {
  const { t } = useTranslation('caseServices');
  const p = v.proposal;
  const text = p?.homeRegion
    ? t('returnHome.proposal', { district: p.homeRegion.name ?? p.homeRegion.code, regency: p.homeRegency?.name ?? '' })
    : p?.homeRegency
      ? t('returnHome.proposalRegencyOnly', { regency: p.homeRegency.name ?? p.homeRegency.code })
      : t('returnHome.noProposal');
  return (
    <Alert variant="light" color="blue">
      <Text size="sm">{text}</Text>
      {p?.payer && <Text size="sm">{t('returnHome.payerRule', { payer: t(`returnHome.payers.${p.payer}`) })}</Text>}
    </Alert>
  );
}

function PlanCard({ plan: p, onEdit, onStep }: { plan: ReturnHome; onEdit: () => void; onStep: (s: ReturnHomeStep) => void }) {
  const { t } = useTranslation('caseServices');
  const language = useDisplayLanguage();
  const date = (d: string) => formatDateMedium(d, language);
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>
            {p.homeRegion.name ?? p.homeRegion.code}, {p.homeRegency.name ?? p.homeRegency.code}{' '}
            <Text span size="sm" c="dimmed">
              ({t(`returnHome.source.${p.homeRegionSource}`)})
            </Text>
          </Text>
          <Badge color={STATUS_COLOR[p.status]} variant="light">
            {t(`returnHome.status.${p.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('returnHome.plannedDate')}: {date(p.plannedDate)} · {t(`returnHome.transport.${p.transportMode}`)} · {formatRupiah(p.costRupiah)}
        </Text>
        <Text size="sm">
          {t('returnHome.payer')}: {t(`returnHome.payers.${p.payer}`)}
          {p.payerReason && ` — ${p.payerReason}`}
        </Text>
        {p.route && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {p.route}
          </Text>
        )}
        {p.departedOn && <Text size="sm">{t('returnHome.departed', { date: date(p.departedOn), by: p.departureConfirmedBy ?? '—' })}</Text>}
        {p.arrivedOn && <Text size="sm">{t('returnHome.arrived', { date: date(p.arrivedOn), by: p.arrivalConfirmedBy ?? '—' })}</Text>}
        {p.cancelReason && (
          <Text size="sm">
            {t('returnHome.cancelReason')}: {p.cancelReason}
          </Text>
        )}
        {p.letter && (
          <Text size="sm">
            {t('returnHome.letter')}: <Link to={`/surat/${p.letter.id}`}>{p.letter.number ?? t('returnHome.letterDraft')}</Link>
          </Text>
        )}
        {p.actions.length > 0 && (
          <Group gap="xs" mt={4}>
            {p.actions.includes('update') && (
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('returnHome.actions.update')}
              </Button>
            )}
            {p.actions.includes('depart') && (
              <Button size="xs" onClick={() => onStep('departure')}>
                {t('returnHome.actions.depart')}
              </Button>
            )}
            {p.actions.includes('arrive') && (
              <Button size="xs" onClick={() => onStep('arrival')}>
                {t('returnHome.actions.arrive')}
              </Button>
            )}
            {p.actions.includes('notify') && (
              <Button size="xs" variant="light" onClick={() => onStep('letter')}>
                {t('returnHome.actions.notify')}
              </Button>
            )}
            {p.actions.includes('cancel') && (
              <Button size="xs" color="red" variant="subtle" onClick={() => onStep('cancel')}>
                {t('returnHome.actions.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function PlanModal({ caseId, v, plan, onClose }: { caseId: number; v: CaseReturnHome; plan: ReturnHome | null; onClose: () => void }) {
  const { t } = useTranslation('caseServices');
  const create = usePlanReturnHome(caseId);
  const update = useUpdateReturnHome(caseId);
  const mutation = plan ? update : create;
  const [homeRegionCode, setHome] = useState(plan?.homeRegionSource === 'declared' ? plan.homeRegion.code : '');
  const [plannedDate, setDate] = useState(plan?.plannedDate ?? '');
  const [route, setRoute] = useState(plan?.route ?? '');
  const [transportMode, setMode] = useState<string>(plan?.transportMode ?? 'bus');
  const [costRupiah, setCost] = useState<number | string>(plan?.costRupiah ?? 0);
  // The rule's proposal follows the home district: a declared one (another province →
  // APBD), else the NIK's. The payer follows the proposal until the user picks one.
  const declared = /^\d{2}\.\d{2}\.\d{2}$/.test(homeRegionCode.trim()) ? homeRegionCode.trim() : null;
  const proposed = declared ? proposePayer(v.regencyCode, declared) : (plan?.homeRegionSource === 'nik' ? plan.proposedPayer : null) ?? v.proposal?.payer ?? null;
  const [chosenPayer, setPayer] = useState<string | null>(plan && plan.payer !== plan.proposedPayer ? plan.payer : null);
  const payer = chosenPayer ?? proposed;
  const [payerReason, setReason] = useState(plan?.payerReason ?? '');
  const errors = fieldErrors(mutation.error);
  const submit = () => {
    const body = {
      ...(homeRegionCode.trim() ? { homeRegionCode: homeRegionCode.trim() } : {}),
      plannedDate,
      route,
      transportMode: transportMode as ReturnHome['transportMode'],
      costRupiah: Number(costRupiah) || 0,
      ...(payer ? { payer: payer as ReturnHome['payer'] } : {}),
      ...((payer && proposed && payer !== proposed) || payerReason.trim() ? { payerReason } : {}),
    };
    const done = { onSuccess: onClose };
    if (plan) update.mutate({ id: plan.id, body: { ...body, version: plan.version } }, done);
    else create.mutate(body, done);
  };
  return (
    <Modal opened onClose={onClose} title={plan ? t('returnHome.edit') : t('returnHome.plan')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('returnHome.homeRegionCode')} description={t('returnHome.homeRegionHint')} value={homeRegionCode} onChange={(e) => setHome(e.currentTarget.value)} error={errors.homeRegionCode} />
        <TextInput type="date" required label={t('returnHome.plannedDate')} value={plannedDate} onChange={(e) => setDate(e.currentTarget.value)} error={errors.plannedDate} />
        <Select
          label={t('returnHome.transportMode')}
          data={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`returnHome.transport.${m}`) }))}
          value={transportMode}
          onChange={(m) => setMode(m ?? 'bus')}
          allowDeselect={false}
        />
        <Textarea label={t('returnHome.route')} value={route} onChange={(e) => setRoute(e.currentTarget.value)} error={errors.route} autosize minRows={2} />
        <NumberInput label={t('returnHome.cost')} value={costRupiah} onChange={setCost} min={0} step={50_000} thousandSeparator="." decimalSeparator="," allowDecimal={false} error={errors.costRupiah} />
        <Select label={t('returnHome.payer')} data={PAYERS.map((p) => ({ value: p, label: t(`returnHome.payers.${p}`) }))} value={payer} onChange={setPayer} clearable error={errors.payer} />
        {((payer && proposed && payer !== proposed) || errors.payerReason) && (
          <Textarea required label={t('returnHome.payerReason')} value={payerReason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.payerReason} />
        )}
        <FormError error={mutation.error} shownFields={['homeRegionCode', 'plannedDate', 'route', 'costRupiah', 'payer', 'payerReason']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('returnHome.cancelDialog')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending}>
            {t('returnHome.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

function StepModal({ caseId, plan, step, onClose }: { caseId: number; plan: ReturnHome; step: ReturnHomeStep; onClose: () => void }) {
  const { t } = useTranslation('caseServices');
  const mutation = useReturnHomeStep(caseId);
  const units = useLetterUnits();
  const [date, setDate] = useState(today());
  const [text, setText] = useState('');
  const [unitId, setUnit] = useState<string | null>(null);
  const [signatoryName, setName] = useState('');
  const [signatoryTitle, setTitle] = useState('');
  const errors = fieldErrors(mutation.error);
  const title = { departure: 'depart', arrival: 'arrive', cancel: 'cancel', letter: 'notify' } as const;
  const submit = () => {
    const done = { onSuccess: onClose };
    if (step === 'departure') mutation.mutate({ id: plan.id, step, body: { departedOn: date, note: text } }, done);
    if (step === 'arrival') mutation.mutate({ id: plan.id, step, body: { arrivedOn: date, note: text } }, done);
    if (step === 'cancel') mutation.mutate({ id: plan.id, step, body: { reason: text } }, done);
    if (step === 'letter') mutation.mutate({ id: plan.id, step, body: { unitId: Number(unitId), letterDate: date, signatoryName, signatoryTitle } }, done);
  };
  const dateLabel = step === 'departure' ? t('returnHome.departedOn') : step === 'arrival' ? t('returnHome.arrivedOn') : t('returnHome.letterDate');
  const dateField = step === 'departure' ? 'departedOn' : step === 'arrival' ? 'arrivedOn' : 'letterDate';
  return (
    <Modal opened onClose={onClose} title={t(`returnHome.actions.${title[step]}`)}>
      <Stack gap="sm">
        {step === 'letter' && <Text size="sm">{t('returnHome.notifyHint')}</Text>}
        {step === 'letter' && (
          <Select
            required
            label={t('returnHome.unit')}
            data={(units.data?.items ?? []).map((u) => ({ value: String(u.id), label: `${u.code} — ${u.name}` }))}
            value={unitId}
            onChange={setUnit}
            error={errors.unitId}
          />
        )}
        {step !== 'cancel' && <TextInput type="date" required label={dateLabel} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors[dateField]} />}
        {step === 'letter' ? (
          <>
            <TextInput label={t('returnHome.signatoryName')} value={signatoryName} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput label={t('returnHome.signatoryTitle')} value={signatoryTitle} onChange={(e) => setTitle(e.currentTarget.value)} />
          </>
        ) : (
          <Textarea
            required={step === 'cancel'}
            label={step === 'cancel' ? t('returnHome.reason') : t('returnHome.note')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.reason ?? errors.note}
          />
        )}
        <FormError error={mutation.error} shownFields={['reason', 'note', 'unitId', dateField]} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('returnHome.cancelDialog')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} color={step === 'cancel' ? 'red' : undefined} disabled={step === 'letter' && !unitId}>
            {t('returnHome.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
