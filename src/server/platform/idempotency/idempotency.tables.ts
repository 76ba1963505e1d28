// Kysely type of the idempotency keys (migrations/0021_payments.sql).
import type { Generated } from 'kysely';

export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  method: string;
  route: string;
  fingerprint: string;
  state: Generated<'pending' | 'done'>;
  claim_token: string;
  claimed_at: Date;
  status_code: number | null;
  content_type: string | null;
  response: string | null;
  created_at: Generated<Date>;
  completed_at: Date | null;
}
