// Sealing a case's sensitive content (assessment answers, plans, note texts) with the
// platform's envelope encryption, as persons seal identity: one data key per record,
// wrapped under the master key, both bound to the record by its AAD reference.
import { recordAad, type RecordSealer, type SealedRecord } from '../../platform/crypto/envelope.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';

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

// The case's sealed columns, for master-key rotation (each AAD from the reference above).
const caseColumns = (kind: string, table: string, ciphertext: string) => ({ form: 'envelope', kind, table, key: ['id'], ciphertexts: [ciphertext], wrappedKey: 'dek_wrapped', keyId: 'key_id' }) as const;

export const assessmentSealedColumns: SealedColumns = {
  ...caseColumns('caseAssessments', 'case_assessment', 'answers_ct'),
  reads: ['case_id', 'version'],
  aad: (row) => recordAad(assessmentRef(Number(row.case_id), Number(row.version))),
};

export const planSealedColumns: SealedColumns = {
  ...caseColumns('casePlans', 'case_plan', 'content_ct'),
  reads: ['case_id', 'version'],
  aad: (row) => recordAad(planRef(Number(row.case_id), Number(row.version))),
};

export const noteSealedColumns: SealedColumns = {
  ...caseColumns('caseNotes', 'case_note', 'body_ct'),
  reads: ['ref'],
  aad: (row) => recordAad(noteRef(String(row.ref))),
};
