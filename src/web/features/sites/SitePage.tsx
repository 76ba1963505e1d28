// /lokasi/:id: one site: details, closure decree, closure stages, head counts and monitoring.
import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateMedium, formatDateTime, formatNumber } from '../../../common/format.ts';
import type { Site } from '../../../common/sites.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Fact } from '../../components/Fact.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ClosureModal } from './ClosureModal.tsx';
import { HeadCountsSection } from './HeadCountsSection.tsx';
import { MilestonesSection } from './MilestonesSection.tsx';
import { MonitoringSection } from './MonitoringSection.tsx';
import { RegionPath, SiteStatusBadge } from './site-parts.tsx';
import { SiteFormModal } from './SiteFormModal.tsx';
import { useSite } from './sites.api.ts';

export function SitePage() {
  const { t } = useTranslation('sites');
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const site = useSite(valid ? id : 0);
  usePageTitle(site.data?.name ?? t('list.title'));

  if (!valid) return <NotFoundPage />;
  if (site.error) {
    return (
      <ErrorState title={t('detail.loadFailed')} error={site.error} onRetry={() => void site.refetch()}>
        <Anchor component={Link} to="/lokasi" size="sm">
          {t('detail.backToList')}
        </Anchor>
      </ErrorState>
    );
  }
  if (!site.data) return <PageLoader />;
  return <SiteView site={site.data} />;
}

function SiteView({ site }: { site: Site }) {
  const { t } = useTranslation('sites');
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('detail.breadcrumbs')}>
        <Anchor component={Link} to="/lokasi" size="sm">
          {t('list.title')}
        </Anchor>
        <Text size="sm">{site.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{site.name}</Title>
          <Group gap="xs" mt={4}>
            <Text ff="monospace" c="dimmed">
              {site.code}
            </Text>
            <SiteStatusBadge status={site.status} />
          </Group>
        </div>
        <Group gap="xs">
          {site.actions.includes('update') && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('detail.edit')}
            </Button>
          )}
          {site.actions.includes('record_closure') && (
            <Button color="teal" leftSection={<IconLock size={16} aria-hidden />} onClick={() => setClosing(true)}>
              {t('closure.record')}
            </Button>
          )}
        </Group>
      </Group>

      {site.status === 'reopened' && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} title={t('alerts.reopenedTitle')} role="alert">
          {t('alerts.reopened')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DetailsCard site={site} />
        <ClosureCard site={site} />
      </SimpleGrid>
      <MilestonesSection site={site} />
      <HeadCountsSection site={site} />
      <MonitoringSection site={site} />

      <SiteFormModal target={editing ? site : null} onClose={() => setEditing(false)} />
      <ClosureModal siteId={site.id} opened={closing} onClose={() => setClosing(false)} />
    </Stack>
  );
}

const Field = (props: { label: string; children: ReactNode }) => <Fact {...props} preWrap />;

function DetailsCard({ site }: { site: Site }) {
  const { t } = useTranslation('sites');
  const language = useDisplayLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="site-details">
      <Title order={2} size="h3" id="site-details" mb="sm">
        {t('detail.details')}
      </Title>
      <Stack gap="xs" component="dl" m={0}>
        <Field label={t('detail.place')}>
          <RegionPath code={site.regionCode} />
        </Field>
        <Field label={t('form.localNames')}>{site.localNames.length > 0 ? site.localNames.join(', ') : '—'}</Field>
        <Field label={t('detail.coordinates')}>
          {site.latitude !== null && site.longitude !== null ? `${site.latitude}, ${site.longitude}` /* decimal degrees as GPS tools write them */ : '—'}
        </Field>
        <Field label={t('form.description')}>{site.description || '—'}</Field>
        <Field label={t('form.managingParties')}>{site.managingParties || '—'}</Field>
        <Field label={t('detail.updatedAt')}>{formatDateTime(site.updatedAt, language)}</Field>
      </Stack>
    </Paper>
  );
}

function ClosureCard({ site }: { site: Site }) {
  const { t } = useTranslation('sites');
  const language = useDisplayLanguage();
  const date = (value: string | null) => (value ? formatDateMedium(value, language) : '—');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="site-closure">
      <Title order={2} size="h3" id="site-closure" mb="sm">
        {t('closure.sectionTitle')}
      </Title>
      <Stack gap="xs" component="dl" m={0}>
        <Field label={t('closure.decreeNumber')}>{site.closureDecreeNumber ?? '—'}</Field>
        <Field label={t('closure.decreeDate')}>{date(site.closureDecreeDate)}</Field>
        <Field label={t('closure.closureDate')}>{date(site.closureDate)}</Field>
        <Field label={t('closure.latestCount')}>
          {site.latestHeadCount ? t('closure.latestCountValue', { workers: formatNumber(site.latestHeadCount.workers), date: date(site.latestHeadCount.countedOn) }) : '—'}
        </Field>
      </Stack>
    </Paper>
  );
}
