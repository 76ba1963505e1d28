// Sealing one person's identity into the encrypted columns of `person`: the one
// function PersonService.create and the import workers share, so a person made by
// hand and one made by an import are byte-for-byte the same kind of record.
// Pure and synchronous over key material (no database, no provider): worker
// threads run it with the derived keys they were handed.
import type { IdentityField } from '../../../common/persons.ts';
import type { BlindIndexer } from '../../platform/crypto/blind-index.ts';
import { recordAad, type RecordSealer } from '../../platform/crypto/envelope.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';

/** The AAD reference binding a person's ciphertext and wrapped key to the record. */
export const personRef = (caseCode: string) => `person/${caseCode}`;

/** A person's identity for master-key rotation; erased persons (nothing sealed) are skipped. */
export const personSealedColumns: SealedColumns = {
  form: 'envelope',
  kind: 'persons',
  table: 'person',
  key: ['id'],
  ciphertexts: ['identity_ct'],
  wrappedKey: 'dek_wrapped',
  keyId: 'key_id',
  reads: ['case_code'],
  aad: (row) => recordAad(personRef(String(row.case_code))),
  dekCreatedAt: 'dek_created_at',
};

/** The encrypted payload: identity fields, normalised; absent fields are left out. */
export type StoredIdentity = Partial<Record<IdentityField, string>>;

/** Exactly the encrypted and indexed columns of a `person` row. */
export interface SealedPersonColumns {
  identity_ct: Buffer;
  dek_wrapped: Buffer;
  key_id: string;
  nik_bidx: number | null;
  kk_bidx: number | null;
  phone_bidx: number | null;
  nik_match: Buffer | null;
}

export function sealPerson(sealer: RecordSealer, indexer: BlindIndexer, caseCode: string, identity: StoredIdentity): SealedPersonColumns {
  const sealed = sealer.seal(personRef(caseCode), identity);
  return {
    identity_ct: sealed.ciphertext,
    dek_wrapped: sealed.wrappedKey,
    key_id: sealed.keyId,
    nik_bidx: indexer.index('nik', identity.nik),
    kk_bidx: indexer.index('kk', identity.kk),
    phone_bidx: indexer.index('phone', identity.phone),
    nik_match: indexer.matchToken(identity.nik),
  };
}

/** The case code of a regency's n-th person: TNT-6503-000123. */
export const caseCodeOf = (regencyCode: string, n: number) => `TNT-${regencyCode.replace('.', '')}-${String(n).padStart(6, '0')}`;

/**
 * Opens a person's sealed identity in memory (null once erased): for use cases that
 * compute from identity without showing it (eligibility rules). Callers check
 * restriction of processing and never store, log or return the values.
 */
export function openIdentity(sealer: RecordSealer, p: { case_code: string; identity_ct: Buffer | null; dek_wrapped: Buffer | null }): StoredIdentity | null {
  if (!p.identity_ct || !p.dek_wrapped) return null;
  return sealer.open<StoredIdentity>(personRef(p.case_code), { ciphertext: Buffer.from(p.identity_ct), wrappedKey: Buffer.from(p.dek_wrapped) });
}
