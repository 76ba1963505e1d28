// Kysely types of migrations/0019_return_home_referrals.sql (return home).
import type { Generated } from 'kysely';

export interface ReturnHomeTable {
  id: Generated<number>;
  case_id: number;
  regency_code: string;
  home_region_code: string;
  home_region_source: 'nik' | 'declared';
  planned_date: string;
  route: Generated<string>;
  transport_mode: 'bus' | 'ship' | 'plane' | 'other';
  /** Integer rupiah (bigint: node-postgres answers a string). */
  cost_rupiah: number | string;
  payer: 'kemensos_local' | 'regional_budget';
  proposed_payer: 'kemensos_local' | 'regional_budget';
  payer_reason: string | null;
  status: Generated<'planned' | 'departed' | 'arrived' | 'cancelled'>;
  departed_on: string | null;
  departure_note: string | null;
  departure_confirmed_by: number | null;
  arrived_on: string | null;
  arrived_at: Date | null;
  arrival_note: string | null;
  arrival_confirmed_by: number | null;
  cancel_reason: string | null;
  letter_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
