// A referral's snapshot of the shared fields is sealed under its own data key, bound
// to the referral's id; shredding nulls the ciphertext and the wrapped key.
import { recordAad } from '../../platform/crypto/envelope.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';

export const referralRef = (id: number) => `referral/${id}`;

/** Snapshots for master-key rotation; shredded ones are skipped. */
export const referralSnapshotSealedColumns: SealedColumns = {
  form: 'envelope',
  kind: 'referralSnapshots',
  table: 'referral',
  key: ['id'],
  ciphertexts: ['snapshot_ct'],
  wrappedKey: 'snapshot_dek',
  keyId: 'snapshot_key_id',
  aad: (row) => recordAad(referralRef(Number(row.id))),
};
