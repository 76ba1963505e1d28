// Header mapping and every row rule, with its message; messages name the row and
// column and never repeat a value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEMPLATE_EXAMPLE } from './import-columns.ts';
import type { RawRow } from './import-reader.ts';
import { createRowValidator, mapHeader, parseSex, type RowIssue } from './row-validation.ts';

const TODAY = new Date('2025-06-01T03:00:00Z');
const HEADER = ['No', 'nama_lengkap', 'nama_samaran', 'jenis_kelamin', 'nik', 'no_kk', 'tanggal_lahir', 'telepon', 'alamat'];
// A Nunukan woman born 5 July 1985 (day 05 + 40).
const ROW = { fullName: 'Siti Fiktif', alias: 'Ani', sex: 'P', nik: '6503024507850001', kk: '6503021201180003', birthDate: '05/07/1985', phone: '0812-3456-7890', address: 'Jl. Contoh 1' };
type Cells = Partial<typeof ROW>;

function validator(header = HEADER) {
  const mapped = mapHeader(header);
  assert.deepEqual(mapped.issues, []);
  return createRowValidator(mapped.columns, { today: TODAY });
}
const raw = (row: number, cells: Cells, extra: Partial<RawRow> = {}): RawRow => {
  const c = { ...ROW, ...cells };
  return { row, values: [String(row - 1), c.fullName, c.alias, c.sex, c.nik, c.kk, c.birthDate, c.phone, c.address], ...extra };
};
const check = (cells: Cells, extra: Partial<RawRow> = {}) => validator()(raw(7, cells, extra));
const codes = (issues: RowIssue[]) => issues.map((i) => `${i.severity}:${i.column}:${i.code}`);

test('header: template headers, English headers and aliases map; a "No" column is ignored quietly', () => {
  const { columns, issues } = mapHeader(HEADER);
  assert.deepEqual(issues, []);
  assert.deepEqual(columns.index, { fullName: 1, alias: 2, sex: 3, nik: 4, kk: 5, birthDate: 6, phone: 7, address: 8 });
  assert.equal(columns.usable, true);
  const en = mapHeader(['full_name', 'sex', 'nik', 'kk_number', 'birth_date', 'phone', 'address', 'alias']);
  assert.deepEqual(en.issues, []);
  const aliases = mapHeader(['Nama Lengkap *', 'L/P', 'No. KTP', 'No. KK', 'Tgl Lahir (dd/mm/yyyy)', 'No HP/WA', 'Alamat Domisili']);
  assert.deepEqual(aliases.issues, []);
  assert.deepEqual(aliases.columns.index, { fullName: 0, sex: 1, nik: 2, kk: 3, birthDate: 4, phone: 5, address: 6 });
  assert.equal(aliases.columns.written.phone, 'No HP/WA');
});

test('header: a missing required column and a column twice are errors; an unknown column a warning', () => {
  const { columns, issues } = mapHeader(['nama', 'NIK', 'Keterangan', 'no_ktp', ''], 3);
  assert.equal(columns.usable, false);
  assert.deepEqual(codes(issues), ['warning:Keterangan:header.unknown_column', 'error:no_ktp:header.duplicate_column', 'error:jenis_kelamin:header.missing_column']);
  assert.ok(issues.every((i) => i.row === 3));
  assert.equal(issues[0]!.message.id, 'Baris 3, kolom Keterangan: kolom tidak dikenal, isinya diabaikan');
  assert.match(issues[1]!.message.en, /column nik appears twice \(also "NIK"\)/);
  assert.equal(issues[2]!.message.id, 'Baris 3, kolom jenis_kelamin: kolom wajib jenis_kelamin tidak ada di baris judul');
  assert.equal(mapHeader([]).columns.usable, false);
  // A title that looks like data is named by its column letter.
  assert.deepEqual(codes(mapHeader(['nama', 'jk', '6503024507850001']).issues), ['warning:C:header.unknown_column']);
});

test('header: a file without a header row is refused without repeating its first row', () => {
  const { columns, issues } = mapHeader(['Siti Fiktif', 'P', '6503024507850001', '05/07/1985'], 1);
  assert.equal(columns.usable, false);
  assert.deepEqual(codes(issues), ['error:A:header.not_found']);
  assert.match(issues[0]!.message.id, /^Baris 1, kolom A: baris pertama tidak berisi judul kolom yang dikenal/);
  assert.ok(!JSON.stringify(issues).includes('Siti') && !JSON.stringify(issues).includes('6503'));
});

