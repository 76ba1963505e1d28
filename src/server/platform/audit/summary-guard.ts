// Audit summaries hold field names and non-identifying values only ("which
// fields changed", counts, statuses): the audit log is kept for years and read
// by auditors, so identity data must never enter it. This guard catches the
// obvious mistakes; it is not a substitute for writing summaries carefully.

/** Keys (lower case, without separators) that name identity data. */
const PERSONAL_KEYS = new Set([
  'nik', 'kk', 'nokk', 'nomorkk', 'fullname', 'name', 'nama', 'namalengkap', 'phone', 'phonenumber', 'telepon', 'hp',
  'address', 'alamat', 'birthdate', 'dateofbirth', 'tanggallahir', 'birthplace', 'tempatlahir', 'mothername',
  'email', 'password', 'passwordhash', 'accountnumber', 'norekening', 'rekening',
]);
const AFFIXES = /^(old|new|previous|prev)|(old|new|before|after|previous)$/g;
const MAX_SUMMARY_CHARS = 8_000;

export class AuditSummaryError extends Error {
  override name = 'AuditSummaryError';
}

function isPersonalKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return PERSONAL_KEYS.has(k) || PERSONAL_KEYS.has(k.replace(AFFIXES, ''));
}

/** Throws when a key names identity data and its value is more than '[changed]' or a boolean. */
export function assertNoPersonalData(summary: unknown, path = 'summary'): void {
  if (Array.isArray(summary)) {
    summary.forEach((v, i) => assertNoPersonalData(v, `${path}[${i}]`));
    return;
  }
  if (summary === null || typeof summary !== 'object' || summary instanceof Date) return;
  for (const [key, value] of Object.entries(summary)) {
    const here = `${path}.${key}`;
    if (isPersonalKey(key) && value !== '[changed]' && typeof value !== 'boolean' && value !== undefined)
      throw new AuditSummaryError(`${here} looks like personal data: audit summaries may only say '[changed]' or true/false for it`);
    assertNoPersonalData(value, here);
  }
}

export function assertSummarySize(encoded: string): void {
  if (encoded.length > MAX_SUMMARY_CHARS)
    throw new AuditSummaryError(`the audit summary is ${encoded.length} characters; at most ${MAX_SUMMARY_CHARS} (summarise, do not copy records)`);
}
