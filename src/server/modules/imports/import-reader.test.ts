// Reading person lists: CSV as offices save it, and xlsx as Excel, ExcelJS and other
// tools write it (shared and inline strings, numbers, dates, gaps, odd XML).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { zipFile } from '../../test/fixtures/zip.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { readRowBatches, sniffDelimiter, type ImportFileKind, type RawRow } from './import-reader.ts';
import { isDateFormatCode } from './xlsx-dates.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuntas-import-reader-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (ext: string, content: string | Buffer) => {
  const file = path.join(dir, `f${n++}.${ext}`);
  fs.writeFileSync(file, content);
  return file;
};

async function readAll(file: string, kind: ImportFileKind, batchSize?: number) {
  const batches = [];
  for await (const b of readRowBatches(file, kind, { batchSize })) batches.push(b);
  assert.ok(batches[0]!.header, 'the first batch carries the header');
  assert.equal(batches[0]!.rows.length, 0);
  assert.ok(batches.slice(1).every((b) => !b.header && b.rows.length > 0));
  return { header: batches[0]!.header!, headerRow: batches[0]!.headerRow, rows: batches.flatMap((b) => b.rows), batches: batches.length };
}
const plain = (rows: RawRow[]) => rows.map((r) => [r.row, ...r.values]);

test('CSV with ; as Indonesian Excel writes it: BOM, CRLF, quotes, empty cells', async () => {
  const file = write('csv', '\ufeffnama_lengkap;jenis_kelamin;nik;alamat\r\nSiti Contoh;P;6503024101909999;"Jl. Mawar; RT 2"\r\n"Dewi ""Dede"" Uji";P;;\r\n');
  const r = await readAll(file, 'csv');
  assert.deepEqual(r.header, ['nama_lengkap', 'jenis_kelamin', 'nik', 'alamat']);
  assert.equal(r.headerRow, 1);
  assert.deepEqual(plain(r.rows), [
    [2, 'Siti Contoh', 'P', '6503024101909999', 'Jl. Mawar; RT 2'],
    [3, 'Dewi "Dede" Uji', 'P', '', ''],
  ]);
});

test('CSV with , and LF; a quoted field over two lines is one row; blank rows are skipped but counted', async () => {
  const file = write('csv', 'nama,alamat\n\nSiti,"Jl. Mawar, RT 2\nDesa Contoh"\n,\nDewi,Jl. Melati');
  const r = await readAll(file, 'csv');
  assert.deepEqual(r.header, ['nama', 'alamat']);
  assert.deepEqual(plain(r.rows), [
    [3, 'Siti', 'Jl. Mawar, RT 2\nDesa Contoh'],
    [5, 'Dewi', 'Jl. Melati'], // row 4 (",") is blank
  ]);
});

test('CSV header below blank lines; tab-separated; Windows-1252 when the bytes are not UTF-8', async () => {
  let r = await readAll(write('csv', '\n\nnama\tjk\nSiti\tP\n'), 'csv');
  assert.equal(r.headerRow, 3);
  assert.deepEqual(plain(r.rows), [[4, 'Siti', 'P']]);
  r = await readAll(write('csv', Buffer.from('nama;alamat\nJos\xe9;Jl. Caf\xe9\n', 'latin1')), 'csv');
  assert.deepEqual(plain(r.rows), [[2, 'José', 'Jl. Café']]);
  r = await readAll(write('csv', 'sep=,\r\nnama;x,jk\r\nSiti;Uji,P\r\n'), 'csv');
  assert.deepEqual(r.header, ['nama;x', 'jk'], 'Excel’s sep= line names the delimiter and is not a row');
  assert.deepEqual(plain(r.rows), [[2, 'Siti;Uji', 'P']]);
  assert.equal(sniffDelimiter('"a;b",c,d'), ',');
  assert.equal(sniffDelimiter('a;b;c'), ';');
  assert.equal(sniffDelimiter('nama'), ',');
});

test('CSV: large files stream in batches; multi-byte characters and quotes across chunk boundaries survive', async () => {
  const lines = ['nama;alamat'];
  for (let i = 0; i < 30_000; i++) lines.push(i % 7 === 0 ? `Ñoño ${i};"Jl. ""Ke-${i}""\r\nRT ✓"` : `Siti ${i};Jl. Ke-${i} é`);
  const r = await readAll(write('csv', lines.join('\r\n')), 'csv', 4000);
  assert.equal(r.rows.length, 30_000);
  assert.equal(r.batches, 1 + 8);
  for (const [i, row] of r.rows.entries()) {
    assert.equal(row.row, i + 2);
    assert.deepEqual(row.values, i % 7 === 0 ? [`Ñoño ${i}`, `Jl. "Ke-${i}"\r\nRT ✓`] : [`Siti ${i}`, `Jl. Ke-${i} é`]);
  }
});