test('a valid row is normalised: NIK and KK digits, the phone as 08…, the date as ISO, the sex', () => {
  const r = check({ nik: '6503 0245 0785 0001', phone: '+62 812 3456 7890', address: '  Jl. Contoh 1 ', fullName: ' Siti   Fiktif ' });
  assert.deepEqual(r, {
    value: { row: 7, fullName: 'Siti Fiktif', alias: 'Ani', sex: 'female', nik: '6503024507850001', kk: '6503021201180003', birthDate: '1985-07-05', phone: '081234567890', address: 'Jl. Contoh 1' },
    issues: [],
  });
  const minimal = validator(['nama', 'jk'])({ row: 2, values: ['Budi Uji', 'laki-laki'] });
  assert.deepEqual(minimal.value, { row: 2, fullName: 'Budi Uji', sex: 'male' });
});

test('sex: P/L, Perempuan/Laki-laki, Wanita/Pria, F/M, female/male; anything else is named', () => {
  for (const v of ['P', 'p', 'Perempuan', 'PEREMPUAN', 'Wanita', 'F', 'female']) assert.equal(parseSex(v), 'female', v);
  for (const v of ['L', 'l', 'Laki-laki', 'Laki Laki', 'lakilaki', 'Pria', 'M', 'male']) assert.equal(parseSex(v), 'male', v);
  const r = check({ sex: 'X' });
  assert.equal(r.value, undefined);
  assert.deepEqual(codes(r.issues), ['error:jenis_kelamin:sex.invalid']);
  assert.equal(r.issues[0]!.message.id, 'Baris 7, kolom jenis_kelamin: isi P (perempuan) atau L (laki-laki)');
  assert.deepEqual(codes(check({ sex: '' }).issues), ['error:jenis_kelamin:row.required']);
});

test('name: required, 2–200 characters; alias at most 80; address at most 500', () => {
  let r = check({ fullName: '  ' });
  assert.deepEqual(codes(r.issues), ['error:nama_lengkap:row.required']);
  assert.deepEqual(r.issues[0]!.message, { id: 'Baris 7, kolom nama_lengkap: wajib diisi', en: 'Row 7, column nama_lengkap: is required' });
  assert.deepEqual(codes(check({ fullName: 'A' }).issues), ['error:nama_lengkap:row.too_short']);
  r = check({ fullName: 'A'.repeat(201), alias: 'B'.repeat(81), address: 'C'.repeat(501) });
  assert.deepEqual(codes(r.issues), ['error:nama_lengkap:row.too_long', 'error:nama_samaran:row.too_long', 'error:alamat:row.too_long']);
  assert.equal(r.issues[0]!.detail.id, 'paling banyak 200 huruf (ada 201)');
});

test('NIK: the shared rules, with the declared sex and birth date compared', () => {
  const expect = (cells: Cells, issues: string[]) => assert.deepEqual(codes(check(cells).issues), issues, JSON.stringify(cells));
  expect({ nik: '650302450785001' }, ['error:nik:nik.length']);
  expect({ nik: '65030245078500x1' }, ['error:nik:nik.not_digits']);
  expect({ nik: '9903024507850001' }, ['error:nik:nik.region_unknown']);
  expect({ sex: 'L' }, ['error:nik:nik.sex_mismatch']);
  expect({ birthDate: '06/07/1985' }, ['error:nik:nik.birth_date_mismatch']);
  expect({ nik: '6503024507850000' }, ['error:nik:nik.serial_zero']);
  expect({ nik: '6405024507850001' }, ['warning:nik:nik.former_region']); // 64.05: Nunukan before Kalimantan Utara
  const r = check({ nik: '6405024507850001' });
  assert.equal(r.value?.nik, '6405024507850001', 'a warning keeps the row');
  const length = check({ nik: '650302450785001' }).issues[0]!;
  assert.equal(length.message.id, 'Baris 7, kolom nik: NIK harus 16 angka: ada 15 angka');
  assert.equal(length.message.en, 'Row 7, column nik: A NIK has 16 digits: it has 15');
});

