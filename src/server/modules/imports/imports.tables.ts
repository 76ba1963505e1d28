import type { ColumnType, Generated } from 'kysely';
import type { ImportStatus } from '../../../common/imports.ts';

/** See migrations/0015_person_imports.sql. */
export interface PersonImportTable {
  id: Generated<number>;
  site_id: number;
  regency_code: string;
  kind: 'csv' | 'xlsx';
  source: 'upload' | 'local';
  original_name: string;
  size_bytes: Generated<number>;
  status: ImportStatus;
  dry_run: boolean;
  lawful_basis: 'legal_obligation' | 'public_task' | 'consent';
  total_rows: number | null;
  valid_rows: number | null;
  error_rows: number | null;
  error_count: number | null;
  warning_count: number | null;
  staged_rows: Generated<number>;
  committed_rows: number | null;
  progress_done: Generated<number>;
  progress_total: number | null;
  preview: ColumnType<unknown, string | null, string | null>;
  issues: ColumnType<unknown, string | null, string | null>;
  issues_truncated: Generated<boolean>;
  first_case_code: string | null;
  last_case_code: string | null;
  job_id: number | null;
  failure: string | null;
  heartbeat_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  validated_at: Date | null;
  finished_at: Date | null;
}

export interface PersonImportChunkTable {
  import_id: number;
  seq: number;
  ct: Buffer;
  dek_wrapped: Buffer;
  key_id: string;
}

/** Staged sealed rows: person's encrypted columns plus the row number. */
export interface PersonImportRowTable {
  import_id: number;
  row_no: number;
  case_code: string;
  alias: string | null;
  sex: 'male' | 'female';
  identity_ct: Buffer;
  dek_wrapped: Buffer;
  key_id: string;
  nik_bidx: number | null;
  kk_bidx: number | null;
  phone_bidx: number | null;
  nik_match: Buffer | null;
  /** now() of the COPY that stored it: on PostgreSQL the sealing streams into it, so about when the sealing began. */
  sealed_at: Generated<Date>;
}
