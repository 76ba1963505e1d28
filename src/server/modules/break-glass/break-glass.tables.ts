import type { Generated } from 'kysely';

export interface BreakGlassGrantTable {
  id: Generated<number>;
  user_id: number;
  entity_type: string;
  entity_id: string;
  region_code: string | null;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  review_decision: 'justified' | 'unjustified' | null;
  review_note: string | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
}
