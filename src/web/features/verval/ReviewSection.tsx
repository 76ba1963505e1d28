// The review table of a programme's verification: listed persons (pseudonymous) with
// their rule results, proposal and decision; filters and pages in the address bar.
import { Alert, Anchor, Badge, Button, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlayerPlay, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../../common/format.ts';
import { VERIFICATION_STATES } from '../../../common/verval.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { can, useSession } from '../auth/session.ts';
import { useSiteList } from '../sites/sites.api.ts';
import { VerificationModal } from './VerificationModal.tsx';
import { useBulkEvaluate, useVerifications, type VerificationState } from './verval.api.ts';
import { DecisionBadge, ProposedBadge, RuleResults } from './verval-parts.tsx';

const PAGE_SIZE = 25;

export function ReviewSection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation('verval');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const siteId = Number(params.get('siteId')) || undefined;
  const state = (params.get('state') as VerificationState | null) ?? undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [searchText, setSearchText] = useState(q);
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  const [open, setOpen] = useState<number | null>(null);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: key !== 'page' });
  };
  useEffect(() => {
    if (debounced !== q) setParam('q', debounced || null);
  }, [debounced]);

  const sites = useSiteList({ sort: 'code', limit: 100, offset: 0 });
  const list = useVerifications(programmeId, { siteId, state, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const bulk = useBulkEvaluate(programmeId);
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('review.site')}
          placeholder={t('review.allSites')}
          data={(sites.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
          value={siteId ? String(siteId) : null}
          onChange={(v) => setParam('siteId', v)}
          clearable
          searchable
          w={{ base: '100%', xs: 300 }}
        />
        <Select
          label={t('review.state')}
          placeholder={t('review.allStates')}
          data={VERIFICATION_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
          value={state ?? null}
          onChange={(v) => setParam('state', v)}
          clearable
          w={{ base: '100%', xs: 220 }}
        />
        <TextInput
          label={t('review.search')}
          placeholder={t('review.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={searchText}
          onChange={(e) => setSearchText(e.currentTarget.value)}
          w={{ base: '100%', xs: 220 }}
        />
        {siteId && can(session, 'verval.manage') && (
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={bulk.isPending} onClick={() => bulk.mutate({ siteId })}>
            {t('review.evaluateSite')}
          </Button>
        )}
      </Group>
      <FormError error={bulk.error} />
      {bulk.data && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => bulk.reset()}>
          {t('review.evaluated', {
            evaluated: formatNumber(bulk.data.evaluated),
            eligible: formatNumber(bulk.data.eligible),
            notEligible: formatNumber(bulk.data.notEligible),
            pending: formatNumber(bulk.data.pending),
          })}
          {bulk.data.decisionsCleared > 0 && ` ${t('review.decisionsCleared', { count: bulk.data.decisionsCleared })}`}
        </Alert>
      )}

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('review.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('review.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{t('review.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Caption>{t('review.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('person.caseCode')}</Table.Th>
                  <Table.Th scope="col">{t('person.alias')}</Table.Th>
                  <Table.Th scope="col">{t('review.siteCode')}</Table.Th>
                  <Table.Th scope="col">{t('review.ektp')}</Table.Th>
                  <Table.Th scope="col">{t('review.rules')}</Table.Th>
                  <Table.Th scope="col">{t('review.proposed')}</Table.Th>
                  <Table.Th scope="col">{t('review.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((v) => (
                  <Table.Tr key={v.personId}>
                    <Table.Th scope="row">
                      <Anchor component="button" type="button" ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }} onClick={() => setOpen(v.personId)}>
                        {v.caseCode}
                      </Anchor>
                    </Table.Th>
                    <Table.Td fz="sm">{v.alias ?? '—'}</Table.Td>
                    <Table.Td fz="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {v.siteCode ?? '—'}
                    </Table.Td>
                    <Table.Td>
                      {v.ektpSeen === null ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Badge variant="light" color={v.ektpSeen ? 'teal' : 'red'} radius="sm">
                          {v.ektpSeen ? t('ektp.seen') : t('ektp.notSeen')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RuleResults results={v.results} />
                    </Table.Td>
                    <Table.Td>
                      <ProposedBadge proposed={v.proposed} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="space-between">
                        <DecisionBadge decision={v.decision} overridden={v.overridden} />
                        {v.actions.length > 0 && (
                          <Button size="compact-xs" variant="light" onClick={() => setOpen(v.personId)} aria-label={t('review.openFor', { code: v.caseCode })}>
                            {t('review.open')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {pageCount > 1 && (
        <Group justify="center">
          <Pagination total={pageCount} value={page} onChange={(p) => setParam('page', String(p))} getControlProps={(control) => ({ 'aria-label': t(`review.pagination.${control}`) })} />
        </Group>
      )}
      <VerificationModal programmeId={programmeId} personId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
