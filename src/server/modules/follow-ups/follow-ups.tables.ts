// Kysely types of the follow-up tables (migrations/0022_follow_ups.sql).
import type { Generated } from 'kysely';
import type { FollowUpOutcome, FollowUpStatus } from '../../../common/follow-ups.ts';

export interface FollowUpScheduleTable {
  programme_id: number;
  offsets_months: number[];
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface FollowUpTable {
  id: Generated<number>;
  case_id: number;
  regency_code: string;
  source: 'closure' | 'return_home';
  /** 'YYYY-MM-DD' */
  anchor_date: string;
  offset_months: number;
  /** 'YYYY-MM-DD' */
  due_date: string;
  status: Generated<FollowUpStatus>;
  visited_on: string | null;
  outcome: FollowUpOutcome | null;
  moved_region_code: string | null;
  note_ct: Uint8Array | null;
  note_dek_wrapped: Uint8Array | null;
  note_key_id: string | null;
  status_reason: Generated<string>;
  recorded_by: number | null;
  recorded_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
