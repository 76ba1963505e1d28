// Ringkasan: the case's facts, assignment, closure (request, approval, rejection) and
// reopening, and its history (status moves are in the page header). Buttons follow the
// case's `actions`.
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../common/cases.ts';
import { formatDateTime } from '../../../common/format.ts';
import { Fact } from '../../components/Fact.tsx';
import { FormError } from '../../components/FormError.tsx';
import { can as sessionCan, useSession } from '../auth/session.ts';
import { useAssign, useAssignees, useClosure } from './cases.api.ts';

export function SummaryTab({ caseData: c }: { caseData: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const closure = useClosure(c.id);
  // Every read and change of the case is in the audit log, for those who may read it.
  const mayAudit = sessionCan(useSession(), 'audit.read');
  const [reason, setReason] = useState('');
  const can = (a: CaseDetail['actions'][number]) => c.actions.includes(a);
  const closing = can('request_closure') || can('approve_closure') || can('reject_closure') || can('reopen');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Stack gap="xs" component="dl" m={0}>
            <Fact label={t('fields.caseWorker')}>{c.caseWorker?.name ?? '—'}</Fact>
            <Fact label={t('fields.supervisor')}>{c.supervisor?.name ?? '—'}</Fact>
            <Fact label={t('fields.openedAt')}>{formatDateTime(c.openedAt, lang)}</Fact>
            {c.closedAt && <Fact label={t('fields.closedAt')}>{formatDateTime(c.closedAt, lang)}</Fact>}
            {c.closureReason && <Fact label={t('closure.reason')}>{c.closureReason}</Fact>}
          </Stack>
        </Paper>
        {closing && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">{t('closure.title')}</Title>
            {(can('request_closure') || can('reject_closure') || can('reopen')) && (
              <TextInput label={t('closure.reasonLabel')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            )}
            <Group gap="xs">
              {can('request_closure') && (
                <Button size="xs" color="orange" onClick={() => closure.mutate({ step: 'closure-request', reason }, { onSuccess: () => setReason('') })}>
                  {t('closure.request')}
                </Button>
              )}
              {can('approve_closure') && (
                <Button size="xs" color="red" onClick={() => closure.mutate({ step: 'closure-approval' })}>
                  {t('closure.approve')}
                </Button>
              )}
              {can('reject_closure') && (
                <Button size="xs" variant="light" onClick={() => closure.mutate({ step: 'closure-rejection', reason }, { onSuccess: () => setReason('') })}>
                  {t('closure.reject')}
                </Button>
              )}
              {can('reopen') && (
                <Button size="xs" onClick={() => closure.mutate({ step: 'reopen', reason }, { onSuccess: () => setReason('') })}>
                  {t('closure.reopen')}
                </Button>
              )}
            </Group>
            <FormError error={closure.error} />
          </Stack>
        </Paper>
        )}
      </SimpleGrid>
      {can('assign') && <AssignForm c={c} />}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">{t('summary.history')}</Title>
          {mayAudit && (
            <Anchor component={Link} to={`/audit?entityType=case&entityId=${c.id}`} size="sm">
              {t('summary.auditLog')}
            </Anchor>
          )}
        </Group>
        <Table>
          <Table.Tbody>
            {c.events.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                <Table.Td>{t(`events.${e.kind}` as never, { defaultValue: e.kind })}</Table.Td>
                <Table.Td>{e.toStatus ? t(`status.${e.toStatus}` as never, { defaultValue: e.toStatus }) : ''}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
                <Table.Td>{e.actor ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function AssignForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const people = useAssignees(c.id, true);
  const assign = useAssign(c.id);
  const [worker, setWorker] = useState<string | null>(c.caseWorker ? String(c.caseWorker.id) : null);
  const [supervisor, setSupervisor] = useState<string | null>(c.supervisor ? String(c.supervisor.id) : null);
  const [reason, setReason] = useState('');
  const options = (xs: { id: number; name: string }[] | undefined) => (xs ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">{t('summary.assignment')}</Title>
      <Group align="end">
        <Select label={t('fields.caseWorker')} data={options(people.data?.caseWorkers)} value={worker} onChange={setWorker} searchable />
        <Select label={t('fields.supervisor')} data={options(people.data?.supervisors)} value={supervisor} onChange={setSupervisor} searchable />
        <TextInput label={t('summary.reassignReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button
          loading={assign.isPending}
          onClick={() =>
            assign.mutate(
              { ...(worker ? { caseWorkerId: Number(worker) } : {}), ...(supervisor ? { supervisorId: Number(supervisor) } : {}), reason },
              { onSuccess: () => setReason('') },
            )
          }
        >
          {t('summary.assign')}
        </Button>
      </Group>
      <FormError error={assign.error} />
      {c.assignments.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('summary.assignments', { count: c.assignments.length })}
        </Text>
      )}
    </Paper>
  );
}
