// /audit: the audit log, newest first, filtered by the address bar's query string.
import { Badge, Button, Checkbox, Collapse, Group, Pagination, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconFilter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEventView } from '../../../common/audit.ts';
import { formatDateTime, formatNumber } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { AUDIT_FILTER_KEYS, useAuditExport, useAuditList, type AuditFilterParams } from './audit.api.ts';
import { AuditDetail } from './AuditDetail.tsx';
import { AuditIntegrity } from './AuditIntegrity.tsx';

const PAGE_SIZE = 50;
type FilterKey = (typeof AUDIT_FILTER_KEYS)[number];
type TextFilterKey = Exclude<FilterKey, 'breakGlass' | 'from' | 'to'>;
const TEXT_FILTERS: readonly TextFilterKey[] = ['actor', 'action', 'entityType', 'entityId', 'regionCode'];

function readFilter(params: URLSearchParams): AuditFilterParams {
  const filter: AuditFilterParams = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === 'breakGlass') {
      if (value === 'true') filter.breakGlass = 'true';
    } else if ((key === 'from' || key === 'to') && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      continue;
    } else {
      filter[key] = value;
    }
  }
  return filter;
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  const language = useDisplayLanguage();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useAuditList({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const exporter = useAuditExport();
  const [selected, setSelected] = useState<AuditEventView | null>(null);
  const activeCount = Object.keys(filter).length;
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(activeCount > 0);
  usePageTitle(t('title'));
  const pageCount = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 0;

  const apply = (next: AuditFilterParams) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search);
  };
  const goToPage = (next: number) => {
    const search = new URLSearchParams(params);
    search.set('page', String(next));
    setParams(search);
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <AuditIntegrity />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Button variant="default" leftSection={<IconFilter size={16} aria-hidden />} onClick={toggleFilters} aria-expanded={filtersOpen} aria-controls="audit-filters">
          {activeCount > 0 ? t('filters.toggleActive', { count: activeCount }) : t('filters.toggle')}
        </Button>
        {can(session, 'audit.export') && (
          <Group gap="xs">
            {(['csv', 'json'] as const).map((format) => (
              <Button
                key={format}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={exporter.isPending && exporter.variables?.format === format}
                onClick={() => exporter.mutate({ format, filter })}
              >
                {t(`export.${format}`)}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      <FormError error={exporter.error} />
      <Collapse expanded={filtersOpen} id="audit-filters">
        <AuditFilters key={params.toString()} initial={filter} onApply={apply} />
      </Collapse>

      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
        </Text>
      )}
      {list.error ? (
        <ErrorState title={t('loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{activeCount > 0 ? t('emptyFiltered') : t('empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={820} type="native">
            <Table verticalSpacing="xs" highlightOnHover aria-label={t('title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={70}>
                    {t('fields.seq')}
                  </Table.Th>
                  <Table.Th scope="col" w={170}>
                    {t('fields.at')}
                  </Table.Th>
                  <Table.Th scope="col">{t('fields.actor')}</Table.Th>
                  <Table.Th scope="col">{t('fields.action')}</Table.Th>
                  <Table.Th scope="col">{t('fields.entity')}</Table.Th>
                  <Table.Th scope="col">{t('fields.regionCode')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((event) => (
                  <Table.Tr
                    key={event.seq}
                    onClick={() => setSelected(event)}
                    style={{ cursor: 'pointer' }}
                    bg={event.breakGlass ? 'red.0' : undefined}
                  >
                    <Table.Td ff="monospace" fz="sm">
                      <UnstyledButton
                        fz="sm"
                        ff="monospace"
                        td="underline"
                        c="teal.9"
                        aria-label={t('detail.open', { seq: event.seq })}
                        onClick={(e) => {
                          e.stopPropagation();
                          setSelected(event);
                        }}
                      >
                        {event.seq}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td fz="sm">{formatDateTime(event.at, language)}</Table.Td>
                    <Table.Td fz="sm">{event.actor.username}</Table.Td>
                    <Table.Td fz="sm">
                      <Group gap={6} wrap="nowrap">
                        {event.breakGlass && (
                          <Badge color="red" radius="sm" size="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                            {t('breakGlass.badge')}
                          </Badge>
                        )}
                        <Text span ff="monospace" fz="sm">
                          {event.action}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">
                      {event.entityType}
                      {event.entityId && <Text span c="dimmed" fz="sm">{` #${event.entityId}`}</Text>}
                    </Table.Td>
                    <Table.Td fz="sm" ff="monospace">
                      {event.regionCode ?? '–'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={page}
          onChange={goToPage}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
        />
      )}
      <AuditDetail event={selected} onClose={() => setSelected(null)} />
    </Stack>
  );
}

function AuditFilters({ initial, onApply }: { initial: AuditFilterParams; onApply: (filter: AuditFilterParams) => void }) {
  const { t } = useTranslation('audit');
  const [values, setValues] = useState<AuditFilterParams>(initial);
  const set = (key: Exclude<FilterKey, 'breakGlass'>, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const invalidRange = Boolean(values.from && values.to && values.from > values.to);

  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalidRange) onApply(values);
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {TEXT_FILTERS.map((key) => (
              <TextInput
                key={key}
                label={t(`filters.${key}`)}
                placeholder={t(`filters.${key}Placeholder`)}
                value={values[key] ?? ''}
                onChange={(event) => set(key, event.currentTarget.value)}
              />
            ))}
            <TextInput type="date" label={t('filters.from')} value={values.from ?? ''} onChange={(event) => set('from', event.currentTarget.value)} />
            <TextInput
              type="date"
              label={t('filters.to')}
              value={values.to ?? ''}
              onChange={(event) => set('to', event.currentTarget.value)}
              error={invalidRange ? t('filters.invalidRange') : undefined}
            />
          </SimpleGrid>
          <Checkbox
            label={t('filters.breakGlassOnly')}
            checked={values.breakGlass === 'true'}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setValues((current) => {
                const { breakGlass: _ignored, ...rest } = current;
                return checked ? { ...rest, breakGlass: 'true' } : rest;
              });
            }}
          />
          <Group gap="sm">
            <Button type="submit">{t('filters.apply')}</Button>
            <Button variant="default" onClick={() => onApply({})}>
              {t('filters.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
