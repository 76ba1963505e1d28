import type { Generated } from 'kysely';
import type { RegionStatus } from '../../../common/programmes.ts';

export interface ProgrammeTable {
  id: Generated<number>;
  level: 'national' | 'province';
  parent_id: number | null;
  name: string;
  owner: string;
  region_code: string | null;
  /** 'YYYY-MM-DD' */
  target_date: string | null;
  description: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProgrammeRegionTable {
  id: Generated<number>;
  programme_id: number;
  region_code: string;
  target_date: string | null;
  status: Generated<RegionStatus>;
  status_changed_at: Generated<Date>;
  created_at: Generated<Date>;
}

export interface ProgrammeRegionStatusChangeTable {
  id: Generated<number>;
  programme_region_id: number;
  from_status: RegionStatus;
  to_status: RegionStatus;
  changed_at: Date;
  changed_by: number | null;
  reason: string;
  evidence: string | null;
  evidence_ref: string | null;
}

export interface ReadinessRequestTable {
  id: Generated<number>;
  programme_region_id: number;
  asked_at: string;
  asked_of: string;
  question: string;
  answered_at: string | null;
  answer: 'ready' | 'not_ready' | 'conditional' | null;
  answered_by: string | null;
  answer_note: string | null;
  document_ref: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
