// Sealing stored files (migration 0023) with the platform's envelope encryption: each
// file has its own data key (DEK), wrapped under the master key like a person's. The
// DEK seals two ciphertexts:
//   meta_ct    {name, sha256} as JSON, AAD tuntas/record/stored-file/<id>: exactly what
//              RecordSealer.seal would write, so RecordSealer opens and re-wraps it;
//   content_ct the bytes, AAD tuntas/record/stored-file/<id>/content (raw, not JSON: a
//              10 MB scan must not grow by a third as base64).
// The AAD names the row's id — generated always, never updated — so a ciphertext or
// wrapped key copied onto another row fails authentication there. The id is therefore
// taken from the sequence before the insert (storeFile).
import type { RecordSealer } from '../crypto/envelope.ts';
import { newDataKey, openWithDataKey, recordAad, sealWithDataKey } from '../crypto/envelope.ts';
import type { SealedColumns } from '../crypto/sealed-columns.ts';

/** The reference a file's AADs are built from (RecordSealer prefixes `tuntas/record/`). */
export const fileRef = (id: number) => `stored-file/${id}`;
const aadOf = (id: number) => recordAad(fileRef(id));
const contentAad = (id: number) => `${aadOf(id)}/content`;

export interface FileMeta {
  name: string;
  /** SHA-256 (hex) of the bytes: shown to those who may read the file, never stored in clear. */
  sha256: string;
}

export interface SealedFile {
  content_ct: Buffer;
  meta_ct: Buffer;
  dek_wrapped: Buffer;
  key_id: string;
}

const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Seals a file's bytes and metadata under a fresh data key, bound to row `id`. */
export function sealFile(sealer: RecordSealer, id: number, meta: FileMeta, content: Buffer): SealedFile {
  const dek = newDataKey();
  try {
    const meta_ct = sealWithDataKey(dek, Buffer.from(JSON.stringify({ name: meta.name, sha256: meta.sha256 }), 'utf8'), aadOf(id));
    const content_ct = sealWithDataKey(dek, content, contentAad(id));
    const { wrapped, keyId } = sealer.wrapper.wrap(dek, aadOf(id));
    return { content_ct, meta_ct, dek_wrapped: wrapped, key_id: keyId };
  } finally {
    dek.fill(0);
  }
}

/** The name and digest alone (listings): one unwrap and a few bytes, never the content. */
export function openFileMeta(sealer: RecordSealer, id: number, sealed: { meta_ct: Uint8Array; dek_wrapped: Uint8Array }): FileMeta {
  return sealer.open<FileMeta>(fileRef(id), { ciphertext: bytes(sealed.meta_ct), wrappedKey: bytes(sealed.dek_wrapped) });
}

/** Name, digest and bytes of a sealed file. */
export function openFile(sealer: RecordSealer, id: number, sealed: { meta_ct: Uint8Array; content_ct: Uint8Array; dek_wrapped: Uint8Array }): FileMeta & { content: Buffer } {
  const dek = sealer.wrapper.unwrap(bytes(sealed.dek_wrapped), aadOf(id));
  try {
    const meta = JSON.parse(openWithDataKey(dek, bytes(sealed.meta_ct), aadOf(id)).toString('utf8')) as FileMeta;
    return { ...meta, content: openWithDataKey(dek, bytes(sealed.content_ct), contentAad(id)) };
  } finally {
    dek.fill(0);
  }
}

/** The file store's sealed columns, for master-key rotation (`tuntas keys rotate`); legacy plaintext rows have no key and are left to `tuntas files seal`. */
export const storedFileSealedColumns: SealedColumns = {
  form: 'envelope',
  kind: 'storedFiles',
  table: 'stored_file',
  key: ['id'],
  ciphertexts: ['meta_ct', 'content_ct'],
  wrappedKey: 'dek_wrapped',
  keyId: 'key_id',
  aad: (row) => aadOf(Number(row.id)),
  ciphertextAad: (row, column) => (column === 'content_ct' ? contentAad(Number(row.id)) : aadOf(Number(row.id))),
  // A row holds up to FILE_MAX_BYTES: a batch is held in memory whole.
  maxBatchRows: 10,
};
