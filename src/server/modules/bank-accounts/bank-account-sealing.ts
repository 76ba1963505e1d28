// How a bank account is sealed: one place for the bank-accounts module, which seals and
// opens accounts, and payments, which open them in memory for a bank file.
import { recordAad, type RecordSealer } from '../../platform/crypto/envelope.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';
import { bankAccountError } from './bank-accounts.errors.ts';

export interface SealedAccount {
  accountNumber: string;
  holderName: string;
}

/** The associated data binding an account's ciphertext to its person. */
export const bankAccountRef = (caseCode: string) => `bank-account/${caseCode}`;

/** Opens an account in memory; an erased one (nothing sealed left) answers 410 bank_account.erased. */
export function openBankAccount(sealer: RecordSealer, caseCode: string, row: { account_ct: Uint8Array | null; dek_wrapped: Uint8Array | null }): SealedAccount {
  if (!row.account_ct || !row.dek_wrapped) throw bankAccountError('bank_account.erased');
  return sealer.open<SealedAccount>(bankAccountRef(caseCode), { ciphertext: Buffer.from(row.account_ct), wrappedKey: Buffer.from(row.dek_wrapped) });
}

/** Bank accounts for master-key rotation: the AAD names the account's person by case code. */
export const bankAccountSealedColumns: SealedColumns = {
  form: 'envelope',
  kind: 'bankAccounts',
  table: 'person_bank_account',
  key: ['id'],
  ciphertexts: ['account_ct'],
  wrappedKey: 'dek_wrapped',
  keyId: 'key_id',
  join: { table: 'person', as: 'p', on: ['person_id', 'id'] },
  reads: ['p.case_code'],
  aad: (row) => recordAad(bankAccountRef(String(row.case_code))),
};
