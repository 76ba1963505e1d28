// /verval/lokasi/:siteId/baru: a new version of a site's list. It starts from the
// previous version: keep or drop each person (a drop needs a reason), and add persons
// from the registry of the site's regency/city (pseudonymous: case code and alias).
import { Anchor, Breadcrumbs, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PersonListSchema as RegistryPersonListSchema } from '../../../common/persons.ts';
import { LIST_SOURCES, type ListPerson, type ListSource } from '../../../common/verval.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { apiGet, fieldErrors } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCreateList, usePersonList, useRegistrySearch, useSiteLists } from './verval.api.ts';

type Added = ListPerson & { reason: string };

export function ListFormPage() {
  const { t } = useTranslation('verval');
  const siteId = Number(useParams().siteId);
  const valid = Number.isInteger(siteId) && siteId > 0;
  const lists = useSiteLists(valid ? siteId : 0);
  const latest = lists.data?.items[0] ?? null;
  const previous = usePersonList(latest?.id ?? null);
  usePageTitle(t('form.title'));

  if (!valid) return <NotFoundPage />;
  if (lists.error) return <ErrorState title={t('lists.loadFailed')} error={lists.error} />;
  if (!lists.data || (latest && !previous.data)) return previous.error ? <ErrorState title={t('lists.loadFailed')} error={previous.error} /> : <PageLoader />;
  return <ListForm site={lists.data.site} version={(latest?.version ?? 0) + 1} previous={previous.data?.entries ?? []} />;
}

