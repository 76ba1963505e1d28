// Pelatihan (/pelatihan): the course catalogue with each course's completion rule,
// and the course runs held by the offices within reach (current or past).
import { Badge, Button, Group, Pagination, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateMedium } from '../../../common/format.ts';
import type { Course } from '../../../common/training.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { CourseModal } from './CourseModal.tsx';
import { RunModal } from './RunModal.tsx';
import { useCourses, useRuns } from './training.api.ts';
import { useCourseName } from './training-parts.tsx';

const PAGE = 25;

export function TrainingPage() {
  const { t } = useTranslation('training');
  usePageTitle(t('page.title'));
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'katalog' ? 'katalog' : 'angkatan';
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('page.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => setParams(v === 'katalog' ? { tab: 'katalog' } : {})}>
        <Tabs.List>
          <Tabs.Tab value="angkatan">{t('tabs.runs')}</Tabs.Tab>
          <Tabs.Tab value="katalog">{t('tabs.catalogue')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'katalog' ? <Catalogue /> : <Runs />}
    </Stack>
  );
}

function Catalogue() {
  const { t } = useTranslation('training');
  const courses = useCourses();
  const name = useCourseName();
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  if (courses.error) return <ErrorState title={t('page.loadFailed')} error={courses.error} onRetry={() => void courses.refetch()} />;
  if (!courses.data) return <PageLoader />;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">{courses.data.actions.includes('create') && <Button onClick={() => setEditing('new')}>{t('courses.add')}</Button>}</Group>
      <Table.ScrollContainer minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('courses.name')}</Table.Th>
              <Table.Th>{t('courses.region')}</Table.Th>
              <Table.Th>{t('courses.provider')}</Table.Th>
              <Table.Th>{t('courses.rule')}</Table.Th>
              <Table.Th>{t('courses.hoursPerDay')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courses.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {name(c)}
                  </Text>
                  {c.description && (
                    <Text size="xs" c="dimmed">
                      {c.description}
                    </Text>
                  )}
                  {!c.active && <Badge color="gray">{t('courses.inactive')}</Badge>}
                </Table.Td>
                <Table.Td>{c.regionCode === null ? t('courses.national') : (c.regionName ?? c.regionCode)}</Table.Td>
                <Table.Td>{c.provider || '–'}</Table.Td>
                <Table.Td>{t('courses.ruleValue', { pct: c.minAttendancePct })}</Table.Td>
                <Table.Td>{c.hoursPerDay}</Table.Td>
                <Table.Td>
                  {c.actions.includes('edit') && (
                    <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>
                      {t('actions.edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <CourseModal course={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function Runs() {
  const { t } = useTranslation('training');
  const language = useDisplayLanguage();
  const name = useCourseName();
  const [when, setWhen] = useState<'current' | 'past' | 'all'>('current');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const courses = useCourses();
  const runs = useRuns({ ...(when === 'all' ? {} : { when }), limit: PAGE, offset: (page - 1) * PAGE });
  const plannable = courses.data?.items.filter((c) => c.actions.includes('plan_run')) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          value={when}
          onChange={(v) => (setWhen(v as typeof when), setPage(1))}
          data={(['current', 'past', 'all'] as const).map((w) => ({ value: w, label: t(`runs.when.${w}`) }))}
        />
        {plannable.length > 0 && <Button onClick={() => setCreating(true)}>{t('runs.add')}</Button>}
      </Group>
      {runs.error ? (
        <ErrorState title={t('page.loadFailed')} error={runs.error} onRetry={() => void runs.refetch()} />
      ) : !runs.data ? (
        <PageLoader />
      ) : runs.data.items.length === 0 ? (
        <Text c="dimmed">{t('runs.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('runs.title')}</Table.Th>
                <Table.Th>{t('runs.course')}</Table.Th>
                <Table.Th>{t('runs.office')}</Table.Th>
                <Table.Th>{t('runs.dates')}</Table.Th>
                <Table.Th>{t('runs.location')}</Table.Th>
                <Table.Th>{t('runs.meetings')}</Table.Th>
                <Table.Th>{t('runs.enrolled')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Link to={`/pelatihan/angkatan/${r.id}`}>{r.title}</Link>
                  </Table.Td>
                  <Table.Td>{name(r)}</Table.Td>
                  <Table.Td>{r.regionName ?? r.regionCode}</Table.Td>
                  <Table.Td>
                    {formatDateMedium(r.startsOn, language)} – {formatDateMedium(r.endsOn, language)}
                  </Table.Td>
                  <Table.Td>{r.location}</Table.Td>
                  <Table.Td>{r.meetings}</Table.Td>
                  <Table.Td>{r.capacity === null ? r.enrolled : `${r.enrolled} / ${r.capacity}`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {runs.data && runs.data.total > PAGE && <Pagination total={Math.ceil(runs.data.total / PAGE)} value={page} onChange={setPage} />}
      {creating && <RunModal run={null} courses={plannable} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
