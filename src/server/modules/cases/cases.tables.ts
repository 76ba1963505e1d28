// Kysely types of the case tables (migrations/0017_cases.sql).
import type { ColumnType, Generated } from 'kysely';

/** jsonb: written as JSON text, read back as the value. */
type Json<T> = ColumnType<T, string, string>;

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
  closure_requested_by: Generated<number | null>;
  closure_requested_at: Generated<Date | null>;
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

export interface CaseAssessmentFormTable {
  id: Generated<number>;
  key: string;
  version: number;
  title_id: string;
  title_en: string;
  definition: Json<unknown>;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CaseAssessmentTable {
  id: Generated<number>;
  case_id: number;
  form_id: number;
  version: number;
  previous_id: number | null;
  status: Generated<'draft' | 'submitted'>;
  answers_ct: Uint8Array;
  dek_wrapped: Uint8Array;
  key_id: string;
  score: number | null;
  flags: Generated<string[]>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_by: number | null;
  submitted_at: Date | null;
}

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface CasePlanTable {
  id: Generated<number>;
  case_id: number;
  version: number;
  previous_id: number | null;
  status: Generated<PlanStatus>;
  content_ct: Uint8Array;
  dek_wrapped: Uint8Array;
  key_id: string;
  components: Generated<string[]>;
  return_reason: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_by: number | null;
  submitted_at: Date | null;
  decided_by: number | null;
  decided_at: Date | null;
}

export interface CaseNoteTable {
  id: Generated<number>;
  case_id: number;
  ref: string;
  confidential: Generated<boolean>;
  body_ct: Uint8Array;
  dek_wrapped: Uint8Array;
  key_id: string;
  author_id: number | null;
  created_at: Generated<Date>;
}

export interface CaseNoteAttachmentTable {
  note_id: number;
  file_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CaseTaskTable {
  id: Generated<number>;
  case_id: number;
  title: string;
  /** 'YYYY-MM-DD' */
  due_date: string;
  done_at: Date | null;
  done_by: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
