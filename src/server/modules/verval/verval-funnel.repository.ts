// The verification funnel per site: persons listed (any version), on the latest
// version, evaluated, decided, eligible. Counts only; sites filtered by the
// programme's area and the caller's scope in SQL.
import { sql } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { inArea } from './verifications.repository.ts';

export interface FunnelRow {
  site_id: number;
  site_code: string;
  site_name: string;
  regency_code: string;
  regency_name: string;
  listed: number;
  on_latest_list: number;
  evaluated: number;
  verified: number;
  eligible: number;
  not_eligible: number;
  overridden: number;
}

export async function funnelRows(db: Executor, programme: { id: number; region_code: string | null }, scope: Scope | null, regency?: string): Promise<FunnelRow[]> {
  const scoped = scope === null ? sql`true` : scopeFilter(scope, 's.regency_code');
  const regencyFilter = regency ? scopeFilter({ level: 'regency', code: regency }, 's.regency_code') : sql`true`;
  const { rows } = await sql<FunnelRow>`
    select s.id as site_id, s.code as site_code, s.name as site_name, s.regency_code, r.name as regency_name,
      count(*)::int as listed,
      count(*) filter (where x.on_latest)::int as on_latest_list,
      count(v.proposed)::int as evaluated,
      count(v.decision)::int as verified,
      count(*) filter (where v.decision = 'eligible')::int as eligible,
      count(*) filter (where v.decision = 'not_eligible')::int as not_eligible,
      count(*) filter (where v.overridden)::int as overridden
    from (
      -- a record merged by the duplicate review counts as the record that stays
      select l.site_id, coalesce(m.merged_into_id, m.id) as person_id,
        bool_or(l.version = (select max(l2.version) from person_list l2 where l2.site_id = l.site_id)) as on_latest
      from person_list l join person_list_entry e on e.list_id = l.id join person m on m.id = e.person_id
      group by l.site_id, coalesce(m.merged_into_id, m.id)
    ) x
    join site s on s.id = x.site_id
    join region r on r.code = s.regency_code
    left join person_verification v on v.person_id = x.person_id and v.programme_id = ${programme.id}
    where ${inArea(programme.region_code, 's.regency_code')} and ${scoped} and ${regencyFilter}
    group by s.id, s.code, s.name, s.regency_code, r.name
    order by s.regency_code, s.code`.execute(db);
  return rows;
}