function ListForm({ site, version, previous }: { site: { id: number; code: string; name: string; regencyCode: string }; version: number; previous: ListPerson[] }) {
  const { t } = useTranslation('verval');
  const navigate = useNavigate();
  const create = useCreateList(site.id);
  const [source, setSource] = useState<ListSource | null>(version === 1 ? 'site_manager' : 'joint_verification');
  const [listDate, setListDate] = useState('');
  const [note, setNote] = useState('');
  const [drops, setDrops] = useState<Map<number, string>>(new Map());
  const [added, setAdded] = useState<Added[]>([]);
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(create.error);
  const dropOrder = previous.filter((p) => drops.has(p.personId));
  const onList = new Set([...previous.map((p) => p.personId), ...added.map((a) => a.personId)]);
  const total = previous.length - drops.size + added.length;
  const missing = { source: !source, listDate: !listDate, drops: dropOrder.some((p) => (drops.get(p.personId) ?? '').trim().length < 3), empty: total === 0 };

  const submit = () => {
    setChecked(true);
    if (Object.values(missing).some(Boolean) || !source) return;
    // mutateAsync: the refreshed lists re-render this page, and the navigation must still happen.
    void create
      .mutateAsync({
        source,
        listDate,
        note: note.trim(),
        fromPrevious: true,
        add: added.map((a) => ({ personId: a.personId, reason: a.reason.trim() })),
        drop: dropOrder.map((p) => ({ personId: p.personId, reason: (drops.get(p.personId) ?? '').trim() })),
      })
      .then((list) => navigate(`/verval/lokasi/${site.id}?v=${list.id}`))
      .catch(() => undefined); // shown by FormError
  };
  const addPerson = (p: ListPerson) => setAdded((xs) => (onList.has(p.personId) || xs.some((x) => x.personId === p.personId) ? xs : [...xs, { ...p, reason: '' }]));

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('lists.breadcrumbs')}>
        <Anchor component={Link} to="/verval" size="sm">
          {t('home.title')}
        </Anchor>
        <Anchor component={Link} to={`/verval/lokasi/${site.id}`} size="sm">
          {t('lists.title', { site: site.name })}
        </Anchor>
        <Text size="sm">{t('form.title')}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{t('form.heading', { version, site: site.name })}</Title>
        <Text c="dimmed">{version === 1 ? t('form.helpFirst') : t('form.help')}</Text>
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <FormError error={create.error} shownFields={['source', 'listDate', 'note', ...dropOrder.map((_, i) => `drop.${i}.reason`)]} />
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('lists.source')}
                required
                data={LIST_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
                value={source}
                onChange={(v) => setSource(v as ListSource | null)}
                error={server.source ?? (checked && missing.source ? t('form.required') : undefined)}
              />
              <TextInput
                label={t('lists.listDate')}
                type="date"
                required
                value={listDate}
                onChange={(e) => setListDate(e.currentTarget.value)}
                error={server.listDate ?? (checked && missing.listDate ? t('form.required') : undefined)}
              />
              <Textarea label={t('lists.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={server.note} />
            </SimpleGrid>
          </Paper>

          {previous.length > 0 && (
            <Paper withBorder p="md" component="section" aria-labelledby="form-previous">
              <Title order={2} size="h4" id="form-previous" mb={4}>
                {t('form.previousTitle', { version: version - 1, count: previous.length })}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('form.previousHelp')}
              </Text>
              <Table.ScrollContainer minWidth={560} type="native" mah={480}>
                <Table verticalSpacing={4} stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('person.caseCode')}</Table.Th>
                      <Table.Th scope="col">{t('person.alias')}</Table.Th>
                      <Table.Th scope="col">{t('form.drop')}</Table.Th>
                      <Table.Th scope="col">{t('form.dropReason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {previous.map((p) => {
                      const dropping = drops.has(p.personId);
                      const index = dropOrder.findIndex((d) => d.personId === p.personId);
                      const reason = drops.get(p.personId) ?? '';
                      return (
                        <Table.Tr key={p.personId}>
                          <Table.Td fz="sm" ff="monospace" td={dropping ? 'line-through' : undefined}>
                            {p.caseCode}
                          </Table.Td>
                          <Table.Td fz="sm">{p.alias ?? '—'}</Table.Td>
                          <Table.Td>
                            <Checkbox
                              aria-label={t('form.dropPerson', { code: p.caseCode })}
                              checked={dropping}
                              onChange={(e) => {
                                const on = e.currentTarget.checked;
                                setDrops((m) => {
                                  const next = new Map(m);
                                  if (on) next.set(p.personId, '');
                                  else next.delete(p.personId);
                                  return next;
                                });
                              }}
                            />
                          </Table.Td>
                          <Table.Td>
                            {dropping && (
                              <TextInput
                                size="xs"
                                aria-label={t('form.dropReasonFor', { code: p.caseCode })}
                                placeholder={t('form.dropReasonPlaceholder')}
                                value={reason}
                                onChange={(e) => {
                                  const value = e.currentTarget.value;
                                  setDrops((m) => new Map(m).set(p.personId, value));
                                }}
                                error={server[`drop.${index}.reason`] ?? (checked && reason.trim().length < 3 ? t('form.reasonRequired') : undefined)}
                              />
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}

          <AddPersons site={site} added={added} onList={onList} onAdd={addPerson} onChange={setAdded} />

          <Group justify="space-between">
            <Text size="sm" aria-live="polite" c={checked && missing.empty ? 'red' : undefined}>
              {checked && missing.empty ? t('form.emptyList') : t('form.summary', { total, added: added.length, dropped: drops.size })}
            </Text>
            <Group gap="xs">
              <Button variant="default" component={Link} to={`/verval/lokasi/${site.id}`}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('form.save', { version })}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function AddPersons(props: {
  site: { id: number; regencyCode: string };
  added: Added[];
  onList: Set<number>;
  onAdd: (p: ListPerson) => void;
  onChange: (update: (xs: Added[]) => Added[]) => void;
}) {
  const { t } = useTranslation('verval');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const search = useRegistrySearch(props.site.regencyCode, debounced);
  const [loadingAll, setLoadingAll] = useState(false);
  const candidates = (search.data?.items ?? []).filter((p) => !props.onList.has(p.id));

  /** Everyone the registry places at this site, page by page. */
  const addAllOfSite = async () => {
    setLoadingAll(true);
    try {
      for (let offset = 0; ; offset += 200) {
        const page = await apiGet('/api/persons', RegistryPersonListSchema, { params: { siteId: props.site.id, limit: 200, offset } });
        for (const p of page.items) props.onAdd({ personId: p.id, caseCode: p.caseCode, alias: p.alias, sex: p.sex });
        if (offset + 200 >= page.total) break;
      }
    } finally {
      setLoadingAll(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="form-add">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <div>
          <Title order={2} size="h4" id="form-add">
            {t('form.addTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('form.addHelp')}
          </Text>
        </div>
        <Button variant="light" size="xs" onClick={() => void addAllOfSite()} loading={loadingAll}>
          {t('form.addAllOfSite')}
        </Button>
      </Group>
      <TextInput
        label={t('form.search')}
        placeholder={t('form.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: '100%', sm: 320 }}
        mb="xs"
      />
      {candidates.length > 0 && (
        <Group gap={6} mb="sm">
          {candidates.slice(0, 12).map((p) => (
            <Button
              key={p.id}
              size="compact-sm"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => props.onAdd({ personId: p.id, caseCode: p.caseCode, alias: p.alias, sex: p.sex })}
            >
              {p.caseCode}
              {p.alias ? ` · ${p.alias}` : ''}
            </Button>
          ))}
        </Group>
      )}
      {props.added.length > 0 && (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('person.caseCode')}</Table.Th>
              <Table.Th scope="col">{t('person.alias')}</Table.Th>
              <Table.Th scope="col">{t('form.addReason')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('form.remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.added.map((a) => (
              <Table.Tr key={a.personId}>
                <Table.Td fz="sm" ff="monospace">
                  {a.caseCode}
                </Table.Td>
                <Table.Td fz="sm">{a.alias ?? '—'}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('form.addReasonFor', { code: a.caseCode })}
                    placeholder={t('form.addReasonPlaceholder')}
                    value={a.reason}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      props.onChange((xs) => xs.map((x) => (x.personId === a.personId ? { ...x, reason: value } : x)));
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('form.removePerson', { code: a.caseCode })}
                    onClick={() => props.onChange((xs) => xs.filter((x) => x.personId !== a.personId))}
                  >
                    <IconTrash size={14} aria-hidden />
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
