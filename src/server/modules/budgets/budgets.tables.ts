// Kysely types of the budget table (migrations/0020_aid.sql).
import type { Generated } from 'kysely';
import type { FundingSource } from '../../../common/aid.ts';

export interface BudgetAllocationTable {
  id: Generated<number>;
  funding_source: FundingSource;
  year: number;
  programme_id: number;
  component_id: number;
  /** null for the national budget (APBN); a province or regency/city for APBD */
  region_code: string | null;
  /** whole rupiah (bigint) */
  amount: number;
  note: Generated<string>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
