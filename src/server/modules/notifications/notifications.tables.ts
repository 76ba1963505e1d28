import type { Generated } from 'kysely';

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}
