// /dasbor (and the home page for readers of programmes): the dashboard of the most
// relevant provincial programme; `fallback` when there is none.
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSession } from '../auth/session.ts';
import { useProgrammes } from '../programmes/programmes.api.ts';
import { useWorkingRegion } from '../regions/working-region.tsx';
import { mostRelevantProgramme } from './dashboard.api.ts';

export function DashboardRedirect({ fallback }: { fallback?: ReactNode }) {
  const { t } = useTranslation('dashboard');
  const session = useSession();
  const { code } = useWorkingRegion();
  const programmes = useProgrammes();
  usePageTitle(t('title'));
  if (programmes.isPending) return <PageLoader />;
  const chosen = mostRelevantProgramme(programmes.data?.items ?? [], session.me?.scope ?? null, code);
  if (chosen) return <Navigate to={`/program/${chosen.id}/dasbor`} replace />;
  if (fallback) return fallback;
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text c="dimmed">{t('noProgramme')}</Text>
    </Stack>
  );
}
