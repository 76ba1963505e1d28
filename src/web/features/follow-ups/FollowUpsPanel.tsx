// The "Tindak lanjut" panel of a case: its follow-up visits (due date, status, overdue,
// outcome) with the steps each visit's `actions` allow. Exported for the case detail page.
import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../common/follow-ups.ts';
import { formatDateMedium } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { FollowUpStatusBadges } from './follow-up-parts.tsx';
import { MarkMissedModal, RecordOutcomeModal } from './FollowUpModals.tsx';
import { useCaseFollowUps } from './follow-ups.api.ts';

export function FollowUpsPanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation('followUps');
  const data = useCaseFollowUps(caseId);
  const [open, setOpen] = useState<{ followUp: FollowUp; step: 'record' | 'missed' } | null>(null);
  if (data.error) return <ErrorState title={t('loadFailed')} error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <PageLoader />;
  const { items, offsetsMonths } = data.data;
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('panel.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('panel.schedule', { months: offsetsMonths.join(', ') })}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">{t('panel.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.visit')}</Table.Th>
                <Table.Th>{t('columns.dueDate')}</Table.Th>
                <Table.Th>{t('columns.status')}</Table.Th>
                <Table.Th>{t('columns.visitedOn')}</Table.Th>
                <Table.Th>{t('columns.outcome')}</Table.Th>
                <Table.Th>{t('columns.note')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <FollowUpRow key={f.id} followUp={f} onStep={(step) => setOpen({ followUp: f, step })} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open?.step === 'record' && <RecordOutcomeModal followUp={open.followUp} onClose={() => setOpen(null)} />}
      {open?.step === 'missed' && <MarkMissedModal followUp={open.followUp} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function FollowUpRow({ followUp: f, onStep }: { followUp: FollowUp; onStep: (step: 'record' | 'missed') => void }) {
  const { t } = useTranslation('followUps');
  const language = useDisplayLanguage();
  const date = (d: string) => formatDateMedium(d, language);
  const reason = f.statusReason === 'case_reopened' ? t('reasons.caseReopened') : f.statusReason;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{t('visit', { months: f.offsetMonths })}</Text>
        <Text size="xs" c="dimmed">
          {t(`source.${f.source}`, { date: date(f.anchorDate) })}
        </Text>
      </Table.Td>
      <Table.Td>{date(f.dueDate)}</Table.Td>
      <Table.Td>
        <FollowUpStatusBadges followUp={f} />
        {(f.status === 'missed' || f.status === 'cancelled') && reason && (
          <Text size="xs" c="dimmed" mt={2}>
            {reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{f.visitedOn ? date(f.visitedOn) : '—'}</Table.Td>
      <Table.Td>
        {f.outcome ? t(`outcomes.${f.outcome}`) : '—'}
        {f.movedRegionCode && (
          <Text size="xs" c="dimmed">
            {t('movedTo', { code: f.movedRegionCode })}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={260}>
        {f.note !== null ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {f.note}
          </Text>
        ) : f.hasNote ? (
          <Text size="xs" c="dimmed">
            {t('noteHidden')}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          {f.actions.includes('record') && (
            <Button size="xs" onClick={() => onStep('record')}>
              {t('actions.record')}
            </Button>
          )}
          {f.actions.includes('mark_missed') && (
            <Button size="xs" variant="subtle" color="orange" onClick={() => onStep('missed')}>
              {t('actions.markMissed')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
