// /verval: where verification starts — a programme's review and funnel, or a site's lists.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../common/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useProgrammes } from '../programmes/programmes.api.ts';
import { useSiteList } from '../sites/sites.api.ts';

export function VervalHomePage() {
  const { t } = useTranslation('verval');
  const session = useSession();
  usePageTitle(t('home.title'));
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('home.title')}</Title>
        <Text c="dimmed">{t('home.help')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {can(session, 'program.read') && <ProgrammesCard />}
        {can(session, 'site.read') && <SitesCard />}
      </SimpleGrid>
    </Stack>
  );
}

function ProgrammesCard() {
  const { t } = useTranslation('verval');
  const list = useProgrammes();
  const items = [...(list.data?.items ?? [])].sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name) : a.level === 'province' ? -1 : 1));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verval-programmes">
      <Title order={2} size="h3" id="verval-programmes" mb="xs">
        {t('home.programmes')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.programmesHelp')}
      </Text>
      {list.error ? (
        <ErrorState title={t('home.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text size="sm">{t('home.noProgrammes')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((p) => (
            <li key={p.id}>
              <Group gap="xs" wrap="nowrap">
                <Anchor component={Link} to={`/verval/program/${p.id}`}>
                  {p.name}
                </Anchor>
                <Badge variant="light" color={p.level === 'national' ? 'gray' : 'blue'} radius="sm">
                  {p.level === 'national' ? t('home.national') : (p.regionCode ?? '')}
                </Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function SitesCard() {
  const { t } = useTranslation('verval');
  const sites = useSiteList({ sort: 'code', limit: 100, offset: 0 });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verval-sites">
      <Title order={2} size="h3" id="verval-sites" mb="xs">
        {t('home.sites')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.sitesHelp')}
      </Text>
      {sites.error ? (
        <ErrorState title={t('home.loadFailed')} error={sites.error} onRetry={() => void sites.refetch()} />
      ) : !sites.data ? (
        <PageLoader />
      ) : sites.data.items.length === 0 ? (
        <Text size="sm">{t('home.noSites')}</Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('home.site')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('home.latestCount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/verval/lokasi/${s.id}`} size="sm">
                    {s.name}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {s.code}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {s.latestHeadCount ? formatNumber(s.latestHeadCount.workers) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
