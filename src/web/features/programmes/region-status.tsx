// How a regency/city's closure status looks: one colour per status, and how late it is.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegionStatus } from '../../../common/programmes.ts';

export const STATUS_COLORS: Record<RegionStatus, string> = {
  not_started: 'gray',
  preparing: 'blue',
  awaiting_readiness: 'yellow',
  scheduled: 'cyan',
  closing: 'orange',
  closed: 'teal',
  monitoring: 'green',
  reopened: 'red',
};

export function RegionStatusBadge({ status }: { status: RegionStatus }) {
  const { t } = useTranslation('programmes');
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'reopened' ? 'filled' : 'light'} radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Today's calendar date where the browser is, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DONE: readonly RegionStatus[] = ['closed', 'monitoring'];

/** Whole days past the target date while the closure is not done; 0 when on time or done. */
export function daysLate(targetDate: string | null, status: RegionStatus, today: string = todayIso()): number {
  if (!targetDate || DONE.includes(status) || targetDate >= today) return 0;
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(today) - day(targetDate)) / 86_400_000);
}
