// /verval/program/:id: one programme's verification — the funnel, the review table
// and the eligibility rules, as tabs (the tab lives in the address bar).
import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatNumber } from '../../../common/format.ts';
import type { FunnelCounts } from '../../../common/verval.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { can, useSession } from '../auth/session.ts';
import { useProgramme } from '../programmes/programmes.api.ts';
import { ReviewSection } from './ReviewSection.tsx';
import { RulesSection } from './RulesSection.tsx';
import { downloadFunnel, useFunnel } from './verval.api.ts';

const TABS = ['funnel', 'review', 'rules'] as const;
type Tab = (typeof TABS)[number];

export function ProgrammeVervalPage() {
  const { t } = useTranslation('verval');
  const session = useSession();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const programme = useProgramme(valid ? id : 0);
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((tab) => tab !== 'funnel' || can(session, 'report.read')).filter((tab) => tab !== 'review' || can(session, 'person.read'));
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : (tabs[0] ?? 'rules');
  usePageTitle(programme.data ? t('programme.title', { name: programme.data.name }) : t('home.title'));

  if (!valid) return <NotFoundPage />;
  if (programme.error) return <ErrorState title={t('programme.loadFailed')} error={programme.error} onRetry={() => void programme.refetch()} />;
  if (!programme.data) return <PageLoader />;

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('lists.breadcrumbs')}>
        <Anchor component={Link} to="/verval" size="sm">
          {t('home.title')}
        </Anchor>
        <Text size="sm">{programme.data.name}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{t('programme.title', { name: programme.data.name })}</Title>
        <Text c="dimmed">{t('programme.help')}</Text>
      </div>
      <Tabs value={tab} onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`programme.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="funnel" pt="md">
          <FunnelSection programmeId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewSection programmeId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesSection programmeId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

const STAGES: (keyof FunnelCounts)[] = ['listed', 'onLatestList', 'evaluated', 'verified', 'eligible', 'notEligible', 'overridden'];

function FunnelSection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation('verval');
  const language = useDisplayLanguage();
  const funnel = useFunnel(programmeId, null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  if (funnel.error) return <ErrorState title={t('funnel.loadFailed')} error={funnel.error} onRetry={() => void funnel.refetch()} />;
  if (!funnel.data) return <PageLoader />;
  const f = funnel.data;
  const cells = (c: FunnelCounts) =>
    STAGES.map((k) => (
      <Table.Td key={k} ta="right" fz="sm">
        {formatNumber(c[k])}
      </Table.Td>
    ));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="lg" fw={600} aria-live="polite">
          {t('funnel.sequence', { listed: formatNumber(f.total.listed), verified: formatNumber(f.total.verified), eligible: formatNumber(f.total.eligible) })}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={downloading}
          onClick={() => {
            setDownloading(true);
            setDownloadError(null);
            downloadFunnel(programmeId, null, language)
              .catch(setDownloadError)
              .finally(() => setDownloading(false));
          }}
        >
          {t('funnel.export')}
        </Button>
      </Group>
      <FormError error={downloadError} />
      {f.sites.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>{t('funnel.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={820} type="native">
            <Table verticalSpacing="xs">
              <Table.Caption>{t('funnel.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('funnel.place')}</Table.Th>
                  {STAGES.map((k) => (
                    <Table.Th key={k} scope="col" ta="right">
                      {t(`funnel.stages.${k}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.regencies.map((r) => (
                  <RegencyRows key={r.regencyCode} regency={r} sites={f.sites.filter((s) => s.regencyCode === r.regencyCode)} programmeId={programmeId} cells={cells} />
                ))}
                <Table.Tr fw={700}>
                  <Table.Th scope="row">{t('funnel.total')}</Table.Th>
                  {cells(f.total)}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

function RegencyRows(props: {
  regency: FunnelCounts & { regencyCode: string; regencyName: string };
  sites: (FunnelCounts & { siteId: number; siteCode: string; siteName: string })[];
  programmeId: number;
  cells: (c: FunnelCounts) => ReactNode;
}) {
  const { t } = useTranslation('verval');
  return (
    <>
      {props.sites.map((s) => (
        <Table.Tr key={s.siteId}>
          <Table.Th scope="row" fw={400} fz="sm">
            <Anchor component={Link} to={`/verval/lokasi/${s.siteId}`} inherit>
              {s.siteName}
            </Anchor>{' '}
            <Anchor component={Link} to={`/verval/program/${props.programmeId}?tab=review&siteId=${s.siteId}`} size="xs" c="dimmed">
              {t('funnel.review')}
            </Anchor>
          </Table.Th>
          {props.cells(s)}
        </Table.Tr>
      ))}
      <Table.Tr bg="var(--mantine-color-gray-light)">
        <Table.Th scope="row" fz="sm">
          {t('funnel.regencyTotal', { name: props.regency.regencyName })}
        </Table.Th>
        {props.cells(props.regency)}
      </Table.Tr>
    </>
  );
}