test('NIK damaged by Excel: scientific notation in text, or a 16-digit number cell whose last digit became 0', () => {
  let r = check({ nik: '6.50302E+15' });
  assert.deepEqual(codes(r.issues), ['error:nik:nik.excel_damaged']);
  assert.match(r.issues[0]!.message.id, /kemungkinan rusak oleh Excel: format kolom sebagai Teks/);
  assert.match(r.issues[0]!.message.en, /format the column as Text/);
  // xlsx: the NIK column (index 4) was a number cell.
  r = check({ nik: '6503024507850010' }, { numeric: [4] });
  assert.deepEqual(codes(r.issues), ['error:nik:nik.excel_damaged']);
  assert.match(r.issues[0]!.message.id, /kemungkinan rusak oleh Excel/);
  // The same digits typed as text are a valid NIK; a number cell with all 16 digits kept is too.
  assert.deepEqual(check({ nik: '6503024507850010' }).issues, []);
  assert.deepEqual(check({ nik: '6503024507850011' }, { numeric: [4] }).issues, []);
});

test('duplicate NIK in the same file: an error on the later row naming the earlier one', () => {
  const validate = validator();
  assert.deepEqual(validate(raw(2, {})).issues, []);
  assert.deepEqual(validate(raw(3, { nik: '6503021805850002', sex: 'L', birthDate: '18/05/1985' })).issues, []);
  const again = validate(raw(9, { nik: '6503 0245 0785 0001' }));
  assert.equal(again.value, undefined);
  assert.deepEqual(codes(again.issues), ['error:nik:nik.duplicate_in_file']);
  assert.deepEqual(again.issues[0]!.message, { id: 'Baris 9, kolom nik: NIK sama dengan baris 2 di berkas ini', en: 'Row 9, column nik: The same NIK as row 2 of this file' });
  assert.match(validate(raw(12, {})).issues[0]!.message.en, /as row 2 of/, 'the first row is named, not the last duplicate');
  // Rows without a NIK are never duplicates of each other.
  assert.deepEqual(validate(raw(13, { nik: '' })).issues, []);
  assert.deepEqual(validate(raw(14, { nik: '' })).issues, []);
  // Invalid 16-digit NIKs are compared too, even one of zeros and one with day 99.
  for (const nik of ['0000000000000000', '6503029901850001']) {
    assert.ok(!codes(validate(raw(20, { nik })).issues).includes('error:nik:nik.duplicate_in_file'));
    assert.ok(codes(validate(raw(21, { nik })).issues).includes('error:nik:nik.duplicate_in_file'), nik);
  }
});

test('duplicate NIK among 150,000 rows: found across the table\'s growth, naming the right earlier row', () => {
  const validate = validator();
  // Women born 1–28 January 1985 (day + 40), serials up to 9999, never …000 (Excel-rounded).
  const serialOf = (k: number) => 1 + (k % 999) + 1000 * Math.floor(k / 999);
  const nikOf = (i: number) => `650302${41 + (i % 28)}0185${String(serialOf(Math.floor(i / 28))).padStart(4, '0')}`;
  const birthOf = (i: number) => `${String(1 + (i % 28)).padStart(2, '0')}/01/1985`;
  for (let i = 0; i < 150_000; i++) {
    const nik = nikOf(i);
    if (validate(raw(i + 2, { nik, birthDate: birthOf(i) })).issues.length > 0) assert.fail(`row ${i + 2} (${nik}) should be valid`);
  }
  for (const i of [0, 65_535, 149_999]) {
    const again = validate(raw(200_000 + i, { nik: nikOf(i), birthDate: birthOf(i) }));
    assert.deepEqual(codes(again.issues), ['error:nik:nik.duplicate_in_file']);
    assert.match(again.issues[0]!.message.en, new RegExp(`as row ${i + 2} of`));
  }
});

