// /bantuan/hak: entitlements within one's scope (filters, pages, total); release one held
// for review or cancel one with a reason. Persons appear by case code.
import { Anchor, Badge, Button, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTITLEMENT_STATUSES, type Entitlement, type EntitlementStatus } from '../../../common/aid.ts';
import { formatNumber, formatRupiah } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useEntitlementAction, useEntitlements, useSchemes, type EntitlementFilter } from './aid.api.ts';
import { TextPromptModal } from './TextPromptModal.tsx';

const PAGE = 50;

export function EntitlementsPage() {
  const { t } = useTranslation('aid');
  usePageTitle(t('entitlements.title'));
  const schemes = useSchemes();
  const [filter, setFilter] = useState<EntitlementFilter>({ limit: PAGE, offset: 0 });
  const list = useEntitlements(filter);
  const action = useEntitlementAction();
  const [pending, setPending] = useState<{ e: Entitlement; action: 'clear_review' | 'cancel' } | null>(null);
  const set = (patch: Partial<EntitlementFilter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('entitlements.title')}</Title>
        <Text c="dimmed">{t('entitlements.help')}</Text>
      </div>
      <Group>
        <Select
          label={t('entitlements.scheme')}
          clearable
          data={(schemes.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.name} · ${s.year}` }))}
          value={filter.schemeId ? String(filter.schemeId) : null}
          onChange={(v) => set({ schemeId: v ? Number(v) : undefined })}
        />
        <Select
          label={t('entitlements.status')}
          clearable
          data={ENTITLEMENT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={filter.status ?? null}
          onChange={(v) => set({ status: (v as EntitlementStatus | null) ?? undefined })}
        />
        <Select
          label={t('entitlements.review')}
          clearable
          data={[
            { value: 'required', label: t('entitlements.reviewRequired') },
            { value: 'clear', label: t('entitlements.reviewClear') },
          ]}
          value={filter.review ?? null}
          onChange={(v) => set({ review: (v as 'required' | 'clear' | null) ?? undefined })}
        />
      </Group>
      {list.error ? (
        <ErrorState title={t('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : (
        <>
          <Text size="sm">{t('entitlements.total', { count: list.data.total, n: formatNumber(list.data.total), amount: formatRupiah(list.data.totalAmount) })}</Text>
          <Table.ScrollContainer minWidth={800}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('entitlements.caseCode')}</Table.Th>
                  <Table.Th>{t('entitlements.regency')}</Table.Th>
                  <Table.Th>{t('components.name')}</Table.Th>
                  <Table.Th ta="right">{t('components.amount')}</Table.Th>
                  <Table.Th>{t('entitlements.status')}</Table.Th>
                  <Table.Th>{t('entitlements.account')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/registri/${e.personId}`}>
                        {e.caseCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{e.regencyName ?? e.regencyCode}</Table.Td>
                    <Table.Td>
                      {e.componentName} <Text span c="dimmed" size="xs">({e.schemeName} · {e.year})</Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatRupiah(e.amount)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light">{t(`statuses.${e.status}`)}</Badge>
                        {e.reviewRequired && <Badge color="orange">{t(`reviewReasons.${e.reviewReason ?? 'no_nik'}`)}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>{e.hasBankAccount ? t('entitlements.hasAccount') : <Text c="red" size="sm">{t('entitlements.noAccount')}</Text>}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {e.actions.map((a) => (
                          <Button key={a} size="compact-xs" variant={a === 'cancel' ? 'subtle' : 'light'} color={a === 'cancel' ? 'red' : undefined} onClick={() => setPending({ e, action: a })}>
                            {t(`entitlements.actions.${a}`)}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.total > PAGE && (
            <Pagination total={Math.ceil(list.data.total / PAGE)} value={filter.offset / PAGE + 1} onChange={(p) => setFilter((f) => ({ ...f, offset: (p - 1) * PAGE }))} />
          )}
        </>
      )}
      {pending && (
        <TextPromptModal
          title={t(`entitlements.actions.${pending.action}`)}
          label={pending.action === 'cancel' ? t('common.reason') : t('common.note')}
          loading={action.isPending}
          error={action.error}
          onClose={() => {
            action.reset();
            setPending(null);
          }}
          onSubmit={(text) => action.mutate({ id: pending.e.id, action: pending.action, text, version: pending.e.version }, { onSuccess: () => setPending(null) })}
        />
      )}
    </Stack>
  );
}
