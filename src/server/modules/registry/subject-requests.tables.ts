// Kysely types of the data-subject request register (migrations/0014_registry_rights.sql, 0025).
import type { ColumnType, Generated } from 'kysely';
import type { SubjectRequestChannel, SubjectRequestKind, SubjectRequestStatus } from '../../../common/registry-rights.ts';

export interface SubjectRequestTable {
  id: Generated<number>;
  person_id: number;
  kind: SubjectRequestKind;
  channel: SubjectRequestChannel;
  received_at: Date;
  due_at: Date;
  status: Generated<SubjectRequestStatus>;
  details: string | null;
  response_note: string | null;
  refusal_reason: string | null;
  corrected_fields: Generated<string[]>;
  exported_at: Date | null;
  /** A deletion's erasure: rows shredded per kind (migration 0025); jsonb, written as JSON text. */
  erasure_counts: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  answered_by: number | null;
  answered_at: Date | null;
  registered_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
