import type { Generated } from 'kysely';

export interface StoredFileTable {
  id: Generated<number>;
  sha256: string;
  size_bytes: number;
  content_type: StoredContentType;
  original_name: string;
  /** The bytes (bytea): node-postgres gives a Buffer, PGlite a Uint8Array. */
  content: Uint8Array;
  created_by: number | null;
  created_at: Generated<Date>;
}

export type StoredContentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp';
