// The outcome report: of the cohort (cases whose follow-up series was anchored — case
// closed or returned home, whichever came first — within the period), the share in each
// outcome 3, 6 and 12 months after the anchor, from the latest visit recorded on or
// before each milestone ("unknown" when none). Only cases whose milestone has passed
// count. The report leaves the case workers' own screens (report.read), so every
// count from 1 to 4 is shown as "<5" with no share; when a milestone would have exactly
// one such cell, the next smallest is hidden too ("*"), so the total cannot give it away.
import { FOLLOW_UP_OUTCOMES, OUTCOME_MILESTONES, SUPPRESS_BELOW, type OutcomeReport, type OutcomeReportQuery, type ShownCount } from '../../../common/follow-ups.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope, scopeFilter } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { sql, type SqlBool } from 'kysely';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { wibDate } from '../registry/registry-access.ts';
import { addMonths } from './follow-ups.dates.ts';
import { followUpError } from './follow-ups.errors.ts';
import * as repo from './follow-ups.repository.ts';

const MAX_PERIOD_DAYS = 5 * 366;
type Bucket = (typeof FOLLOW_UP_OUTCOMES)[number] | 'unknown';
const BUCKETS: Bucket[] = [...FOLLOW_UP_OUTCOMES, 'unknown'];

const hidden = (n: number) => n > 0 && n < SUPPRESS_BELOW;

/** A count as shown: exact from SUPPRESS_BELOW on (and 0), else "<5"; a share only between two shown counts. */
export function shown(count: number, of: number | null, secondary = false): ShownCount {
  if (hidden(count)) return { count: null, shown: `<${SUPPRESS_BELOW}`, share: null };
  if (secondary) return { count: null, shown: '*', share: null };
  const share = of !== null && of > 0 && !hidden(of) ? Math.round((count / of) * 1000) / 1000 : null;
  return { count, shown: String(count), share };
}

export class FollowUpReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async outcomes(ctx: Context, q: OutcomeReportQuery): Promise<OutcomeReport> {
    authorize(ctx.actor, 'report.read');
    const days = (Date.parse(q.cohortTo) - Date.parse(q.cohortFrom)) / 86_400_000;
    if (days < 0 || days > MAX_PERIOD_DAYS) throw followUpError('follow_up.period_invalid', {}, [{ field: 'query.cohortTo', message: { id: 'Periode tidak sah', en: 'Invalid period' } }]);
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : null;
    if (q.regionCode && scope && !inScope(scope, q.regionCode)) throw followUpError('follow_up.region_out_of_scope');
    if (q.programmeId !== undefined && !(await findProgramme(this.db, q.programmeId, scope))) throw followUpError('follow_up.programme_not_found');
    const visible = ctx.actor.kind === 'system' ? sql<SqlBool>`true` : scopeFilter(scope, 'c.regency_code');
    const rows = await repo.cohortVisits(this.db, visible, { programmeId: q.programmeId, regionCode: q.regionCode, from: q.cohortFrom, to: q.cohortTo });

    const cases = new Map<number, { anchor: string; visits: { on: string; outcome: Bucket }[] }>();
    for (const r of rows) {
      const c = cases.get(r.case_id) ?? { anchor: r.anchor_date, visits: [] };
      if (r.visited_on && r.outcome) c.visits.push({ on: r.visited_on, outcome: r.outcome });
      cases.set(r.case_id, c);
    }
    const today = wibDate(this.clock());
    const milestones = OUTCOME_MILESTONES.map((months) => {
      const counts = new Map<Bucket, number>(BUCKETS.map((b) => [b, 0]));
      let reached = 0;
      for (const c of cases.values()) {
        const at = addMonths(c.anchor, months);
        if (at > today) continue;
        reached++;
        const latest = c.visits.filter((v) => v.on <= at).sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))[0];
        const b = latest?.outcome ?? 'unknown';
        counts.set(b, counts.get(b)! + 1);
      }
      // Secondary suppression: one hidden cell alone could be derived from the total.
      const hiddenCells = BUCKETS.filter((b) => hidden(counts.get(b)!));
      let alsoHide: Bucket | null = null;
      if (hiddenCells.length === 1 && !hidden(reached)) {
        const others = BUCKETS.filter((b) => counts.get(b)! >= SUPPRESS_BELOW).sort((a, b) => counts.get(a)! - counts.get(b)!);
        alsoHide = others[0] ?? null;
      }
      return {
        months,
        reached: shown(reached, null),
        outcomes: BUCKETS.map((outcome) => ({ outcome, ...shown(counts.get(outcome)!, reached, outcome === alsoHide) })),
      };
    });
    return {
      query: { programmeId: q.programmeId ?? null, regionCode: q.regionCode ?? null, cohortFrom: q.cohortFrom, cohortTo: q.cohortTo },
      asOf: today,
      cohort: shown(cases.size, null),
      milestones,
    };
  }
}
