import type { Generated } from 'kysely';

/**
 * A stored file: sealed (content_ct, meta_ct, dek_wrapped, key_id; migration 0023) or, for
 * rows written before that and not yet through `tuntas files seal`, legacy plaintext
 * (content, original_name, sha256), or erased (all of those null, erased_at set; migration
 * 0025). A check constraint keeps every row exactly one of the three.
 */
export interface StoredFileTable {
  id: Generated<number>;
  /** Legacy rows only: sealed rows keep the digest inside meta_ct. */
  sha256: string | null;
  size_bytes: number;
  content_type: StoredContentType;
  /** Legacy rows only: sealed rows keep the name inside meta_ct. */
  original_name: string | null;
  /** Legacy plaintext bytes (bytea: node-postgres gives a Buffer, PGlite a Uint8Array). */
  content: Uint8Array | null;
  content_ct: Uint8Array | null;
  meta_ct: Uint8Array | null;
  dek_wrapped: Uint8Array | null;
  key_id: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  /** Shredded with the identity of the person it was about; size and type stay. */
  erased_at: Date | null;
}

export type StoredContentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp';
