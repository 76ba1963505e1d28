// Text of xlsx cells: the shared-string table in compact form, and XML text decoding.
//
// Excel stores every text cell once in xl/sharedStrings.xml; a list of a million
// people holds millions of distinct strings (names, NIKs, phones, addresses). As JS
// strings they would take ~50 bytes each and sit in V8's heap, whose size sets how
// much garbage it lets pile up before a full collection (a 1M-row file then peaked
// at 650 MB on a busy machine). Here they are UTF-8 bytes in 4 MB pages outside the
// heap, with a Uint32Array of offsets: about their bytes plus 4 per string, and a
// lookup decodes a short slice (a young, short-lived string).
import { importFileError } from './import-file.errors.ts';

const PAGE_BITS = 22;
const PAGE = 1 << PAGE_BITS; // 4 MB
/** Bytes of shared text a file may hold: ~1M rows of 8 columns is ~150 MB. */
export const MAX_SHARED_BYTES = 512 * 1024 * 1024;

export class SharedStrings {
  private readonly pages: Buffer[] = [];
  /** Bytes used in each page. */
  private readonly fill: number[] = [];
  /** Start of string i: page × PAGE + offset. */
  private starts = new Uint32Array(1024);
  private count = 0;
  private page: Buffer | undefined;
  private pos = PAGE;

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
    if (this.pos + s.length * 3 > PAGE) {
      if (this.pages.length >= MAX_SHARED_BYTES / PAGE)
        throw importFileError('import.file_too_complex', { what: { id: 'teks bersama', en: 'shared text' }, limit: '512 MB' });
      this.page = Buffer.allocUnsafeSlow(PAGE);
      this.pages.push(this.page);
      this.fill.push(0);
      this.pos = 0;
    }
    const p = this.pages.length - 1;
    this.starts[this.count++] = p * PAGE + this.pos;
    this.pos += this.page!.write(s, this.pos, 'utf8');
    this.fill[p] = this.pos;
  }

  /** String number i, or undefined when there is none. */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined; // also NaN
    const start = this.starts[i]!;
    const p = start >>> PAGE_BITS;
    const next = i + 1 < this.count ? this.starts[i + 1]! : -1;
    const end = next >= 0 && next >>> PAGE_BITS === p ? next : p * PAGE + this.fill[p]!;
    return this.pages[p]!.toString('utf8', start - p * PAGE, end - p * PAGE);
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
