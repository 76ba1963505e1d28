// Shown instead of an empty table while the server imports the region lists.
import { Alert, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../common/format.ts';
import type { RegionSummary } from './regions.api.ts';

export function RegionImportProgress({ summary }: { summary: RegionSummary }) {
  const { t } = useTranslation('regions');
  const job = summary.lastImport;

  if (job?.status === 'failed') {
    return (
      <Alert color="red" title={t('import.failedTitle')} role="alert">
        {t('import.failed', { reason: job.error ?? '' })}
      </Alert>
    );
  }

  const { done, total } = job?.progress ?? { done: 0, total: null };
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Paper withBorder p="lg" maw={560}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('import.help')}
        </Text>
        <Progress value={percent} animated size="lg" aria-label={t('import.title')} />
        <Text size="sm" aria-live="polite">
          {total ? t('import.progress', { done: formatNumber(done), total: formatNumber(total) }) : t('import.queued')}
        </Text>
      </Stack>
    </Paper>
  );
}
