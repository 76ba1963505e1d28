// /wilayah (provinces) and /wilayah/:code (a region and its children).
import { Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RegionBreadcrumbs } from './RegionBreadcrumbs.tsx';
import { RegionChildren } from './RegionChildren.tsx';
import { RegionImportProgress } from './RegionImportProgress.tsx';
import { RegionNotes } from './RegionNotes.tsx';
import { regionPath } from './region-paths.ts';
import { useRegion, useRegionsReady } from './regions.api.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

export function RegionsPage() {
  const { t } = useTranslation('regions');
  const { ready, summary } = useRegionsReady();

  if (!ready) {
    return (
      <Stack>
        <Title order={1}>{t('title')}</Title>
        {summary.error ? (
          <ErrorState title={t('errors.summary')} error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.data ? (
          <RegionImportProgress summary={summary.data} />
        ) : (
          <Loader aria-label={t('loading')} />
        )}
      </Stack>
    );
  }
  return <RegionBrowser />;
}

function RegionBrowser() {
  const { t } = useTranslation('regions');
  const { code } = useParams();
  const region = useRegion(code);
  const heading = code ? (region.data?.name ?? code) : t('provincesTitle');
  usePageTitle(heading);

  return (
    <Stack gap="md">
      <RegionBreadcrumbs region={region.data} />
      <div>
        <Title order={1}>{heading}</Title>
        {region.data && (
          <Group gap="xs" mt={4}>
            <Text ff="monospace" c="dimmed">
              {region.data.code}
            </Text>
            <Badge variant="light" radius="sm">
              {t(`level.${region.data.level}`)}
            </Badge>
          </Group>
        )}
        {!code && <Text c="dimmed">{t('provincesHelp')}</Text>}
      </div>
      {region.error ? (
        <ErrorState title={t('errors.region')} error={region.error} onRetry={() => void region.refetch()}>
          <Anchor component={Link} to={regionPath(null)} size="sm">
            {t('allProvinces')}
          </Anchor>
        </ErrorState>
      ) : (
        <>
          {region.data && <RegionNotes region={region.data} />}
          {(!code || region.data) && <RegionChildren key={code ?? 'root'} parent={region.data} />}
        </>
      )}
    </Stack>
  );
}
