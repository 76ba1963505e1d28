// Sealing a batch of validated import rows into staging rows (COPY text): what each
// seal worker runs, and what the main thread runs for tiny imports. The sealing
// itself is the registry's sealPerson, so imported persons equal created ones.
import { normalizeForIndex, normalizePhone, type BlindIndexBits, type BlindIndexer } from '../../platform/crypto/blind-index.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { encodeCopyValue, type EncodedRows } from '../../platform/db/copy-text.ts';
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
  /** 'stage': staging rows in COPY text; 'seal': the crypto alone (benchmark baseline), nothing returned but the count. */
  mode: 'stage' | 'seal';
}

export type SealResponse = { id: number; encoded: Uint8Array; rows: number } | { id: number; error: string };

/** The columns of person_import_row, in the order sealBatch encodes them. */
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

export function sealBatch(sealer: RecordSealer, indexer: BlindIndexer, req: Omit<SealRequest, 'id'>): EncodedRows {
  let encoded = '';
  const importId = String(req.importId);
  for (const r of req.rows) {
    const c = sealPerson(sealer, indexer, r.caseCode, storedIdentityOf(r));
    if (req.mode === 'seal') continue;
    encoded +=
      `${importId}\t${r.row}\t${r.caseCode}\t${encodeCopyValue(r.alias)}\t${r.sex}\t\\\\x${c.identity_ct.toString('hex')}\t` +
      `\\\\x${c.dek_wrapped.toString('hex')}\t${encodeCopyValue(c.key_id)}\t${encodeCopyValue(c.nik_bidx)}\t${encodeCopyValue(c.kk_bidx)}\t` +
      `${encodeCopyValue(c.phone_bidx)}\t${encodeCopyValue(c.nik_match)}\n`;
  }
  return { encoded, rows: req.rows.length };
}
