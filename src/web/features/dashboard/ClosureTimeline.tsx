// The closure timeline (Gantt-style), in plain CSS: one row per regency/city with its
// status segments along a date axis, site milestones (done: filled, planned: hollow),
// site closures, the region's target date (dotted), the programme's target (dashed)
// and a vertical "today" line. Rows are keyboard-focusable and describe themselves
// (aria-label, tooltip); every mark has a title.
import { Text, Tooltip } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Timeline } from '../../../common/dashboard.ts';
import { formatDateMedium, type DisplayLanguage } from '../../../common/format.ts';
import { REGION_STATUSES } from '../../../common/programmes.ts';
import { useDisplayLanguage } from '../../app/i18n.ts';
import { STATUS_COLORS } from '../programmes/region-status.tsx';
import { mantineColor } from './DashboardCharts.tsx';
import classes from './ClosureTimeline.module.css';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The axis: the data's range with a little room on both sides (at least a month in all). */
export function axisRange(range: { start: string; end: string }): { start: number; end: number } {
  const span = Math.max(day(range.end) - day(range.start), 30 * DAY);
  const pad = Math.round(span * 0.04) + DAY;
  return { start: day(range.start) - pad, end: day(range.start) + span + pad };
}

/** Month starts on the axis (every month, or every 3rd/6th/12th for long ranges). */
export function monthTicks(start: number, end: number): number[] {
  const months = (end - start) / (30 * DAY);
  const every = months <= 14 ? 1 : months <= 36 ? 3 : months <= 72 ? 6 : 12;
  const first = new Date(start);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth() + 1;
  const ticks: number[] = [];
  for (;;) {
    if (m > 11) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const at = Date.UTC(y, m, 1);
    if (at > end) break;
    if (m % every === 0) ticks.push(at);
    m += 1;
  }
  return ticks;
}

const monthFormats: Partial<Record<DisplayLanguage, Intl.DateTimeFormat>> = {};
function monthLabel(ms: number, language: DisplayLanguage): string {
  monthFormats[language] ??= new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return monthFormats[language].format(new Date(ms));
}