test('birth date: 18/05/2018, 18-05-2018, 18 Mei 2018, Excel serials; two-digit years and future dates named', () => {
  const v = validator(['nama', 'jk', 'tanggal_lahir']);
  const date = (text: string, numeric?: number[]) => v({ row: 4, values: ['Siti Fiktif', 'P', text], numeric });
  for (const text of ['18/05/2018', '18-05-2018', '18 Mei 2018', '2018-05-18', '43238']) assert.equal(date(text).value?.birthDate, '2018-05-18', text);
  assert.equal(date('43238', [2]).value?.birthDate, '2018-05-18');
  let r = date('18/05/18');
  assert.deepEqual(codes(r.issues), ['error:tanggal_lahir:date.two_digit_year']);
  assert.equal(r.issues[0]!.message.id, 'Baris 4, kolom tanggal_lahir: Tahun harus ditulis empat angka (mis. 1985, bukan 85)');
  r = date('18/05/2030');
  assert.deepEqual(codes(r.issues), ['error:tanggal_lahir:birth_date.future']);
  assert.deepEqual(codes(date('31/02/1990').issues), ['error:tanggal_lahir:date.invalid']);
  assert.deepEqual(codes(date('kemarin').issues), ['error:tanggal_lahir:date.unrecognized']);
});

test('KK: 16 digits, separators dropped; Excel damage named', () => {
  const expect = (kk: string, issues: string[], numeric?: number[]) => assert.deepEqual(codes(check({ kk }, numeric ? { numeric } : {}).issues), issues, kk);
  assert.equal(check({ kk: '6503.0212.0118.0003' }).value?.kk, '6503021201180003');
  expect('650302120118003', ['error:no_kk:kk.length']);
  expect('65030212011800A3', ['error:no_kk:kk.not_digits']);
  expect('6.50302E+15', ['error:no_kk:kk.excel_damaged']);
  expect('6503021201180000', ['error:no_kk:kk.excel_damaged']);
  expect('6503021201180010', ['error:no_kk:kk.excel_damaged'], [5]);
  assert.match(check({ kk: '6.50302E+15' }).issues[0]!.message.id, /kemungkinan rusak oleh Excel: format kolom sebagai Teks/);
  assert.equal(check({ kk: '650302120118003' }).issues[0]!.message.en, 'Row 7, column no_kk: A KK number has 16 digits: it has 15');
});

test('phone: normalised to 08…; too short or Excel-damaged named', () => {
  assert.equal(check({ phone: '62 812-3456-7890' }).value?.phone, '081234567890');
  assert.equal(check({ phone: '81234567890' }, { numeric: [7] }).value?.phone, '081234567890', 'a number cell lost its leading 0');
  const r = check({ phone: '12345' });
  assert.deepEqual(codes(r.issues), ['error:telepon:phone.invalid']);
  assert.equal(r.issues[0]!.message.id, 'Baris 7, kolom telepon: Nomor telepon tidak valid (contoh 0812 3456 7890)');
  assert.deepEqual(codes(check({ phone: '6.28123E+11' }).issues), ['error:telepon:phone.excel_damaged']);
});

test('the template’s example row is refused; rows with only a "No." cell are skipped; values beyond the header warned', () => {
  for (const lang of ['id', 'en'] as const) {
    const ex = TEMPLATE_EXAMPLE[lang];
    const r = check({ ...ex });
    assert.deepEqual(codes(r.issues), ['error:nama_lengkap:row.template_example'], lang);
  }
  const v = validator();
  assert.deepEqual(v({ row: 20, values: ['19', '', '', ' '] }), { issues: [], skipped: true });
  const r = v({ row: 21, values: ['20', 'Siti Fiktif', '', 'P', '', '', '', '', '', 'extra'] });
  assert.ok(r.value);
  assert.deepEqual(codes(r.issues), ['warning:J:row.extra_values']);
});

test('issues never contain the row’s values', () => {
  const cells = { fullName: 'Zainab Unik', nik: '6503024507859999', kk: '6503021201189991', birthDate: '05/07/1986', phone: '0899 1111 2222', sex: 'L' };
  const v = validator();
  v(raw(2, cells));
  const issues = [...v(raw(3, cells)).issues, ...check({ nik: '6.50302E+15', kk: '65030212011800A3', phone: '12345', birthDate: '31/02/1990' }).issues];
  assert.ok(issues.length >= 5);
  const text = JSON.stringify(issues);
  for (const value of [...Object.values(cells), '6.50302E+15', '65030212011800A3', '12345', '31/02/1990', '07', '1986']) {
    if (value === 'L') continue;
    assert.ok(!text.includes(value), `${value} appears in ${text}`);
  }
});
