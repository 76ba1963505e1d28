// The template opens, has the text formats, the drop-down, the notes and the example
// row; our own reader maps it without issues. The error report names row, column and
// problem and holds no identity value.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { errorReport } from './error-report.ts';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE } from './import-columns.ts';
import { readRowBatches } from './import-reader.ts';
import { createRowValidator, mapHeader, type RowIssue } from './row-validation.ts';
import { TEMPLATE_ROWS, importTemplate } from './template.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuntas-import-template-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

/** Every part of an xlsx, inflated, as one text (to search for values). */
async function allXml(buffer: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  let text = '';
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const b of await zip.openReadStreamPromise(entry)) chunks.push(b as Buffer);
    text += Buffer.concat(chunks).toString('utf8');
  }
  assert.ok(text.length > 0 && zlib);
  return text;
}

test('template (id): header row in Indonesian, frozen; identity columns and the birth date as Text; P/L drop-down; notes', async () => {
  const book = await load(await importTemplate('id'));
  const ws = book.worksheets[0]!;
  assert.equal(ws.name, 'Data');
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header, ['nama_lengkap', 'nama_samaran', 'jenis_kelamin', 'nik', 'no_kk', 'tanggal_lahir', 'telepon', 'alamat']);
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
  for (const [letter, text] of [['D', true], ['E', true], ['F', true], ['G', true], ['A', false], ['C', false]] as const) {
    assert.equal(ws.getColumn(letter).numFmt === '@', text, `column ${letter}`);
    assert.equal(ws.getCell(`${letter}2`).numFmt === '@', text, `cell ${letter}2`);
  }
  assert.ok((ws.getColumn('A').width ?? 0) >= 20);
  const validation = ws.getCell('C2').dataValidation;
  assert.equal(validation.type, 'list');
  assert.deepEqual(validation.formulae, ['"P,L"']);
  assert.equal(ws.getCell(`C${TEMPLATE_ROWS + 1}`).dataValidation?.type, 'list');
  const note = ws.getCell('F1').note as string | { texts: { text: string }[] };
  assert.match(typeof note === 'string' ? note : note.texts.map((t) => t.text).join(''), /18\/05\/1990, 18-05-1990, 18 Mei 1990/);
  // The example row: obviously fake, text cells.
  assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1), IMPORT_COLUMNS.map((c) => TEMPLATE_EXAMPLE.id[c.key]));
  const notes = book.worksheets[1]!;
  assert.equal(notes.name, 'Petunjuk');
  let text = '';
  notes.eachRow((row) => (text += `${(row.values as unknown[]).join(' ')}\n`));
  assert.match(text, /Tidak ada kolom wilayah: impor dilakukan untuk satu lokasi/);
  assert.match(text, /nama_lengkap ya/);
});

test('template (en): English headers and notes; our reader maps it and refuses only the example row', async () => {
  const buffer = await importTemplate('en');
  const book = await load(buffer);
  assert.deepEqual((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1), IMPORT_COLUMNS.map((c) => c.header.en));
  assert.equal(book.worksheets[1]!.name, 'Notes');
  const file = path.join(dir, 'template-en.xlsx');
  fs.writeFileSync(file, buffer);
  const batches = [];
  for await (const b of readRowBatches(file, 'xlsx')) batches.push(b);
  const mapped = mapHeader(batches[0]!.header!, batches[0]!.headerRow);
  assert.deepEqual(mapped.issues, []);
  const rows = batches.flatMap((b) => b.rows);
  assert.equal(rows.length, 1);
  const r = createRowValidator(mapped.columns, { today: new Date('2025-06-01T00:00:00Z') })(rows[0]!);
  assert.deepEqual(r.issues.map((i) => i.code), ['row.template_example']);
});

test('error report: row, column, problem, severity and code in the chosen language; no identity values', async () => {
  // Issues from real validation of rows holding distinctive identity values.
  const values = { name: 'Zubaidah Penanda', nik: '6503024507859999', kk: '65030212011800A3', birth: '31/02/1990', phone: '12345', address: 'Jl. Rahasia 77' };
  const mapped = mapHeader(['nama_lengkap', 'jenis_kelamin', 'nik', 'no_kk', 'tanggal_lahir', 'telepon', 'alamat']);
  const validate = createRowValidator(mapped.columns, { today: new Date('2025-06-01T00:00:00Z') });
  const row = [values.name, 'L', values.nik, values.kk, values.birth, values.phone, values.address];
  const issues: RowIssue[] = [...validate({ row: 2, values: row }).issues, ...validate({ row: 3, values: row }).issues];
  assert.ok(issues.length >= 5);

  async function* streamed() {
    yield* issues;
  }
  const id = await errorReport(streamed(), 'id');
  const ws = (await load(id)).worksheets[0]!;
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['Baris', 'Kolom', 'Masalah', 'Tingkat', 'Kode']);
  assert.equal(ws.rowCount, issues.length + 1);
  const first = (ws.getRow(2).values as unknown[]).slice(1);
  assert.deepEqual(first, [2, 'tanggal_lahir', 'Tanggal itu tidak ada di kalender', 'Kesalahan', 'date.invalid']);
  const dup = issues.findIndex((i) => i.code === 'nik.duplicate_in_file');
  assert.deepEqual((ws.getRow(dup + 2).values as unknown[]).slice(1), [3, 'nik', 'NIK sama dengan baris 2 di berkas ini', 'Kesalahan', 'nik.duplicate_in_file']);

  const en = await errorReport(issues, 'en');
  const wsEn = (await load(en)).worksheets[0]!;
  assert.deepEqual((wsEn.getRow(1).values as unknown[]).slice(1), ['Row', 'Column', 'Problem', 'Severity', 'Code']);
  assert.equal(wsEn.getCell('D2').value, 'Error');

  for (const report of [id, en]) {
    const xml = await allXml(report);
    for (const v of Object.values(values)) assert.ok(!xml.includes(v), `${v} is in the report`);
    assert.ok(!xml.includes('1990') && !xml.includes('Zubaidah'));
  }
});

test('error report: an empty list is a workbook with the header only', async () => {
  const ws = (await load(await errorReport([], 'id'))).worksheets[0]!;
  assert.equal(ws.rowCount, 1);
});
