import type { ColumnType, Generated } from 'kysely';

/** Long-lived keys of the application (e.g. the blind-index root key), stored wrapped by the master key. */
export interface CryptoKeyTable {
  name: string;
  wrapped: Buffer;
  key_id: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  rewrapped_at: Date | null;
}
