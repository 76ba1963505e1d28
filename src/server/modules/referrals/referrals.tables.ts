// Kysely types of migrations/0019_return_home_referrals.sql (referrals).
import type { Generated } from 'kysely';

export interface ReferralTable {
  id: Generated<number>;
  case_id: number;
  regency_code: string;
  service: 'health' | 'hiv' | 'reproductive_health' | 'legal_aid' | 'employment' | 'shelter' | 'other';
  purpose: string;
  organisation: string;
  organisation_contact: Generated<string>;
  shared_fields: string[];
  consent_id: number | null;
  override_request_reason: string | null;
  override_reason: string | null;
  override_by: number | null;
  override_at: Date | null;
  status: 'pending_override' | 'active' | 'revoked';
  expires_on: string;
  /** The shared values, sealed (AAD referral/<id>); null once shredded. */
  snapshot_ct: Buffer | null;
  snapshot_dek: Buffer | null;
  snapshot_key_id: string | null;
  shredded_at: Date | null;
  shred_reason: 'expired' | 'revoked' | 'consent_withdrawn' | 'person_erased' | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  revoked_by: number | null;
  response: 'accepted' | 'declined' | 'service_given' | null;
  response_on: string | null;
  response_note: string | null;
  response_recorded_by: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
