// /verval/lokasi/:siteId: a site's list versions, one version's persons, and who was
// added or dropped (with the reasons) compared with an older version.
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateMedium, formatNumber } from '../../../common/format.ts';
import type { ListChange, PersonListSummary } from '../../../common/verval.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useListDiff, usePersonList, useSiteLists } from './verval.api.ts';

export function SiteListsPage() {
  const { t } = useTranslation('verval');
  const language = useDisplayLanguage();
  const siteId = Number(useParams().siteId);
  const valid = Number.isInteger(siteId) && siteId > 0;
  const lists = useSiteLists(valid ? siteId : 0);
  const [params, setParams] = useSearchParams();
  usePageTitle(lists.data ? t('lists.title', { site: lists.data.site.name }) : t('home.title'));

  if (!valid) return <NotFoundPage />;
  if (lists.error) return <ErrorState title={t('lists.loadFailed')} error={lists.error} onRetry={() => void lists.refetch()} />;
  if (!lists.data) return <PageLoader />;
  const { site, items, actions } = lists.data;
  const selectedId = Number(params.get('v')) || items[0]?.id || null;
  const selected = items.find((l) => l.id === selectedId) ?? null;
  const select = (id: number) => setParams({ v: String(id) }, { replace: true });

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('lists.breadcrumbs')}>
        <Anchor component={Link} to="/verval" size="sm">
          {t('home.title')}
        </Anchor>
        <Anchor component={Link} to={`/lokasi/${site.id}`} size="sm">
          {site.name}
        </Anchor>
        <Text size="sm">{t('lists.short')}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('lists.title', { site: site.name })}</Title>
          <Text c="dimmed">{t('lists.help')}</Text>
        </div>
        {actions.includes('create_version') && (
          <Button component={Link} to={`/verval/lokasi/${site.id}/baru`} leftSection={<IconPlus size={16} aria-hidden />}>
            {items.length === 0 ? t('lists.createFirst') : t('lists.createVersion')}
          </Button>
        )}
      </Group>

      {items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{t('lists.empty')}</Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={760} type="native">
              <Table verticalSpacing="xs" highlightOnHover>
                <Table.Caption>{t('lists.versionsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('lists.version')}</Table.Th>
                    <Table.Th scope="col">{t('lists.source')}</Table.Th>
                    <Table.Th scope="col">{t('lists.listDate')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('lists.entries')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('lists.added')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('lists.dropped')}
                    </Table.Th>
                    <Table.Th scope="col">{t('lists.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((l) => (
                    <Table.Tr key={l.id} bg={l.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined}>
                      <Table.Th scope="row">
                        <Anchor component="button" type="button" onClick={() => select(l.id)} aria-current={l.id === selectedId ? 'true' : undefined}>
                          v{l.version}
                        </Anchor>
                      </Table.Th>
                      <Table.Td fz="sm">{t(`sources.${l.source}`)}</Table.Td>
                      <Table.Td fz="sm">{formatDateMedium(l.listDate, language)}</Table.Td>
                      <Table.Td fz="sm" ta="right">
                        {formatNumber(l.entryCount)}
                      </Table.Td>
                      <Table.Td fz="sm" ta="right" c={l.addedCount > 0 ? 'teal' : 'dimmed'}>
                        {l.version === 1 ? '—' : `+${formatNumber(l.addedCount)}`}
                      </Table.Td>
                      <Table.Td fz="sm" ta="right" c={l.droppedCount > 0 ? 'red' : 'dimmed'}>
                        {l.version === 1 ? '—' : `−${formatNumber(l.droppedCount)}`}
                      </Table.Td>
                      <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {l.note || '—'}
                        {l.createdBy && (
                          <Text size="xs" c="dimmed">
                            {t('lists.createdBy', { name: l.createdBy })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {selected && <VersionView key={selected.id} list={selected} older={items.filter((l) => l.version < selected.version)} />}
        </>
      )}
    </Stack>
  );
}

function VersionView({ list, older }: { list: PersonListSummary; older: PersonListSummary[] }) {
  const { t } = useTranslation('verval');
  const [params, setParams] = useSearchParams();
  const from = Number(params.get('from')) || null;
  const detail = usePersonList(list.id);
  const diff = useListDiff(older.length > 0 ? list.id : null, from);
  const setFrom = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('from', value);
    else next.delete('from');
    setParams(next, { replace: true });
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder p="md" component="section" aria-labelledby="list-changes">
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="list-changes">
            {t('lists.changesTitle', { version: list.version })}
          </Title>
          {older.length > 1 && (
            <Select
              label={t('lists.compareWith')}
              size="xs"
              data={older.map((l) => ({ value: String(l.id), label: `v${l.version} — ${t(`sources.${l.source}`)}` }))}
              value={from ? String(from) : String(older[0]!.id)}
              onChange={setFrom}
              allowDeselect={false}
              w={240}
            />
          )}
        </Group>
        {older.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lists.firstVersion')}
          </Text>
        ) : diff.error ? (
          <ErrorState title={t('lists.loadFailed')} error={diff.error} />
        ) : !diff.data ? (
          <PageLoader />
        ) : (
          <Stack gap="sm">
            <Text size="sm">
              {t('lists.diffSummary', { added: diff.data.added.length, dropped: diff.data.dropped.length, unchanged: diff.data.unchanged, from: diff.data.from?.version ?? 0 })}
            </Text>
            <ChangeTable title={t('lists.addedTitle')} changes={diff.data.added} color="teal" />
            <ChangeTable title={t('lists.droppedTitle')} changes={diff.data.dropped} color="red" />
            {diff.data.hiddenCount > 0 && (
              <Text size="xs" c="dimmed">
                {t('lists.hidden', { count: diff.data.hiddenCount })}
              </Text>
            )}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="list-entries">
        <Title order={2} size="h3" id="list-entries" mb="sm">
          {t('lists.entriesTitle', { version: list.version, count: list.entryCount })}
        </Title>
        {detail.error ? (
          <ErrorState title={t('lists.loadFailed')} error={detail.error} />
        ) : !detail.data ? (
          <PageLoader />
        ) : (
          <Stack gap="xs">
            <Table.ScrollContainer minWidth={360} type="native" mah={520}>
              <Table verticalSpacing={4} stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('person.caseCode')}</Table.Th>
                    <Table.Th scope="col">{t('person.alias')}</Table.Th>
                    <Table.Th scope="col">{t('person.sex')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {detail.data.entries.map((e) => (
                    <Table.Tr key={e.personId}>
                      <Table.Td fz="sm" ff="monospace">
                        <Anchor component={Link} to={`/registri/${e.personId}`} inherit>
                          {e.caseCode}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm">{e.alias ?? '—'}</Table.Td>
                      <Table.Td fz="sm">{t(`person.sexes.${e.sex}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {detail.data.hiddenCount > 0 && (
              <Text size="xs" c="dimmed">
                {t('lists.hidden', { count: detail.data.hiddenCount })}
              </Text>
            )}
          </Stack>
        )}
      </Paper>
    </SimpleGrid>
  );
}

function ChangeTable({ title, changes, color }: { title: string; changes: ListChange[]; color: string }) {
  const { t } = useTranslation('verval');
  if (changes.length === 0) return null;
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.caseCode')}</Table.Th>
            <Table.Th scope="col">{t('person.alias')}</Table.Th>
            <Table.Th scope="col">{t('lists.reason')}</Table.Th>
            <Table.Th scope="col">{t('lists.inVersion')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.personId}>
              <Table.Td fz="sm" ff="monospace">
                <Badge color={color} variant="light" radius="sm" mr={6} aria-hidden>
                  {c.change === 'added' ? '+' : '−'}
                </Badge>
                {c.caseCode}
              </Table.Td>
              <Table.Td fz="sm">{c.alias ?? '—'}</Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.reason || '—'}
              </Table.Td>
              <Table.Td fz="sm">v{c.version}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
