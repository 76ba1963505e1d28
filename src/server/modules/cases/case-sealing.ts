// Sealing a case's sensitive content (assessment answers, plans, note texts) with the
// platform's envelope encryption, as persons seal identity: one data key per record,
// wrapped under the master key, both bound to the record by its AAD reference.
import type { RecordSealer, SealedRecord } from '../../platform/crypto/envelope.ts';

export const assessmentRef = (caseId: number, version: number) => `case-assessment/${caseId}/${version}`;
export const planRef = (caseId: number, version: number) => `case-plan/${caseId}/${version}`;
export const noteRef = (ref: string) => `case-note/${ref}`;

const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The sealed columns of a row: ciphertext, wrapped data key, key id. */
export function sealColumns(sealer: RecordSealer, ref: string, value: unknown): SealedRecord {
  return sealer.seal(ref, value);
}

export function openColumns<T>(sealer: RecordSealer, ref: string, ct: Uint8Array, wrapped: Uint8Array): T {
  return sealer.open<T>(ref, { ciphertext: bytes(ct), wrappedKey: bytes(wrapped) });
}
