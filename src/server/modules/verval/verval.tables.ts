// Kysely types of the verification tables (migrations/0013_person_lists.sql).
import type { ColumnType, Generated } from 'kysely';
import type { Decision, ListSource, Proposed, RuleResult, RuleSpec, VerificationEventKind } from '../../../common/verval.ts';

/** jsonb: written as JSON text, read back as the value. */
type Json<T> = ColumnType<T, string, string>;

export interface PersonListTable {
  id: Generated<number>;
  site_id: number;
  version: number;
  source: ListSource;
  /** 'YYYY-MM-DD' */
  list_date: string;
  note: Generated<string>;
  previous_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface PersonListEntryTable {
  list_id: number;
  person_id: number;
}

export interface PersonListChangeTable {
  list_id: number;
  person_id: number;
  change: 'added' | 'dropped';
  reason: Generated<string>;
}

export interface EligibilityRuleSetTable {
  id: Generated<number>;
  programme_id: number;
  version: number;
  rules: Json<RuleSpec[]>;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface PersonVerificationTable {
  id: Generated<number>;
  programme_id: number;
  person_id: number;
  ektp_seen: boolean | null;
  ektp_recorded_at: Date | null;
  rule_set_id: number | null;
  results: ColumnType<RuleResult[], string | undefined, string>;
  proposed: Proposed | null;
  evaluated_at: Date | null;
  decision: Decision | null;
  decision_reason: Generated<string>;
  overridden: Generated<boolean>;
  decided_by: number | null;
  decided_at: Date | null;
  updated_at: Generated<Date>;
}

export interface PersonVerificationEventTable {
  id: Generated<number>;
  verification_id: number;
  kind: VerificationEventKind;
  ektp_seen: boolean | null;
  rule_set_version: number | null;
  results: ColumnType<RuleResult[] | null, string | null, string | null>;
  proposed: Proposed | null;
  decision: Decision | null;
  reason: Generated<string>;
  actor_user_id: number | null;
  actor_username: string;
  at: Generated<Date>;
}
