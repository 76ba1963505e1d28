// Sealing a batch of validated import rows into staging rows (binary COPY tuples):
// what each seal worker runs. The sealing itself is the registry's sealPerson, so
// imported persons equal created ones.
import { normalizeForIndex, normalizePhone, type BlindIndexBits, type BlindIndexer } from '../../platform/crypto/blind-index.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { BinaryCopyWriter } from '../../platform/db/copy-binary.ts';
import type { EncodedRows } from '../../platform/db/copy-text.ts';
import { sealPerson, type StoredIdentity } from '../registry/persons.sealing.ts';

/** Key material a worker starts with (in memory only; never the master key). */
export interface SealWorkerData {
  keyId: string;
  kek: Uint8Array;
  indexRootKey: Uint8Array;
  bits: BlindIndexBits;
}

/** A validated row with its pre-allocated case code. */
export interface SealRow {
  row: number;
  caseCode: string;
  fullName: string;
  alias?: string | undefined;
  sex: 'male' | 'female';
  nik?: string | undefined;
  kk?: string | undefined;
  birthDate?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
}

export interface SealRequest {
  id: number;
  importId: number;
  rows: SealRow[];
  /** 'stage': staging rows as binary COPY tuples; 'seal': the crypto alone (benchmark baseline), nothing returned but the count. */
  mode: 'stage' | 'seal';
}

export type SealResponse = { id: number; encoded: Uint8Array; rows: number } | { id: number; error: string };

/** The columns of person_import_row, in the order sealBatch encodes them (binary: their exact types matter). */
export const STAGING_COLUMNS = [
  'import_id',
  'row_no',
  'case_code',
  'alias',
  'sex',
  'identity_ct',
  'dek_wrapped',
  'key_id',
  'nik_bidx',
  'kk_bidx',
  'phone_bidx',
  'nik_match',
] as const;

/** The stored identity of a row, normalised exactly as PersonService.create stores it. */
export function storedIdentityOf(r: Omit<SealRow, 'row' | 'caseCode' | 'sex' | 'alias'>): StoredIdentity {
  const out: StoredIdentity = { fullName: r.fullName.trim().replace(/\s+/g, ' ') };
  if (r.nik) out.nik = normalizeForIndex('nik', r.nik);
  if (r.kk) out.kk = normalizeForIndex('kk', r.kk);
  if (r.phone) out.phone = normalizePhone(r.phone);
  if (r.birthDate) out.birthDate = r.birthDate;
  if (r.address) out.address = r.address;
  return out;
}

/** One writer per thread, reused batch after batch (sealBatch is synchronous). */
let writer: BinaryCopyWriter | undefined;

export function sealBatch(sealer: RecordSealer, indexer: BlindIndexer, req: Omit<SealRequest, 'id'>): EncodedRows {
  const w = (writer ??= new BinaryCopyWriter(512 * 1024));
  try {
    for (const r of req.rows) {
      const c = sealPerson(sealer, indexer, r.caseCode, storedIdentityOf(r));
      if (req.mode === 'seal') continue;
      // STAGING_COLUMNS: import_id bigint, row_no int, case_code, alias, sex, identity_ct, dek_wrapped, key_id, *_bidx int, nik_match
      w.tuple(STAGING_COLUMNS.length).int8(req.importId).int4(r.row).text(r.caseCode).text(r.alias).text(r.sex);
      w.bytes(c.identity_ct).bytes(c.dek_wrapped).text(c.key_id).int4(c.nik_bidx).int4(c.kk_bidx).int4(c.phone_bidx).bytes(c.nik_match);
    }
  } catch (err) {
    w.clear(); // the next batch starts clean
    throw err;
  }
  return req.mode === 'seal' ? { encoded: new Uint8Array(0), rows: req.rows.length } : w.take();
}
