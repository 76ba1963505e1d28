// Small pieces shared by the meeting pages.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateLong, formatDateMedium } from '../../../common/format.ts';
import { localDateTime, type ActionItemStatus } from '../../../common/meetings.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';

/** A meeting's start in the local time of its region: "Jumat, 18 Mei 2018, 09.00 WITA". */
export function MeetingTime({ startsAt, regionCode, long = false }: { startsAt: string; regionCode: string; long?: boolean }) {
  const language = useDisplayLanguage();
  const local = localDateTime(startsAt, regionCode);
  const date = long ? formatDateLong(local.date, language) : formatDateMedium(local.date, language);
  const time = language === 'id' ? local.time.replace(':', '.') : local.time;
  return <time dateTime={startsAt}>{`${date}, ${time} ${local.label}`}</time>;
}

const STATUS_COLORS: Record<ActionItemStatus, string> = { open: 'blue', in_progress: 'yellow', done: 'teal', cancelled: 'gray' };

export function ActionStatusBadge({ status, overdue }: { status: ActionItemStatus; overdue: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <>
      <Badge color={STATUS_COLORS[status]} variant="light" size="sm">
        {t(`statuses.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red" size="sm" ml={4}>
          {t('items.overdue')}
        </Badge>
      )}
    </>
  );
}
