// Kysely types of the aid tables (migrations/0020_aid.sql).
import type { Generated } from 'kysely';
import type { EntitlementReviewReason, EntitlementStatus, FundingSource, SchemeStatus } from '../../../common/aid.ts';

export interface AidSchemeTable {
  id: Generated<number>;
  programme_id: number;
  year: number;
  name: string;
  note: Generated<string>;
  status: Generated<SchemeStatus>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AidComponentTable {
  id: Generated<number>;
  scheme_id: number;
  code: string;
  name: string;
  /** whole rupiah (bigint) */
  amount: number;
  funding_source: FundingSource;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AidEntitlementTable {
  id: Generated<number>;
  person_id: number;
  programme_id: number;
  scheme_id: number;
  component_id: number;
  component_code: string;
  /** whole rupiah (bigint), copied from the component at generation */
  amount: number;
  funding_source: FundingSource;
  regency_code: string;
  nik_match: Buffer | null;
  status: Generated<EntitlementStatus>;
  status_changed_at: Generated<Date>;
  paid_at: Date | null;
  review_required: Generated<boolean>;
  review_reason: EntitlementReviewReason | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  review_note: Generated<string>;
  cancel_reason: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
