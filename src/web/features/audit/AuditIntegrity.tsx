// The hash chain's state: verified or broken (and where), and the latest checkpoint to copy elsewhere.
import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconRefresh, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SecretValue } from '../../components/SecretValue.tsx';
import { useAuditCheckpoint, useAuditVerify } from './audit.api.ts';

export function AuditIntegrity() {
  const { t } = useTranslation('audit');
  const language = useDisplayLanguage();
  const verify = useAuditVerify();
  const checkpoint = useAuditCheckpoint();
  const result = verify.data;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="integrity-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h5" id="integrity-title">
            {t('integrity.title')}
          </Title>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={verify.isFetching}
            onClick={() => void verify.refetch()}
          >
            {t('integrity.verifyNow')}
          </Button>
        </Group>
        <div aria-live="polite">
          {verify.error ? (
            <ErrorState title={t('integrity.verifyFailed')} error={verify.error} />
          ) : !result ? (
            <Loader size="sm" aria-label={t('integrity.verifying')} />
          ) : result.ok ? (
            <Group gap="xs">
              <Badge color="teal" size="lg" radius="sm" leftSection={<IconShieldCheck size={14} aria-hidden />}>
                {t('integrity.ok')}
              </Badge>
              <Text size="sm">{t('integrity.okHelp', { count: result.count, formatted: formatNumber(result.count) })}</Text>
            </Group>
          ) : (
            <Stack gap={4}>
              <Badge color="red" size="lg" radius="sm" leftSection={<IconShieldX size={14} aria-hidden />}>
                {t('integrity.broken')}
              </Badge>
              {result.firstBroken && (
                <Text size="sm" c="red.9" role="alert">
                  {t('integrity.brokenAt', { seq: result.firstBroken.seq, reason: t(`integrity.reasons.${result.firstBroken.reason}`) })}
                </Text>
              )}
            </Stack>
          )}
        </div>
        {checkpoint.data && (
          <Stack gap={4}>
            <Text size="sm">
              {t('integrity.checkpoint', {
                seq: checkpoint.data.seq,
                count: formatNumber(checkpoint.data.count),
                at: formatDateTime(checkpoint.data.at, language),
              })}
            </Text>
            <SecretValue value={checkpoint.data.hash} label={t('integrity.checkpointHash')} />
            <Text size="xs" c="dimmed">
              {t('integrity.checkpointHelp')}
            </Text>
          </Stack>
        )}
        {checkpoint.error && <ErrorState title={t('integrity.checkpointFailed')} error={checkpoint.error} />}
      </Stack>
    </Card>
  );
}
