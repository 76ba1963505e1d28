// The outcome report's figures: one row per outcome, one column per milestone (3, 6, 12
// months), each cell the count exactly as the API shows it ("<5", "*") and its share.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES, type OutcomeReport, type ShownCount } from '../../../common/follow-ups.ts';
import type { DisplayLanguage } from '../../../common/format.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';

export const REPORT_BUCKETS = [...FOLLOW_UP_OUTCOMES, 'unknown'] as const;

export function formatShare(share: number, language: DisplayLanguage): string {
  return `${(share * 100).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })} %`;
}

function Cell({ value }: { value: ShownCount | undefined }) {
  const language = useDisplayLanguage();
  if (!value) return <Table.Td>—</Table.Td>;
  return (
    <Table.Td ta="right">
      {value.shown}
      {value.share !== null && (
        <Text span size="xs" c="dimmed" ml={6}>
          ({formatShare(value.share, language)})
        </Text>
      )}
    </Table.Td>
  );
}

export function OutcomeTable({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation('followUps');
  const ms = report.milestones;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('report.tableCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('report.outcome')}</Table.Th>
            {ms.map((m) => (
              <Table.Th scope="col" key={m.months} ta="right">
                {t('report.milestone', { months: m.months })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr fw={600}>
            <Table.Th scope="row">{t('report.reached')}</Table.Th>
            {ms.map((m) => (
              <Cell key={m.months} value={m.reached} />
            ))}
          </Table.Tr>
          {REPORT_BUCKETS.map((b) => (
            <Table.Tr key={b}>
              <Table.Th scope="row" fw={400}>
                {t(`outcomes.${b}`)}
              </Table.Th>
              {ms.map((m) => (
                <Cell key={m.months} value={m.outcomes.find((o) => o.outcome === b)} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