test('CSV: a quote that never closes is named at its row instead of swallowing the file', async () => {
  const lines = ['nama;alamat', 'Siti;Jl. Mawar', 'Dewi;"Jl. Melati'];
  for (let i = 0; i < 100_000; i++) lines.push(`Ani ${i};Jl. Ke-${i}`);
  await assert.rejects(readAll(write('csv', lines.join('\n')), 'csv'), (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'import.csv_row_too_long');
    assert.equal(e.translate('id'), 'Baris 3 berkas CSV tidak berakhir (lebih dari 1 MB); mungkin ada tanda kutip (") yang tidak ditutup.');
    return true;
  });
});

test('CSV: an empty file gives an empty header', async () => {
  const r = await readAll(write('csv', ''), 'csv');
  assert.deepEqual(r.header, []);
  assert.deepEqual(r.rows, []);
});

test('xlsx written by ExcelJS: shared strings, numbers, date cells as serials, gaps, rich text, formulas; the first sheet only', async () => {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Data');
  ws.addRow(['nama_lengkap', 'jenis_kelamin', 'nik', 'tanggal_lahir', 'telepon', 'alamat']);
  ws.addRow(['Siti & <Contoh>', 'P', '6503024101909999', new Date(Date.UTC(2018, 4, 18)), '0812 0000 0000', 'Jl. Mawar']);
  ws.addRow(['Dewi', 'L', 6503024101909000, 43238, 81200000000, null]); // numbers, as a careless sheet has them
  ws.addRow([]); // row 4: blank
  const row5 = ws.getRow(5);
  row5.getCell(1).value = { richText: [{ text: 'Ani ' }, { font: { bold: true }, text: 'Fiktif' }] };
  row5.getCell(4).value = '18 Mei 2018';
  row5.getCell(6).value = { formula: 'A5&" No. 1"', result: 'Ani Fiktif No. 1' };
  row5.commit();
  book.addWorksheet('Lain').addRow(['not read']);
  const file = path.join(dir, 'exceljs.xlsx');
  await book.xlsx.writeFile(file);

  const r = await readAll(file, 'xlsx');
  assert.deepEqual(r.header, ['nama_lengkap', 'jenis_kelamin', 'nik', 'tanggal_lahir', 'telepon', 'alamat']);
  assert.deepEqual(plain(r.rows), [
    [2, 'Siti & <Contoh>', 'P', '6503024101909999', '43238', '0812 0000 0000', 'Jl. Mawar'],
    [3, 'Dewi', 'L', '6503024101909000', '43238', '81200000000'],
    [5, 'Ani Fiktif', '', '', '18 Mei 2018', '', 'Ani Fiktif No. 1'],
  ]);
  assert.deepEqual(r.rows[0]!.numeric, [3]);
  assert.deepEqual(r.rows[1]!.numeric, [2, 3, 4]);
  assert.equal(r.rows[2]!.numeric, undefined);
});

test('xlsx from ExcelJS’s streaming writer: strings as formula-string cells (t="str")', async () => {
  const file = path.join(dir, 'inline.xlsx');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = book.addWorksheet('Data');
  ws.addRow(['nama', 'nik']).commit();
  ws.addRow(['Siti "Uji"', '6503024101909999']).commit();
  await ws.commit();
  await book.commit();
  assert.match(await unzipText(file, 'xl/worksheets/sheet1.xml'), /t="str"><v>Siti &quot;Uji&quot;/);
  const r = await readAll(file, 'xlsx');
  assert.deepEqual(plain(r.rows), [[2, 'Siti "Uji"', '6503024101909999']]);
});

async function unzipText(file: string, part: string): Promise<string> {
  const yauzl = (await import('yauzl')).default;
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  for await (const e of zip.eachEntry())
    if (e.fileName === part) {
      let text = '';
      for await (const b of await zip.openReadStreamPromise(e)) text += b;
      zip.close();
      return text;
    }
  zip.close();
  return '';
}

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORKBOOK = (sheetsXml: string) =>
  `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets>${sheetsXml}</x:sheets></x:workbook>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/other.xml"/>
  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`;

