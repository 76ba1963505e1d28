// /pembayaran: payment batches in one's region (newest first) and, for finance officers,
// preparing a new one: choose a scheme (and component, region), see what it would take and
// who has no bank account yet, then prepare.
import { Alert, Anchor, Badge, Button, Group, List, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateMedium, formatNumber, formatRupiah } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { can, useSession } from '../auth/session.ts';
import { useSchemes } from '../aid/aid.api.ts';
import { useBatches, useCandidates, usePrepare } from './payments.api.ts';

const PAGE = 50;
const STATUS_COLOR: Record<string, string> = { prepared: 'gray', approved: 'blue', sent: 'yellow', closed: 'green', rejected: 'red' };

export function PaymentBatchesPage() {
  const { t } = useTranslation('payments');
  const language = useDisplayLanguage();
  usePageTitle(t('list.title'));
  const [offset, setOffset] = useState(0);
  const list = useBatches({ limit: PAGE, offset });
  const session = useSession();

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('list.title')}</Title>
        <Text c="dimmed">{t('list.help')}</Text>
      </div>
      {can(session, 'payment.prepare') && <PrepareSection />}
      {list.error ? (
        <ErrorState title={t('list.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('list.empty')}</Text>
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.reference')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <Table.Th ta="right">{t('list.payments')}</Table.Th>
                <Table.Th ta="right">{t('list.total')}</Table.Th>
                <Table.Th>{t('list.preparedAt')}</Table.Th>
                <Table.Th ta="right">{t('list.mismatches')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/pembayaran/${b.id}`}>
                      {b.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[b.status]}>{t(`batchStatuses.${b.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(b.paymentCount)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(b.totalAmount)}</Table.Td>
                  <Table.Td>{formatDateMedium(new Date(b.preparedAt), language)}</Table.Td>
                  <Table.Td ta="right">{b.openMismatches > 0 ? <Badge color="orange">{b.openMismatches}</Badge> : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.total > PAGE && <Pagination total={Math.ceil(list.data.total / PAGE)} value={offset / PAGE + 1} onChange={(p) => setOffset((p - 1) * PAGE)} />}
        </>
      )}
    </Stack>
  );
}

function PrepareSection() {
  const { t } = useTranslation('payments');
  const navigate = useNavigate();
  const schemes = useSchemes();
  const [schemeId, setSchemeId] = useState<number | null>(null);
  const [componentId, setComponentId] = useState<number | null>(null);
  const [region, setRegion] = useState('');
  const scheme = schemes.data?.items.find((s) => s.id === schemeId) ?? null;
  const query = scheme
    ? { programmeId: scheme.programmeId, schemeId: scheme.id, ...(componentId ? { componentId } : {}), ...(/^\d{2}(\.\d{2})?$/.test(region) ? { region } : {}) }
    : null;
  const candidates = useCandidates(query);
  const prepare = usePrepare();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="prepare-title">
      <Title order={2} size="h3" id="prepare-title" mb="sm">
        {t('prepare.title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('prepare.scheme')}
          data={(schemes.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.name} · ${s.year}` }))}
          value={schemeId ? String(schemeId) : null}
          onChange={(v) => {
            setSchemeId(v ? Number(v) : null);
            setComponentId(null);
          }}
        />
        <Select
          label={t('prepare.component')}
          clearable
          disabled={!scheme}
          data={(scheme?.components ?? []).map((c) => ({ value: String(c.id), label: `${c.code} · ${formatRupiah(c.amount)}` }))}
          value={componentId ? String(componentId) : null}
          onChange={(v) => setComponentId(v ? Number(v) : null)}
        />
        <TextInput label={t('prepare.region')} value={region} onChange={(e) => setRegion(e.currentTarget.value.trim())} w={200} />
      </Group>
      {candidates.error && <FormError error={candidates.error} />}
      {candidates.data && (
        <Stack gap="xs" mt="sm">
          <Text fw={600}>{t('prepare.preview', { count: candidates.data.count, total: formatRupiah(candidates.data.totalAmount) })}</Text>
          {candidates.data.heldForReview > 0 && <Text size="sm">{t('prepare.held', { count: candidates.data.heldForReview })}</Text>}
          {candidates.data.withoutAccount.length > 0 && (
            <Alert color="yellow" title={t('prepare.withoutAccount', { count: candidates.data.withoutAccount.length })}>
              <List size="sm">
                {candidates.data.withoutAccount.slice(0, 50).map((w) => (
                  <List.Item key={w.entitlementId}>
                    <Anchor component={Link} to={`/registri/${w.personId}`}>
                      {w.caseCode}
                    </Anchor>{' '}
                    · {w.componentCode} · {formatRupiah(w.amount)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
      <FormError error={prepare.error} />
      <Group justify="flex-end" mt="sm">
        <Button
          disabled={!query || !candidates.data || candidates.data.count === 0}
          loading={prepare.isPending}
          onClick={() => query && prepare.mutate(query, { onSuccess: (r) => void navigate(`/pembayaran/${r.batch.id}`) })}
        >
          {t('prepare.submit')}
        </Button>
      </Group>
    </Paper>
  );
}
