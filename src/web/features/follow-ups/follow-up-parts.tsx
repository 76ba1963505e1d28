// Small pieces shared by the follow-up screens: the status badge (with "overdue") and
// today's date in WIB for date inputs.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../common/follow-ups.ts';

const STATUS_COLOR = { scheduled: 'blue', done: 'teal', missed: 'orange', cancelled: 'gray' } as const;

export function FollowUpStatusBadges({ followUp: f }: { followUp: Pick<FollowUp, 'status' | 'overdue'> }) {
  const { t } = useTranslation('followUps');
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLOR[f.status]} variant="light">
        {t(`status.${f.status}`)}
      </Badge>
      {f.overdue && (
        <Badge color="red" variant="filled">
          {t('overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** Today's date (YYYY-MM-DD) in Western Indonesia Time, the date the server counts in. */
export const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
