// An office's referrals (/rujukan): every referral of the cases within reach (case
// workers: their own cases), filtered by status, service and awaiting a response.
import { Checkbox, Group, Pagination, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SERVICES, REFERRAL_STATUSES, type ReferralListQuery } from '../../../common/referrals.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useReferrals } from './case-services.api.ts';
import { ReferralCard } from './ReferralCard.tsx';

const PAGE = 20;

export function ReferralsListPage() {
  const { t } = useTranslation('caseServices');
  usePageTitle(t('referrals.listTitle'));
  const [status, setStatus] = useState<string | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [awaiting, setAwaiting] = useState(false);
  const [page, setPage] = useState(1);
  const filter: Partial<ReferralListQuery> = {
    ...(status ? { status: status as ReferralListQuery['status'] } : {}),
    ...(service ? { service: service as ReferralListQuery['service'] } : {}),
    ...(awaiting ? { awaitingResponse: true } : {}),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useReferrals(filter);
  const reset = () => setPage(1);
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('referrals.listTitle')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('referrals.filters.status')}
          placeholder={t('referrals.filters.all')}
          data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referrals.status.${s}`) }))}
          value={status}
          onChange={(v) => (setStatus(v), reset())}
          clearable
        />
        <Select
          label={t('referrals.filters.service')}
          placeholder={t('referrals.filters.all')}
          data={REFERRAL_SERVICES.map((s) => ({ value: s, label: t(`referrals.services.${s}`) }))}
          value={service}
          onChange={(v) => (setService(v), reset())}
          clearable
        />
        <Checkbox label={t('referrals.filters.awaiting')} checked={awaiting} onChange={(e) => (setAwaiting(e.currentTarget.checked), reset())} mb={8} />
      </Group>
      {list.error ? (
        <ErrorState title={t('page.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('referrals.total', { count: list.data.total })}
          </Text>
          {list.data.items.length === 0 && <Text c="dimmed">{t('referrals.empty')}</Text>}
          {list.data.items.map((r) => (
            <ReferralCard key={r.id} referral={r} showCase />
          ))}
          {list.data.total > PAGE && <Pagination total={Math.ceil(list.data.total / PAGE)} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
