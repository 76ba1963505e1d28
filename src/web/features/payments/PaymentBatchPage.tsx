// /pembayaran/:id: one batch — its facts, the actions the server allows (approve or reject
// with re-authentication, bank file, sent, reconciliation), payments with receipts, and the
// mismatches of the bank's result with their resolution. Persons appear by case code.
import { Alert, Badge, Button, FileInput, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateMedium, formatNumber, formatRupiah } from '../../../common/format.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Fact } from '../../components/Fact.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { TextPromptModal } from '../aid/TextPromptModal.tsx';
import { downloadBankFile, downloadReceipt, useApprove, useBatch, useReconcile, useReject, useResolve, useSend, type BatchDetail } from './payments.api.ts';

type Dialog = { kind: 'approve' } | { kind: 'reject' } | { kind: 'send' } | { kind: 'resolve'; id: number } | { kind: 'receipt'; paymentId: number } | null;

export function PaymentBatchPage() {
  const { t } = useTranslation('payments');
  const id = Number(useParams().id);
  const batch = useBatch(id);
  usePageTitle(batch.data ? t('batch.title', { reference: batch.data.reference }) : t('list.title'));
  if (batch.error) return <ErrorState title={t('list.loadFailed')} error={batch.error} onRetry={() => void batch.refetch()} />;
  if (!batch.data) return <PageLoader />;
  return <BatchView b={batch.data} />;
}

