// Kysely types of the case tables (migrations/0017_cases.sql).
import type { Generated } from 'kysely';

export type CaseStatus = 'intake' | 'assessment' | 'plan' | 'services' | 'follow_up' | 'closed';

export interface RehabCaseTable {
  id: Generated<number>;
  person_id: number;
  programme_id: number;
  regency_code: string;
  status: Generated<CaseStatus>;
  assigned_user_id: number | null;
  supervisor_user_id: number | null;
  opened_at: Generated<Date>;
  closed_at: Date | null;
  closure_reason: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RehabCaseAssignmentTable {
  id: Generated<number>;
  case_id: number;
  user_id: number | null;
  role: 'case_worker' | 'supervisor';
  reason: Generated<string>;
  assigned_by: number | null;
  assigned_at: Generated<Date>;
}

export interface RehabCaseEventTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  reason: Generated<string>;
  actor_id: number | null;
  at: Generated<Date>;
}
