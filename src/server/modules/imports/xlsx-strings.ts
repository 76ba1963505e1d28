// Text of xlsx cells: the shared-string table in compact form, and XML text decoding.
//
// Excel stores every text cell once in xl/sharedStrings.xml; a list of a million
// people holds millions of distinct strings (names, NIKs, phones, addresses). As a
// JS array of strings they would take ~50 bytes each plus the array; here they are
// joined into one string per 1,024 entries with a Uint32Array of offsets, so the
// table costs about its characters (1 byte each for Latin-1 text) plus 4 bytes per
// entry, and a lookup is a slice of a chunk (no copy for values of 13+ characters).
import { importFileError } from './import-file.errors.ts';

const CHUNK = 1024;
/** Characters of shared text a file may hold: ~1M rows of 8 columns is ~150M. */
export const MAX_SHARED_CHARS = 256 * 1024 * 1024;

export class SharedStrings {
  private readonly chunks: string[] = [];
  private starts = new Uint32Array(CHUNK);
  private count = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private totalChars = 0;

  get size(): number {
    return this.count;
  }

  /** Room for n strings (the part's uniqueCount), so the offsets are not copied while growing. */
  reserve(n: number): void {
    if (n > this.starts.length && n <= 1 << 26) {
      const sized = new Uint32Array(n);
      sized.set(this.starts.subarray(0, this.count));
      this.starts = sized;
    }
  }

  add(s: string): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = this.pendingChars;
    this.pending.push(s);
    this.pendingChars += s.length;
    if (this.pending.length === CHUNK) this.seal();
  }

  /** Joins the strings added since the last seal into one chunk. */
  seal(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.pending.join(''));
    this.totalChars += this.pendingChars;
    this.pending = [];
    this.pendingChars = 0;
  }

  /** Throws when the table grew past MAX_SHARED_CHARS (a hostile or broken file). */
  checkSize(): void {
    if (this.totalChars + this.pendingChars > MAX_SHARED_CHARS)
      throw importFileError('import.file_too_complex', { what: { id: 'teks bersama', en: 'shared text' }, limit: '256 MB' });
  }

  /** String number i (after seal()), or undefined when there is none. */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined; // also NaN
    const chunk = this.chunks[i >>> 10]!;
    const last = (i & (CHUNK - 1)) === CHUNK - 1 || i === this.count - 1;
    return chunk.slice(this.starts[i]!, last ? chunk.length : this.starts[i + 1]!);
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Excel's own escape for characters XML cannot hold (_x000D_ is a carriage return; _x005F_ is "_"). */
const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

const codePoint = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '');

/** XML character data as text: entities and Excel's _xHHHH_ escapes decoded. */
export function decodeXmlText(s: string): string {
  let out = s;
  if (out.includes('&')) out = out.replace(ENTITY, (_m, hex?: string, dec?: string, name?: string) => (name ? NAMED[name]! : codePoint(hex ? parseInt(hex, 16) : Number(dec))));
  if (out.includes('_x')) out = out.replace(EXCEL_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** The text of rich-text runs (<r><t>…</t></r>…), phonetic runs (<rPh>) left out. */
export function xmlRichText(xml: string, prefix = ''): string {
  const p = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const withoutPhonetic = xml.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '');
  let text = '';
  for (const m of withoutPhonetic.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g'))) text += m[1];
  return decodeXmlText(text);
}
