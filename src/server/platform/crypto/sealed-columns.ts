// What a module declares about the columns it seals, so that master-key rotation
// (key-rotation.ts, `tuntas keys rotate`) can move them to the current master key
// without knowing the module: the table, the row key, the sealed columns and how the
// row's AAD is formed (the module's own reference function, never a copy of it).
// Every sealed-looking column of the database must be covered by one declaration:
// the rotation refuses to run otherwise (SEALED_LOOKING below).
import type { Tx } from '../db/database.ts';

/** A row as the rotation reads it: its key columns and the columns `aad` reads. */
export type SealedRow = Readonly<Record<string, unknown>>;

interface Declared {
  /** The name in progress lines, the JSON result and the audit event (camelCase, plural). */
  kind: string;
  table: string;
  /** The row's key (one or more columns): batches walk it in order. */
  key: readonly string[];
}

interface EnvelopeBase extends Declared {
  /** Ciphertexts under the row's data key; none for a key stored alone (crypto_key). */
  ciphertexts: readonly string[];
  /** The data key wrapped by the master key; NULL means nothing sealed (an erased person, a visit without a note): skipped. */
  wrappedKey: string;
  /** The master key id stored beside the wrapped key. */
  keyId: string;
}

/** Envelope encryption (envelope.ts): re-wrapped, or with --reencrypt given a fresh data key. */
export interface EnvelopeColumns extends EnvelopeBase {
  form: 'envelope';
  /** Columns `aad` reads besides the key: `column` of the table, or `alias.column` of `join`. */
  reads?: readonly string[];
  /** One joined table, e.g. the person whose case code names a bank account. */
  join?: { table: string; as: string; on: readonly [column: string, joinedColumn: string] };
  /** The AAD of the wrapped key, and of every ciphertext unless `ciphertextAad` says otherwise. */
  aad(row: SealedRow): string;
  ciphertextAad?(row: SealedRow, column: string): string;
  /**
   * When the row's data key was made. With --reencrypt, rows made before the run's
   * cut-off get a fresh one; without this column the run walks the key instead and
   * keeps its position in app_meta until it completes.
   */
  dekCreatedAt?: string;
  /** Re-wrapped only, even with --reencrypt (the blind-index root key: a new one would change every index value). */
  rewrapOnly?: boolean;
  /** Set to now() when the row is re-wrapped. */
  rewrappedAt?: string;
  /** Rows per batch at most, whatever --batch-size says (large rows, e.g. files, are held in memory a batch at a time). */
  maxBatchRows?: number;
}

/**
 * Sealed rows that are never re-sealed in place but discarded, a group at a time, by
 * the module (staged import rows: their import stages them again under the new key).
 */
export interface DiscardedColumns extends EnvelopeBase {
  form: 'discarded';
  /** When the row was sealed: with --reencrypt, rows sealed before the cut-off are discarded too. */
  dekCreatedAt: string;
  /** The column grouping rows (the import), and what discards a group in the caller's transaction; returns the rows discarded. */
  discard: { by: string; run(tx: Tx, group: number): Promise<number> };
}

/** Text columns sealed with SecretBox (`v1.<key id>.…`): re-sealed under the current key. */
export interface SecretBoxColumns extends Declared {
  form: 'secret-box';
  columns: readonly string[];
  /** The SecretBox purpose they are sealed for. */
  purpose: string;
}

export type SealedColumns = EnvelopeColumns | DiscardedColumns | SecretBoxColumns;

/**
 * A column looks sealed when it is bytea or text and its name is, or ends with `_`
 * followed by, one of: ct, dek, wrapped, ciphertext, sealed, enc. (Match tokens such as
 * nik_match and account_match are keyed hashes, not sealed, and do not match.)
 */
export const SEALED_LOOKING = /^(?:.*_)?(?:ct|dek|wrapped|ciphertext|sealed|enc)$/;
export const SEALED_LOOKING_TYPES: ReadonlySet<string> = new Set(['bytea', 'text']);

/** The sealed columns a declaration covers. */
export function coveredColumns(d: SealedColumns): string[] {
  return d.form === 'secret-box' ? [...d.columns] : [...d.ciphertexts, d.wrappedKey, d.keyId];
}
