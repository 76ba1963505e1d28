import type { Generated } from 'kysely';

export interface PersonCodeCounterTable {
  regency_code: string;
  last_number: number;
}

/** No plaintext identity column: see migrations/0011_registry.sql. */
export interface PersonTable {
  id: Generated<number>;
  case_code: string;
  alias: string | null;
  regency_code: string;
  site_id: number | null;
  sex: 'male' | 'female';
  lawful_basis: 'legal_obligation' | 'public_task' | 'consent';
  assigned_user_id: number | null;
  /** Null once erased (crypto-shredded, migration 0014), like the wrapped key and the key id. */
  identity_ct: Buffer | null;
  dek_wrapped: Buffer | null;
  key_id: string | null;
  dek_created_at: Generated<Date>;
  nik_bidx: number | null;
  kk_bidx: number | null;
  phone_bidx: number | null;
  /** Full-length HMAC of the NIK (migration 0012): exact, registry-wide matching. */
  nik_match: Buffer | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Optimistic concurrency: incremented by every change (migration 0014). */
  version: Generated<number>;
  processing_restricted: Generated<boolean>;
  erased_at: Date | null;
}

export interface PersonConsentTable {
  id: Generated<number>;
  person_id: number;
  purpose: string;
  given_at: Date;
  withdrawn_at: Date | null;
  document_ref: string | null;
  recorded_by: number | null;
  created_at: Generated<Date>;
}
