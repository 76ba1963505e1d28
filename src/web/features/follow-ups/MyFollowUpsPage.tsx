// /tindak-lanjut: the signed-in case worker's visits that are overdue or due within
// DUE_SOON_DAYS days, each linking to its case; recorded from here as well.
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DUE_SOON_DAYS, type FollowUp } from '../../../common/follow-ups.ts';
import { formatDateMedium } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { FollowUpStatusBadges } from './follow-up-parts.tsx';
import { MarkMissedModal, RecordOutcomeModal } from './FollowUpModals.tsx';
import { useMyFollowUps } from './follow-ups.api.ts';

export function MyFollowUpsPage() {
  const { t } = useTranslation('followUps');
  const language = useDisplayLanguage();
  usePageTitle(t('mine.title'));
  const data = useMyFollowUps();
  const [open, setOpen] = useState<{ followUp: FollowUp; step: 'record' | 'missed' } | null>(null);
  const body = () => {
    if (data.error) return <ErrorState title={t('loadFailed')} error={data.error} onRetry={() => void data.refetch()} />;
    if (!data.data) return <PageLoader />;
    const { items, overdue, dueSoon } = data.data;
    return (
      <>
        <Group gap="xs">
          <Badge color="red" variant={overdue > 0 ? 'filled' : 'light'} size="lg">
            {t('mine.overdue', { count: overdue })}
          </Badge>
          <Badge color="blue" variant="light" size="lg">
            {t('mine.dueSoon', { count: dueSoon, days: DUE_SOON_DAYS })}
          </Badge>
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed">{t('mine.empty', { days: DUE_SOON_DAYS })}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.case')}</Table.Th>
                  <Table.Th>{t('columns.visit')}</Table.Th>
                  <Table.Th>{t('columns.dueDate')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/kasus/${f.caseId}/tindak-lanjut`}>
                        {f.caseCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t('visit', { months: f.offsetMonths })}</Table.Td>
                    <Table.Td>{formatDateMedium(f.dueDate, language)}</Table.Td>
                    <Table.Td>
                      <FollowUpStatusBadges followUp={f} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        {f.actions.includes('record') && (
                          <Button size="xs" onClick={() => setOpen({ followUp: f, step: 'record' })}>
                            {t('actions.record')}
                          </Button>
                        )}
                        {f.actions.includes('mark_missed') && (
                          <Button size="xs" variant="subtle" color="orange" onClick={() => setOpen({ followUp: f, step: 'missed' })}>
                            {t('actions.markMissed')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </>
    );
  };
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('mine.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('mine.intro', { days: DUE_SOON_DAYS })}
      </Text>
      {body()}
      {open?.step === 'record' && <RecordOutcomeModal followUp={open.followUp} onClose={() => setOpen(null)} />}
      {open?.step === 'missed' && <MarkMissedModal followUp={open.followUp} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
