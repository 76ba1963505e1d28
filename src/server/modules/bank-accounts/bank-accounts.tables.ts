// Kysely types of the bank account table (migrations/0020_aid.sql).
import type { Generated } from 'kysely';
import type { BankAccountReviewStatus, NameCheck } from '../../../common/aid.ts';

export interface PersonBankAccountTable {
  id: Generated<number>;
  person_id: number;
  bank_code: string;
  /** sealed {accountNumber, holderName} under the account's own data key (RecordSealer); null once erased */
  account_ct: Buffer | null;
  dek_wrapped: Buffer | null;
  key_id: string | null;
  /** HMAC of bank code + account number: one account given for two persons; null once erased */
  account_match: Buffer | null;
  name_check: NameCheck;
  name_score: number | null;
  review_status: Generated<BankAccountReviewStatus>;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  review_note: Generated<string>;
  status: Generated<'active' | 'inactive'>;
  deactivated_at: Date | null;
  /** Crypto-shredded with the person's identity (migration 0025): nothing sealed left, inactive. */
  erased_at: Date | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