test('xlsx as other tools write it: prefixed namespaces, cells without r, strings after the sheet, escapes, phonetic runs', async () => {
  const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
    <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t='inlineStr'><x:is><x:t>catatan</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:r><x:t>Ket</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">. &lt;2&gt;</x:t></x:r></x:is></x:c></x:row>
    <x:row r="2" spans="1:4"/>
    <x:row r="3"><x:c t="s"><x:v>2</x:v></x:c><x:c/><x:c t="s"><x:v>3</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
    <x:row><x:c r="B4" t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="C4" t="e"><x:v>#N/A</x:v></x:c><x:c r="D4" s="1"><x:v>6.5030245059E+15</x:v></x:c></x:row>
  </x:sheetData></x:worksheet>`;
  const strings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
    <si><t>nama</t></si><si><t xml:space="preserve"> nik </t></si>
    <si><r><rPr><b/></rPr><t>Sit</t></r><r><t>i &amp; Ani</t></r><rPh sb="0" eb="1"><t>シ</t></rPh></si>
    <si><t>line_x000D_break &#x263A; _x005F_x000D_</t></si></sst>`;
  const file = write(
    'xlsx',
    zipFile([
      ['[Content_Types].xml', CT],
      ['xl/workbook.xml', WORKBOOK('<x:sheet name="Data" sheetId="1" r:id="rId7"/><x:sheet name="Other" sheetId="2" r:id="rId2"/>')],
      ['xl/_rels/workbook.xml.rels', RELS],
      ['xl/worksheets/other.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>'],
      ['xl/worksheets/data.xml', sheet],
      ['xl/strings.xml', strings],
    ]),
  );
  const r = await readAll(file, 'xlsx');
  assert.deepEqual(r.header, ['nama', '', 'nik', 'catatan', 'Ket. <2>']);
  assert.deepEqual(plain(r.rows), [
    [3, 'Siti & Ani', '', 'line\rbreak ☺ _x000D_', 'TRUE'],
    [4, '', '2', '#N/A', '6.5030245059E+15'],
  ]);
  assert.deepEqual(r.rows[1]!.numeric, [3]);
  // A second file, stored (uncompressed): spaces kept in values (the validator trims).
  const file2 = write(
    'xlsx',
    zipFile(
      [
        ['xl/workbook.xml', WORKBOOK('<x:sheet name="Data" sheetId="1" r:id="rId7"/>')],
        ['xl/_rels/workbook.xml.rels', RELS],
        ['xl/strings.xml', strings],
        ['xl/worksheets/data.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>'],
      ],
      { store: true },
    ),
  );
  const r2 = await readAll(file2, 'xlsx');
  assert.deepEqual(plain(r2.rows), [[2, ' nik ']]);
});

test('xlsx in the 1904 date system (old Mac Excel): date cells are moved to the 1900 serials the date parser reads', async () => {
  const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00&quot; hari&quot;"/></numFmts>
    <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
  const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>tanggal_lahir</t></is></c></row>
    <row r="2"><c r="A2" s="1"><v>41776</v></c><c r="B2" s="2"><v>41776.5</v></c><c r="C2" s="3"><v>41776</v></c><c r="D2"><v>41776</v></c></row></sheetData></worksheet>`;
  const rels = RELS.replace('Target="strings.xml"/>', 'Target="strings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  const book = (pr: string) =>
    write('xlsx', zipFile([
      ['xl/workbook.xml', WORKBOOK('<x:sheet name="Data" sheetId="1" r:id="rId7"/>').replace('<x:sheets>', `${pr}<x:sheets>`)],
      ['xl/_rels/workbook.xml.rels', rels],
      ['xl/styles.xml', styles],
      ['xl/worksheets/data.xml', sheet],
    ]));
  // 41776 in the 1904 system is 18 May 2018, which is 43238 in the 1900 system.
  let r = await readAll(book('<x:workbookPr date1904="1"/>'), 'xlsx');
  assert.deepEqual(plain(r.rows), [[2, '43238', '43238.5', '41776', '41776']]);
  r = await readAll(book('<x:workbookPr defaultThemeVersion="124226"/>'), 'xlsx');
  assert.deepEqual(plain(r.rows), [[2, '41776', '41776.5', '41776', '41776']]);
  assert.deepEqual(['dd/mm/yyyy', 'd-mmm-yy', '[$-421]dd mmmm yyyy', '0.00" hari"', '[Red]0', 'h:mm', '"y"0'].map(isDateFormatCode), [true, true, true, false, false, false, false]);
});

test('xlsx: files that are not spreadsheets are refused with a reason', async () => {
  const refused = async (content: Buffer | string, pattern: RegExp) => {
    await assert.rejects(readAll(write('xlsx', content), 'xlsx'), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'import.file_unreadable');
      assert.match(e.translate('en'), pattern);
      return true;
    });
  };
  await refused('nama;nik\nSiti;1\n', /not a complete xlsx/);
  // A worksheet whose compressed bytes are garbage.
  const good = zipFile([['xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(2000)}</sheetData></worksheet>`]]);
  const start = good.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
  const broken = Buffer.from(good);
  broken.fill(0xff, start + 10, start + 200);
  await refused(broken, /damaged/);
  await refused(zipFile([['hello.txt', 'hi']]), /no worksheet/);
  await refused(zipFile([['xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>']]), /missing shared string/);
});

test('reading stops when the signal aborts', async () => {
  const lines = ['nama'];
  for (let i = 0; i < 50_000; i++) lines.push(`Siti ${i}`);
  const file = write('csv', lines.join('\n'));
  const controller = new AbortController();
  let rows = 0;
  await assert.rejects(async () => {
    for await (const b of readRowBatches(file, 'csv', { batchSize: 1000, signal: controller.signal })) {
      rows += b.rows.length;
      if (rows >= 2000) controller.abort();
    }
  }, /abort/i);
  assert.ok(rows < 50_000);
});
