// The enrolments of a run within the user's reach: attendance, completion and the
// actions each record allows; enrol a case (search by case code), withdraw with a
// reason, download the certificate.
import { Button, Group, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrolment, RunDetail } from '../../../common/training.ts';
import { FormError } from '../../components/FormError.tsx';
import { fieldErrors } from '../../lib/api-client.ts';
import { CertificateModal } from './CertificateModal.tsx';
import { useCaseSearch, useEnrol, useWithdraw } from './training.api.ts';
import { CompletionBadge } from './training-parts.tsx';

export function EnrolmentsTable({ run }: { run: RunDetail }) {
  const { t } = useTranslation('training');
  const [enrolling, setEnrolling] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);
  const [certificate, setCertificate] = useState<Enrolment | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('enrolments.title', { count: run.enrolments.length })}
        </Title>
        {run.actions.includes('enrol') && <Button onClick={() => setEnrolling(true)}>{t('enrolments.enrol')}</Button>}
      </Group>
      {run.enrolments.length === 0 ? (
        <Text c="dimmed">{t('enrolments.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('enrolments.case')}</Table.Th>
                <Table.Th>{t('enrolments.attendance')}</Table.Th>
                <Table.Th>{t('enrolments.completion')}</Table.Th>
                <Table.Th>{t('enrolments.certificate')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.enrolments.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Link to={`/kasus/${e.caseId}/pelatihan`}>{e.caseCode}</Link>
                  </Table.Td>
                  <Table.Td>{t('enrolments.attendanceValue', { present: e.present, meetings: e.meetings, pct: e.attendedPct, excused: e.excused })}</Table.Td>
                  <Table.Td>
                    <CompletionBadge status={e.completion} />
                    {e.withdrawReason && (
                      <Text size="xs" c="dimmed">
                        {e.withdrawReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.certificateNumber ?? '–'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      {e.actions.includes('certificate') && (
                        <Button size="xs" variant="light" onClick={() => setCertificate(e)}>
                          {t('certificate.download')}
                        </Button>
                      )}
                      {e.actions.includes('withdraw') && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(e)}>
                          {t('enrolments.withdraw')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {enrolling && <EnrolModal runId={run.id} onClose={() => setEnrolling(false)} />}
      {withdrawing && <WithdrawModal enrolment={withdrawing} onClose={() => setWithdrawing(null)} />}
      {certificate && <CertificateModal enrolment={certificate} onClose={() => setCertificate(null)} />}
    </Stack>
  );
}

function EnrolModal({ runId, onClose }: { runId: number; onClose: () => void }) {
  const { t } = useTranslation('training');
  const [q, setQ] = useState('');
  const cases = useCaseSearch(q.trim());
  const enrol = useEnrol(runId);
  return (
    <Modal opened onClose={onClose} title={t('enrolments.enrol')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('enrolments.search')} placeholder="TNT-6503-…" value={q} onChange={(e) => setQ(e.currentTarget.value)} data-autofocus />
        {cases.data?.items.length === 0 && <Text c="dimmed">{t('enrolments.noCases')}</Text>}
        {cases.data?.items.map((c) => (
          <Group key={c.id} justify="space-between">
            <Text size="sm">
              {c.caseCode} · {c.programmeName}
            </Text>
            <Button size="xs" loading={enrol.isPending && enrol.variables === c.id} onClick={() => enrol.mutate(c.id, { onSuccess: onClose })}>
              {t('enrolments.enrolThis')}
            </Button>
          </Group>
        ))}
        <FormError error={enrol.error ?? cases.error} />
      </Stack>
    </Modal>
  );
}

function WithdrawModal({ enrolment, onClose }: { enrolment: Enrolment; onClose: () => void }) {
  const { t } = useTranslation('training');
  const withdraw = useWithdraw();
  const [reason, setReason] = useState('');
  const errors = fieldErrors(withdraw.error);
  return (
    <Modal opened onClose={onClose} title={t('enrolments.withdrawTitle', { code: enrolment.caseCode })}>
      <Stack gap="sm">
        <Textarea label={t('enrolments.reason')} required minRows={2} autosize value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        <FormError error={withdraw.error} shownFields={Object.keys(errors)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate({ id: enrolment.id, reason }, { onSuccess: onClose })}>
            {t('enrolments.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
