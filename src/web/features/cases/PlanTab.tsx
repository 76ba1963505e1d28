// Rencana: the latest plan version (goals and ATENSI services), edited while a draft or
// returned, submitted, approved or returned by the supervisor; an approved plan is
// changed through a new version.
import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATENSI_COMPONENTS, SERVICE_STATUSES, type Plan, type PlanContent } from '../../../common/case-records.ts';
import type { CaseDetail } from '../../../common/cases.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { usePlans, usePlanStep, useSavePlan } from './cases.api.ts';

const EMPTY: PlanContent = { goals: [], services: [], note: '' };
const today = () => new Date().toISOString().slice(0, 10);

export function PlanTab({ caseData: c }: { caseData: CaseDetail }) {
  const { t } = useTranslation('cases');
  const plans = usePlans(c.id);
  const save = useSavePlan(c.id);
  const step = usePlanStep(c.id);
  const [draft, setDraft] = useState<PlanContent | null>(null);
  const [reason, setReason] = useState('');
  const latest: Plan | undefined = plans.data?.items[0];
  useEffect(() => setDraft(null), [latest?.id, latest?.status]);
  if (plans.isPending) return <PageLoader />;
  if (plans.isError) return <ErrorState title={t('loadError')} error={plans.error} onRetry={() => void plans.refetch()} />;
  const editing = draft !== null;
  const content = draft ?? latest ?? EMPTY;
  const editable = !latest || latest.actions.includes('edit') || latest.actions.includes('new_version') || plans.data.actions.includes('create');
  const newVersion = !latest || latest.status === 'approved';
  const errors = fieldErrors(save.error);
  return (
    <Stack gap="md">
      {latest && (
        <Group gap="xs">
          <Text fw={600}>{t('plan.versionN', { n: latest.version })}</Text>
          <Badge variant="light">{t(`plan.status.${latest.status}`)}</Badge>
          {latest.decidedBy && <Text size="sm" c="dimmed">{latest.decidedBy}</Text>}
        </Group>
      )}
      {latest?.status === 'returned' && <Alert color="orange">{t('plan.returned', { reason: latest.returnReason })}</Alert>}
      {!latest && !editing && <Text c="dimmed">{t('plan.none')}</Text>}
      <PlanEditor value={content} readOnly={!editing} onChange={setDraft} errors={errors} />
      <FormError error={save.error ?? step.error} shownFields={Object.keys(errors).filter((f) => /^(goals|services)\.\d+\./.test(f))} />
      <Group>
        {!editing && editable && (latest?.actions.includes('edit') || (newVersion && plans.data.actions.includes('create'))) && (
          <Button variant="light" onClick={() => setDraft(structuredClone(content))}>
            {!latest ? t('plan.create') : newVersion ? t('plan.newVersion') : t('plan.edit')}
          </Button>
        )}
        {editing && (
          <Button loading={save.isPending} onClick={() => save.mutate({ planId: newVersion ? null : latest!.id, content: draft }, { onSuccess: () => setDraft(null) })}>
            {t('plan.save')}
          </Button>
        )}
        {!editing && latest?.actions.includes('submit') && <Button onClick={() => step.mutate({ planId: latest.id, step: 'submit' })}>{t('plan.submit')}</Button>}
        {latest?.actions.includes('approve') && <Button color="green" onClick={() => step.mutate({ planId: latest.id, step: 'approve' })}>{t('plan.approve')}</Button>}
        {latest?.actions.includes('return') && (
          <>
            <TextInput placeholder={t('plan.returnReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button variant="light" color="orange" onClick={() => step.mutate({ planId: latest.id, step: 'return', reason })}>
              {t('plan.return')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}

function PlanEditor({ value, readOnly, onChange, errors }: { value: PlanContent; readOnly: boolean; onChange: (v: PlanContent) => void; errors: Record<string, string> }) {
  const { t } = useTranslation('cases');
  const set = (patch: Partial<PlanContent>) => onChange({ ...value, ...patch });
  const components = ATENSI_COMPONENTS.map((c) => ({ value: c, label: t(`components.${c}`) }));
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">{t('plan.goals')}</Title>
        <Stack gap="xs">
          {value.goals.map((g, i) => (
            <Group key={i} align="end">
              <TextInput style={{ flex: 1 }} label={t('plan.goal')} value={g.text} readOnly={readOnly} error={errors[`goals.${i}.text`]} onChange={(e) => set({ goals: value.goals.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)) })} />
              <TextInput type="date" label={t('plan.targetDate')} value={g.targetDate ?? ''} readOnly={readOnly} error={errors[`goals.${i}.targetDate`]} onChange={(e) => set({ goals: value.goals.map((x, j) => (j === i ? { ...x, targetDate: e.currentTarget.value || null } : x)) })} />
              {!readOnly && (
                <ActionIcon variant="subtle" color="red" aria-label={t('plan.remove')} onClick={() => set({ goals: value.goals.filter((_, j) => j !== i) })}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Button size="xs" variant="subtle" onClick={() => set({ goals: [...value.goals, { text: '', targetDate: null }] })}>
              {t('plan.addGoal')}
            </Button>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">{t('plan.services')}</Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.component')}</Table.Th>
              <Table.Th>{t('plan.description')}</Table.Th>
              <Table.Th>{t('plan.responsible')}</Table.Th>
              <Table.Th>{t('plan.start')}</Table.Th>
              <Table.Th>{t('plan.end')}</Table.Th>
              <Table.Th>{t('plan.serviceStatus')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.services.map((s, i) => {
              const put = (patch: Partial<PlanContent['services'][number]>) => set({ services: value.services.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <Table.Tr key={i}>
                  <Table.Td><Select aria-label={t('plan.component')} data={components} value={s.component} readOnly={readOnly} error={errors[`services.${i}.component`]} onChange={(v) => v && put({ component: v as typeof s.component })} /></Table.Td>
                  <Table.Td><TextInput aria-label={t('plan.description')} value={s.description} readOnly={readOnly} error={errors[`services.${i}.description`]} onChange={(e) => put({ description: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><TextInput aria-label={t('plan.responsible')} value={s.responsible} readOnly={readOnly} error={errors[`services.${i}.responsible`]} onChange={(e) => put({ responsible: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><TextInput type="date" aria-label={t('plan.start')} value={s.startDate} readOnly={readOnly} error={errors[`services.${i}.startDate`]} onChange={(e) => put({ startDate: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><TextInput type="date" aria-label={t('plan.end')} value={s.endDate ?? ''} readOnly={readOnly} error={errors[`services.${i}.endDate`]} onChange={(e) => put({ endDate: e.currentTarget.value || null })} /></Table.Td>
                  <Table.Td>
                    <Select aria-label={t('plan.serviceStatus')} data={SERVICE_STATUSES.map((x) => ({ value: x, label: t(`plan.serviceStatuses.${x}`) }))} value={s.status} readOnly={readOnly} onChange={(v) => v && put({ status: v as typeof s.status })} />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red" aria-label={t('plan.remove')} onClick={() => set({ services: value.services.filter((_, j) => j !== i) })}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {!readOnly && (
          <Button size="xs" variant="subtle" mt="xs" onClick={() => set({ services: [...value.services, { component: 'vocational_training', description: '', responsible: '', startDate: today(), endDate: null, status: 'planned' }] })}>
            {t('plan.addService')}
          </Button>
        )}
      </Paper>
    </Stack>
  );
}
