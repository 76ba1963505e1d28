import type { ColumnType, Generated } from 'kysely';

/** `date` columns come back as 'YYYY-MM-DD' (see platform/db). */
type DateColumn = string;

export interface SiteTable {
  id: Generated<number>;
  code: string;
  name: string;
  local_names: ColumnType<string[], string[] | undefined, string[]>;
  region_code: string;
  regency_code: string;
  latitude: number | null;
  longitude: number | null;
  description: Generated<string>;
  managing_parties: Generated<string>;
  status: Generated<'open' | 'closing' | 'closed' | 'reopened'>;
  closure_decree_number: string | null;
  closure_decree_date: DateColumn | null;
  closure_date: DateColumn | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SiteCodeCounterTable {
  regency_code: string;
  last_number: number;
}

export interface SiteMilestoneTable {
  site_id: number;
  stage: string;
  planned_date: DateColumn | null;
  done_date: DateColumn | null;
  note: Generated<string>;
  updated_at: Generated<Date>;
}

export interface SiteMilestoneEvidenceTable {
  id: Generated<number>;
  site_id: number;
  stage: string;
  file_id: number;
  created_at: Generated<Date>;
}

export interface SiteHeadCountTable {
  id: Generated<number>;
  site_id: number;
  counted_on: DateColumn;
  source: 'site_manager' | 'dinsos' | 'joint_verification' | 'other';
  workers: number;
  others_affected: number;
  reason_for_change: string;
  person_list_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface SiteMonitoringVisitTable {
  id: Generated<number>;
  site_id: number;
  visited_on: DateColumn;
  finding: 'no_activity' | 'activity_resumed' | 'converted_venue' | 'other';
  notes: string;
  visited_by: string;
  created_by: number | null;
  created_at: Generated<Date>;
}
