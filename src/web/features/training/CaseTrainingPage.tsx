// /kasus/:id/pelatihan: a case's training on its own page, until the case detail
// page shows the panel as its "Pelatihan" tab.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { CaseTrainingPanel } from './CaseTrainingPanel.tsx';
import { useCaseTraining } from './training.api.ts';

export function CaseTrainingPage() {
  const { t } = useTranslation('training');
  const caseId = Number(useParams().id);
  const code = useCaseTraining(caseId).data?.caseCode ?? '';
  usePageTitle(t('caseTab.pageTitle', { code }));
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('caseTab.pageTitle', { code })}
      </Title>
      <CaseTrainingPanel caseId={caseId} />
    </Stack>
  );
}
