// A visit's free-text note is sealed (envelope encryption) under the visit's id and the
// version the recording gave it: a recorded visit never changes again, so that version stays.
import { recordAad } from '../../platform/crypto/envelope.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';

export const followUpNoteRef = (id: number, version: number) => `follow-up/${id}/${version}`;

/** Visit notes for master-key rotation; visits without a note are skipped. */
export const followUpNoteSealedColumns: SealedColumns = {
  form: 'envelope',
  kind: 'followUpNotes',
  table: 'follow_up',
  key: ['id'],
  ciphertexts: ['note_ct'],
  wrappedKey: 'note_dek_wrapped',
  keyId: 'note_key_id',
  reads: ['version'],
  aad: (row) => recordAad(followUpNoteRef(Number(row.id), Number(row.version))),
};
