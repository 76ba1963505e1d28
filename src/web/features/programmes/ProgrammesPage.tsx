// /program: the national programmes, each with the provincial programmes under it.
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateMedium } from '../../../common/format.ts';
import type { ProgrammeView } from '../../../common/programmes.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useRegionList } from '../regions/regions.api.ts';
import { ProgrammeFormModal, type ProgrammeFormTarget } from './ProgrammeFormModal.tsx';
import { useProgrammes } from './programmes.api.ts';

export function ProgrammesPage() {
  const { t } = useTranslation('programmes');
  const session = useSession();
  const list = useProgrammes();
  const [formTarget, setFormTarget] = useState<ProgrammeFormTarget | null>(null);
  usePageTitle(t('list.title'));

  const items = list.data?.items ?? [];
  const nationals = items.filter((p) => p.level === 'national');
  const provincial = items.filter((p) => p.level === 'province');
  const nationalIds = new Set(nationals.map((p) => p.id));
  const orphans = provincial.filter((p) => p.parentId === null || !nationalIds.has(p.parentId));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{t('list.help')}</Text>
        </div>
        {can(session, 'program.manage') && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setFormTarget({ mode: 'new' })}>
            {t('list.create')}
          </Button>
        )}
      </Group>

      {list.error ? (
        <ErrorState title={t('list.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{t('list.empty')}</Text>
        </Paper>
      ) : (
        <>
          {nationals.map((national) => (
            <NationalCard
              key={national.id}
              programme={national}
              provincial={provincial.filter((p) => p.parentId === national.id)}
              onEdit={setFormTarget}
              onAddProvincial={can(session, 'program.manage') ? () => setFormTarget({ mode: 'new', parentId: national.id }) : undefined}
            />
          ))}
          {orphans.length > 0 && (
            <Paper withBorder p="md">
              <Title order={2} size="h3" mb="sm">
                {t('list.otherProvincial')}
              </Title>
              <ProvincialTable programmes={orphans} onEdit={setFormTarget} caption={t('list.otherProvincial')} />
            </Paper>
          )}
        </>
      )}

      <ProgrammeFormModal target={formTarget} nationals={nationals} onClose={() => setFormTarget(null)} />
    </Stack>
  );
}

function NationalCard({
  programme,
  provincial,
  onEdit,
  onAddProvincial,
}: {
  programme: ProgrammeView;
  provincial: ProgrammeView[];
  onEdit: (p: ProgrammeView) => void;
  onAddProvincial: (() => void) | undefined;
}) {
  const { t } = useTranslation('programmes');
  const language = useDisplayLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`programme-${programme.id}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <div>
          <Group gap="xs">
            <Title order={2} size="h3" id={`programme-${programme.id}`}>
              <Anchor component={Link} to={`/program/${programme.id}`} inherit>
                {programme.name}
              </Anchor>
            </Title>
            <Badge variant="light" radius="sm">
              {t('level.national')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {programme.owner}
            {' · '}
            {programme.targetDate ? t('list.target', { date: formatDateMedium(programme.targetDate, language) }) : t('list.noTarget')}
          </Text>
        </div>
        <Group gap="xs">
          {programme.actions.includes('update') && (
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(programme)} aria-label={t('list.editNamed', { name: programme.name })}>
              {t('list.edit')}
            </Button>
          )}
          {onAddProvincial && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAddProvincial}>
              {t('list.addProvincial')}
            </Button>
          )}
        </Group>
      </Group>
      {provincial.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('list.noProvincial')}
        </Text>
      ) : (
        <ProvincialTable programmes={provincial} onEdit={onEdit} caption={t('list.provincialOf', { name: programme.name })} />
      )}
    </Paper>
  );
}

function ProvincialTable({ programmes, onEdit, caption }: { programmes: ProgrammeView[]; onEdit: (p: ProgrammeView) => void; caption: string }) {
  const { t } = useTranslation('programmes');
  const language = useDisplayLanguage();
  const provinces = useRegionList({ level: 'province', limit: 1000, offset: 0 });
  const provinceName = (code: string | null) => (code ? (provinces.data?.items.find((r) => r.code === code)?.name ?? code) : '');
  return (
    <Table.ScrollContainer minWidth={600} type="native">
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.name')}</Table.Th>
            <Table.Th scope="col">{t('list.province')}</Table.Th>
            <Table.Th scope="col">{t('list.owner')}</Table.Th>
            <Table.Th scope="col">{t('list.targetDate')}</Table.Th>
            <Table.Th scope="col">{t('list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {programmes.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/program/${p.id}`} size="sm" fw={500}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td fz="sm">{provinceName(p.regionCode)}</Table.Td>
              <Table.Td fz="sm">{p.owner}</Table.Td>
              <Table.Td fz="sm">{p.targetDate ? formatDateMedium(p.targetDate, language) : '—'}</Table.Td>
              <Table.Td>
                {p.actions.includes('update') && (
                  <Button size="compact-sm" variant="subtle" onClick={() => onEdit(p)} aria-label={t('list.editNamed', { name: p.name })}>
                    {t('list.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