function BatchView({ b }: { b: BatchDetail }) {
  const { t } = useTranslation('payments');
  const language = useDisplayLanguage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [file, setFile] = useState<File | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const approve = useApprove();
  const reject = useReject();
  const send = useSend();
  const reconcile = useReconcile();
  const resolve = useResolve();
  const close = () => setDialog(null);
  const has = (a: BatchDetail['actions'][number]) => b.actions.includes(a);
  const download = (fn: () => Promise<void>) => fn().then(() => setDownloadError(null), setDownloadError);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('batch.title', { reference: b.reference })}</Title>
        <Badge size="lg">{t(`batchStatuses.${b.status}`)}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl">
        <Fact label={t('list.total')}>{formatRupiah(b.totalAmount)}</Fact>
        <Fact label={t('list.payments')}>{formatNumber(b.paymentCount)}</Fact>
        <Fact label={t('batch.year')}>{String(b.year)}</Fact>
        <Fact label={t('batch.region')}>{b.regionCode ?? '—'}</Fact>
        <Fact label={t('batch.preparedBy')}>{`${b.preparedBy?.name ?? '—'} · ${formatDateMedium(new Date(b.preparedAt), language)}`}</Fact>
        <Fact label={t('batch.approvedBy')}>{b.approvedBy ? `${b.approvedBy.name} · ${b.approvedAt ? formatDateMedium(new Date(b.approvedAt), language) : ''}` : '—'}</Fact>
      </SimpleGrid>
      {b.rejectedReason && <Alert color="red" title={t('batch.rejectedReason')}>{b.rejectedReason}</Alert>}
      <Group>
        {has('approve') && <Button onClick={() => setDialog({ kind: 'approve' })}>{t('batch.approve')}</Button>}
        {has('reject') && (
          <Button color="red" variant="light" onClick={() => setDialog({ kind: 'reject' })}>
            {t('batch.reject')}
          </Button>
        )}
        {has('download_bank_file') &&
          [...new Set(b.payments.map((p) => p.bankCode))].sort().map((bank) => (
            <Button key={bank} variant="light" onClick={() => void download(() => downloadBankFile(b.id, bank))}>
              {t('batch.bankFile')} · {bank}
            </Button>
          ))}
        {has('send') && (
          <Button variant="light" onClick={() => setDialog({ kind: 'send' })}>
            {t('batch.send')}
          </Button>
        )}
      </Group>
      <FormError error={downloadError} />

      {has('reconcile') && (
        <Paper withBorder p="md" component="section" aria-labelledby="reconcile-title">
          <Title order={2} size="h3" id="reconcile-title">
            {t('batch.reconcile')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('batch.reconcileHelp')}
          </Text>
          <Group align="flex-end">
            <FileInput label={t('batch.reconcileFile')} accept=".csv,text/csv" value={file} onChange={setFile} w={320} />
            <Button disabled={!file} loading={reconcile.isPending} onClick={() => file && reconcile.mutate({ id: b.id, file }, { onSuccess: () => setFile(null) })}>
              {t('batch.reconcileSubmit')}
            </Button>
          </Group>
          <FormError error={reconcile.error} />
          {reconcile.data && <Alert mt="sm">{t('batch.reconciled', { paid: reconcile.data.paid, failed: reconcile.data.failed, returned: reconcile.data.returned, mismatches: reconcile.data.mismatches.length })}</Alert>}
        </Paper>
      )}

      {b.mismatches.length > 0 && (
        <section aria-labelledby="mismatch-title">
          <Title order={2} size="h3" id="mismatch-title">
            {t('batch.mismatches')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('batch.row')}</Table.Th>
                <Table.Th>{t('batch.kind')}</Table.Th>
                <Table.Th>{t('list.reference')}</Table.Th>
                <Table.Th ta="right">{t('batch.expected')}</Table.Th>
                <Table.Th ta="right">{t('batch.reported')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.mismatches.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.rowNumber}</Table.Td>
                  <Table.Td>{t(`mismatchKinds.${m.kind}`)}</Table.Td>
                  <Table.Td>{m.reference}</Table.Td>
                  <Table.Td ta="right">{m.expectedAmount === null ? '—' : formatRupiah(m.expectedAmount)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(m.reportedAmount)}</Table.Td>
                  <Table.Td>
                    {m.actions.includes('resolve') ? (
                      <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'resolve', id: m.id })}>
                        {t('batch.resolve')}
                      </Button>
                    ) : (
                      m.resolution && <Text size="sm">{t('batch.resolved', { resolution: m.resolution })}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}

      <section aria-labelledby="payments-title">
        <Title order={2} size="h3" id="payments-title">
          {t('batch.payments')}
        </Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.reference')}</Table.Th>
              <Table.Th>{t('batch.caseCode')}</Table.Th>
              <Table.Th>{t('batch.component')}</Table.Th>
              <Table.Th>{t('batch.bank')}</Table.Th>
              <Table.Th ta="right">{t('batch.amount')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.payments.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.reference}</Table.Td>
                <Table.Td>{p.caseCode}</Table.Td>
                <Table.Td>{p.componentCode}</Table.Td>
                <Table.Td>{p.bankCode}</Table.Td>
                <Table.Td ta="right">{formatRupiah(p.amount)}</Table.Td>
                <Table.Td>{t(`paymentStatuses.${p.status}`)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {p.actions.includes('receipt') && (
                      <Button size="xs" variant="subtle" onClick={() => void download(() => downloadReceipt(p.id))}>
                        {t('batch.receipt')}
                      </Button>
                    )}
                    {p.actions.includes('receipt_with_identity') && (
                      <Button size="xs" variant="subtle" onClick={() => setDialog({ kind: 'receipt', paymentId: p.id })}>
                        {t('batch.receiptWithIdentity')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <ConfirmDialog
        opened={dialog?.kind === 'approve'}
        title={t('batch.approve')}
        message={t('batch.approveConfirm', { count: b.paymentCount, total: formatRupiah(b.totalAmount) })}
        confirmLabel={t('batch.approve')}
        loading={approve.isPending}
        error={approve.error}
        onConfirm={() => approve.mutate({ id: b.id, version: b.version }, { onSuccess: close })}
        onClose={close}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'send'}
        title={t('batch.send')}
        message={t('batch.sendConfirm')}
        confirmLabel={t('batch.send')}
        loading={send.isPending}
        error={send.error}
        onConfirm={() => send.mutate({ id: b.id, version: b.version }, { onSuccess: close })}
        onClose={close}
      />
      {dialog?.kind === 'reject' && (
        <TextPromptModal
          title={t('batch.rejectTitle')}
          label={t('batch.rejectReason')}
          loading={reject.isPending}
          error={reject.error}
          onSubmit={(reason) => reject.mutate({ id: b.id, version: b.version, reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog?.kind === 'resolve' && (
        <TextPromptModal
          title={t('batch.resolveTitle')}
          label={t('batch.resolution')}
          loading={resolve.isPending}
          error={resolve.error}
          onSubmit={(resolution) => resolve.mutate({ id: dialog.id, resolution }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog?.kind === 'receipt' && (
        <TextPromptModal
          title={t('batch.receiptWithIdentity')}
          label={t('batch.receiptReason')}
          loading={false}
          error={downloadError}
          onSubmit={(reason) => void download(() => downloadReceipt(dialog.paymentId, reason)).then(close)}
          onClose={close}
        />
      )}
    </Stack>
  );
}
