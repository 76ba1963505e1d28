// A minimal streaming xlsx writer for benchmark fixtures: a million rows through
// ExcelJS's streaming writer with shared strings takes gigabytes of memory, and the
// file must look like Excel's (every text in xl/sharedStrings.xml, written after the
// worksheet). Parts are deflated as they are produced; sizes and CRCs go in data
// descriptors and the central directory, as archivers do.
import fs from 'node:fs';
import zlib from 'node:zlib';

type Part = Iterable<string> | AsyncIterable<string>;

class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: { name: Buffer; crc: number; csize: number; usize: number; offset: number }[] = [];

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  private write(b: Buffer): void {
    fs.writeSync(this.fd, b);
    this.offset += b.length;
  }

  async add(name: string, part: Part): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE((2018 - 1980) << 9 | (5 << 5) | 18, 12); // 18 May 2018
    header.writeUInt16LE(nameBytes.length, 26);
    const offset = this.offset;
    this.write(header);
    this.write(nameBytes);
    let crc = 0;
    let usize = 0;
    let csize = 0;
    const deflate = zlib.createDeflateRaw({ level: 6 });
    deflate.on('data', (b: Buffer) => {
      csize += b.length;
      this.write(b);
    });
    const done = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let pending = '';
    const flush = async () => {
      const b = Buffer.from(pending, 'utf8');
      pending = '';
      crc = zlib.crc32(b, crc);
      usize += b.length;
      if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
    };
    for await (const s of part) {
      pending += s;
      if (pending.length >= 1 << 20) await flush();
    }
    await flush();
    deflate.end();
    await done;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(csize, 8);
    descriptor.writeUInt32LE(usize, 12);
    this.write(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, csize, usize, offset });
  }

  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE((2018 - 1980) << 9 | (5 << 5) | 18, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.csize, 20);
      h.writeUInt32LE(e.usize, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.write(h);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    fs.closeSync(this.fd);
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const colName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** A cell: text (a shared string), a number, or a date as an Excel serial (styled as a date). */
export type FixtureCell = string | number | { serial: number } | null;

/**
 * Writes a one-sheet workbook. `rows` is called twice (a generator function): once for the
 * worksheet, once for the shared strings, so no string is kept in memory. Every text cell
 * gets its own shared-string index: the worst case for a reader's memory.
 */
export async function writeFixtureXlsx(file: string, rows: () => Iterable<FixtureCell[]>): Promise<void> {
  const zip = new ZipWriter(file);
  await zip.add('[Content_Types].xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  ]);
  await zip.add('_rels/.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ]);
  await zip.add('xl/workbook.xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ]);
  await zip.add('xl/_rels/workbook.xml.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  ]);
  await zip.add('xl/styles.xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>',
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>',
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>',
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>',
  ]);
  let count = 0;
  await zip.add('xl/worksheets/sheet1.xml', (function* () {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    let r = 0;
    for (const cells of rows()) {
      r++;
      let xml = `<row r="${r}">`;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        const ref = `${colName(c)}${r}`;
        if (v === null || v === undefined) continue;
        if (typeof v === 'string') xml += `<c r="${ref}" s="2" t="s"><v>${count++}</v></c>`;
        else if (typeof v === 'number') xml += `<c r="${ref}"><v>${v}</v></c>`;
        else xml += `<c r="${ref}" s="1"><v>${v.serial}</v></c>`;
      }
      yield `${xml}</row>`;
    }
    yield '</sheetData></worksheet>';
  })());
  await zip.add('xl/sharedStrings.xml', (function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
    for (const cells of rows()) for (const v of cells) if (typeof v === 'string') yield /^\s|\s$/.test(v) ? `<si><t xml:space="preserve">${esc(v)}</t></si>` : `<si><t>${esc(v)}</t></si>`;
    yield '</sst>';
  })());
  zip.close();
}
