// Kysely types of the payment tables (migrations/0021_payments.sql).
import type { ColumnType, Generated } from 'kysely';
import type { FundingSource } from '../../../common/aid.ts';
import type { BankFileField, BatchStatus, DateFormat, PaymentStatus } from '../../../common/payments.ts';

/** jsonb: written as JSON text, read back as the value. */
type Json<T> = ColumnType<T, string, string>;

export interface PaymentBankFormatTable {
  bank_code: string;
  name: string;
  separator: ',' | ';' | '|' | 'tab';
  header: boolean;
  date_format: DateFormat;
  columns: Json<{ header: string; field: BankFileField }[]>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface PaymentBatchTable {
  id: Generated<number>;
  reference: string;
  programme_id: number;
  year: number;
  region_code: string | null;
  filters: Json<{ schemeId?: number; componentId?: number; region?: string }>;
  status: Generated<BatchStatus>;
  payment_count: number;
  /** whole rupiah (bigint) */
  total_amount: number;
  prepared_by: number;
  prepared_at: Generated<Date>;
  approved_by: number | null;
  approved_at: Date | null;
  rejected_reason: string | null;
  sent_by: number | null;
  sent_at: Date | null;
  closed_at: Date | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PaymentBatchCounterTable {
  year: number;
  last: number;
}

export interface PaymentTable {
  id: Generated<number>;
  batch_id: number;
  entitlement_id: number;
  person_id: number;
  regency_code: string;
  component_id: number;
  funding_source: FundingSource;
  amount: number;
  bank_account_id: number;
  bank_code: string;
  reference: string;
  status: Generated<PaymentStatus>;
  status_changed_at: Generated<Date>;
  paid_at: Date | null;
  bank_reference: string | null;
  failure_note: string | null;
  version: Generated<number>;
}

export interface PaymentReconciliationTable {
  id: Generated<number>;
  batch_id: number;
  file_sha256: string;
  row_count: number;
  paid_count: number;
  failed_count: number;
  returned_count: number;
  mismatch_count: number;
  imported_by: number;
  imported_at: Generated<Date>;
}

export interface PaymentMismatchTable {
  id: Generated<number>;
  reconciliation_id: number;
  batch_id: number;
  row_number: number;
  kind: 'unknown_reference' | 'amount_differs' | 'duplicate_credit';
  reference: string;
  payment_id: number | null;
  expected_amount: number | null;
  reported_amount: number;
  status: Generated<'open' | 'resolved'>;
  resolution: string | null;
  resolved_by: number | null;
  resolved_at: Date | null;
}
