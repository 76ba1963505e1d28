// Kysely types of the audit tables (migrations/0004_audit.sql).
import type { Generated } from 'kysely';

export interface AuditEventTable {
  seq: number;
  at: Date;
  actor_user_id: number | null;
  actor_username: string;
  actor_roles: string[];
  actor_scope: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_code: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  reason: string | null;
  summary: Record<string, unknown>;
  break_glass: boolean;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditCheckpointTable {
  id: Generated<number>;
  seq: number;
  hash: string;
  count: number;
  at: Generated<Date>;
  created_by: string;
}
