// COPY text format, without dependencies (worker threads bundle it).

/** Rows already encoded for COPY: text format (one line per row, each ending in \n, as text or its UTF-8 bytes) or binary tuples (copy-binary.ts). */
export interface EncodedRows {
  encoded: string | Uint8Array;
  rows: number;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY text format: \N for null, \\x… for bytes, escaped text. */
export function encodeCopyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Uint8Array) return `\\\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[\\\n\r\t]/.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : s;
}

export function encodeCopyRows(rows: readonly (readonly unknown[])[]): EncodedRows {
  let encoded = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + encodeCopyValue(row[i]);
    encoded += `${line}\n`;
  }
  return { encoded, rows: rows.length };
}