export function ClosureTimeline({ data }: { data: Timeline }) {
  const { t } = useTranslation(['dashboard', 'programmes', 'sites']);
  const language = useDisplayLanguage();
  const { start, end } = axisRange(data.range);
  const pos = (iso: string) => `${(((day(iso) - start) / (end - start)) * 100).toFixed(3)}%`;
  const width = (from: string, to: string) => `${(((day(to) - day(from)) / (end - start)) * 100).toFixed(3)}%`;
  const date = (iso: string) => formatDateMedium(iso, language);
  const status = (s: (typeof REGION_STATUSES)[number]) => t(`programmes:status.${s}`);

  if (data.regions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('timeline.empty')}
      </Text>
    );
  }

  return (
    <div className={classes.chart}>
      <div className={classes.inner}>
        <div className={classes.row} aria-hidden>
          <span />
          <div className={classes.axis}>
            {monthTicks(start, end).map((ms) => (
              <span key={ms} className={classes.tick} style={{ left: pos(isoOf(ms)) }}>
                {monthLabel(ms, language)}
              </span>
            ))}
          </div>
        </div>
        <ul aria-label={t('timeline.caption')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.regions.map((r) => {
            const segments = r.segments.map((s) => t('timeline.segment', { status: status(s.status), start: date(s.start), end: s.end ? date(s.end) : t('timeline.ongoing') }));
            const marks = (r.sites ?? []).flatMap((site) => [
              ...site.milestones.flatMap((m) => {
                const doneOrPlanned = m.doneDate ?? m.plannedDate;
                if (!doneOrPlanned) return [];
                const label = t('timeline.milestone', {
                  site: site.name,
                  stage: t(`sites:stages.${m.stage}`),
                  state: t(m.doneDate ? 'timeline.done' : 'timeline.planned'),
                  date: date(doneOrPlanned),
                });
                return [{ key: `${site.id}-${m.stage}`, at: doneOrPlanned, done: m.doneDate !== null, closure: false, label }];
              }),
              ...(site.closureDate ? [{ key: `${site.id}-closure`, at: site.closureDate, done: true, closure: true, label: t('timeline.closure', { site: site.name, date: date(site.closureDate) }) }] : []),
            ]);
            const summary = [
              t('timeline.rowSummary', {
                name: r.regionName,
                status: status(r.status),
                target: r.targetDate ? date(r.targetDate) : t('timeline.none'),
                segments: segments.join('; '),
              }),
              ...(r.closedOn ? [t('timeline.closedOn', { date: date(r.closedOn) })] : []),
              ...marks.map((m) => m.label),
            ].join('. ');
            return (
              <Tooltip key={r.id} label={summary} multiline w={360} events={{ hover: true, focus: true, touch: true }} withinPortal>
                <li className={classes.row} tabIndex={0} aria-label={summary}>
                  <span className={classes.label}>
                    {r.regionName}
                    <Text component="span" display="block" size="xs" c="dimmed">
                      {status(r.status)}
                      {r.closedOn ? ` · ${t('timeline.closedOn', { date: date(r.closedOn) })}` : ''}
                    </Text>
                  </span>
                  <div className={classes.track} aria-hidden>
                    {r.segments.map((s, i) => {
                      const to = s.end ?? data.today;
                      const style: CSSProperties = {
                        left: pos(s.start),
                        width: to > s.start ? width(s.start, to) : '2px',
                        background: mantineColor(STATUS_COLORS[s.status], s.status === 'not_started' ? 3 : 5),
                      };
                      return <span key={i} className={classes.segment} style={style} title={segments[i]} />;
                    })}
                    {r.targetDate && (
                      <span className={classes.target} style={{ left: pos(r.targetDate) }} title={`${t('timeline.target')}: ${date(r.targetDate)}`} />
                    )}
                    {marks.map((m) => (
                      <span
                        key={m.key}
                        className={m.closure ? classes.closure : `${classes.marker} ${m.done ? classes.markerDone : ''}`}
                        style={{ left: pos(m.at) }}
                        title={m.label}
                      />
                    ))}
                  </div>
                </li>
              </Tooltip>
            );
          })}
        </ul>
        <div className={classes.overlay} aria-hidden>
          {data.programme.targetDate && (
            <span className={classes.programmeTarget} style={{ left: pos(data.programme.targetDate) }} title={`${t('timeline.programmeTarget')}: ${date(data.programme.targetDate)}`} />
          )}
          <span className={classes.today} style={{ left: pos(data.today) }}>
            <span className={classes.todayLabel}>{t('timeline.today')}</span>
          </span>
        </div>
      </div>
      <Text size="sm" mt="xs">
        {t('timeline.today')}: {date(data.today)}
        {data.programme.targetDate ? ` · ${t('timeline.programmeTarget')}: ${date(data.programme.targetDate)}` : ''}
      </Text>
      <ul className={classes.legend} aria-label={t('timeline.legend')}>
        {REGION_STATUSES.map((s) => (
          <li key={s}>
            <span className={classes.swatch} style={{ background: mantineColor(STATUS_COLORS[s], s === 'not_started' ? 3 : 5) }} aria-hidden />
            {status(s)}
          </li>
        ))}
        <li>
          <span className={classes.legendMarker} aria-hidden>
            <span className={`${classes.marker} ${classes.markerDone}`} />
          </span>
          {t('timeline.milestoneDone')}
        </li>
        <li>
          <span className={classes.legendMarker} aria-hidden>
            <span className={classes.marker} />
          </span>
          {t('timeline.milestonePlanned')}
        </li>
        <li>
          <span className={classes.legendMarker} aria-hidden>
            <span className={classes.closure} />
          </span>
          {t('timeline.siteClosure')}
        </li>
        <li>
          <span className={classes.swatch} style={{ borderLeft: `3px dotted ${mantineColor('red', 7)}`, width: 4 }} aria-hidden />
          {t('timeline.target')}
        </li>
        <li>
          <span className={classes.swatch} style={{ borderLeft: `2px solid ${mantineColor('red', 7)}`, width: 4 }} aria-hidden />
          {t('timeline.today')}
        </li>
      </ul>
    </div>
  );
}
