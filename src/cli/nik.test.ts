// `tuntas nik check`, run as operators run it: no database, exit 0 valid or not.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGLITE_ONLY } from '../server/test/build-app.ts';
import { test } from 'node:test';
import { tempDataDir, tuntas } from '../server/test/processes.ts';

const KEYS = ['input', 'normalized', 'valid', 'sex', 'birthDate', 'regionCode', 'errors', 'warnings'];

test('tuntas nik check --json prints exactly the documented shape and exits 0, valid or not', PGLITE_ONLY, async () => {
  const valid = await tuntas(['nik', 'check', '6503024507850001', '--json'], {});
  assert.equal(valid.code, 0, valid.stderr);
  assert.equal(valid.stdout, '{"input":"6503024507850001","normalized":"6503024507850001","valid":true,"sex":"female","birthDate":"1985-07-05","regionCode":"65.03.02","errors":[],"warnings":[]}\n');

  const excel = await tuntas(['nik', 'check', '6.50302E+15', '--json'], {});
  assert.equal(excel.code, 0, excel.stderr);
  const r = JSON.parse(excel.stdout);
  assert.deepEqual(Object.keys(r), KEYS);
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors, [
    { code: 'nik.excel_damaged', message: 'NIK tertulis sebagai angka Excel dan angka terakhirnya hilang; kemungkinan rusak oleh Excel: format kolom sebagai Teks' },
  ]);

  const en = JSON.parse((await tuntas(['nik', 'check', '6503024507850000', '--json', '--lang', 'en'], {})).stdout);
  assert.deepEqual(en.errors, [{ code: 'nik.serial_zero', message: 'NIK serial 0000 is never issued; probably damaged by Excel: format the column as Text' }]);
});

test('tuntas nik check compares stated values, normalises, and warns on former codes', PGLITE_ONLY, async () => {
  const mismatch = JSON.parse((await tuntas(['nik', 'check', '65.0302 450785 0001', '--sex', 'male', '--birth-date', '1985-07-06', '--json'], {})).stdout);
  assert.equal(mismatch.normalized, '6503024507850001');
  assert.deepEqual(mismatch.errors.map((e: { code: string }) => e.code), ['nik.sex_mismatch', 'nik.birth_date_mismatch']);
  const spoken = JSON.parse((await tuntas(['nik', 'check', '6503024507850001', '--birth-date', '5 Juli 1985', '--json'], {})).stdout);
  assert.equal(spoken.valid, true);
  const former = await tuntas(['nik', 'check', '6405024507850001', '--lang', 'en'], {});
  assert.equal(former.code, 0);
  assert.match(former.stdout, /^NIK 6405024507850001: VALID\n/);
  assert.match(former.stdout, /Region: 64\.05\.02 \(Kabupaten Nunukan, Kalimantan Timur\)/);
  assert.match(former.stdout, /former region code of Kabupaten Nunukan \(now 65\.03\).*\[nik\.former_region\]/);
});

test('tuntas nik check prints readable text in Indonesian by default', PGLITE_ONLY, async () => {
  const res = await tuntas(['nik', 'check', '6503024507850000'], {});
  assert.equal(res.code, 0);
  assert.equal(
    res.stdout,
    [
      'NIK 6503024507850000: TIDAK VALID',
      '  Jenis kelamin: perempuan',
      '  Tanggal lahir: 1985-07-05',
      '  Wilayah: 65.03.02 (Nunukan, Kabupaten Nunukan, Kalimantan Utara)',
      'Kesalahan:',
      '  - Nomor urut NIK 0000 tidak pernah diterbitkan; kemungkinan rusak oleh Excel: format kolom sebagai Teks [nik.serial_zero]',
      '',
    ].join('\n'),
  );
});

test('tuntas nik check: --help, and usage errors exit non-zero', PGLITE_ONLY, async () => {
  const help = await tuntas(['nik', 'check', '--help'], {});
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--birth-date <date>/);
  const missing = await tuntas(['nik', 'check'], {});
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /missing required argument 'nik'/);
  const badSex = await tuntas(['nik', 'check', '6503024507850001', '--sex', 'perempuan'], {});
  assert.notEqual(badSex.code, 0);
  assert.match(badSex.stderr, /Allowed choices are male, female/);
  const badDate = await tuntas(['nik', 'check', '6503024507850001', '--birth-date', '18/05/85'], {});
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--birth-date: Tahun harus ditulis empat angka/);
  const badLang = await tuntas(['nik', 'check', '6503024507850001', '--lang', 'fr'], {});
  assert.notEqual(badLang.code, 0);
});

test('tuntas nik check works while another process holds the embedded database', PGLITE_ONLY, async (t) => {
  const dataDir = tempDataDir(t);
  // This test process plays the running server: a live pid in the lock file.
  fs.writeFileSync(path.join(dataDir, 'tuntas.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
  const locked = await tuntas(['regions', '--json'], { DATA_DIR: dataDir });
  assert.equal(locked.code, 3, 'a command that opens the database is refused');
  const res = await tuntas(['nik', 'check', '6503024507850001', '--json'], { DATA_DIR: dataDir });
  assert.equal(res.code, 0, res.stderr);
  assert.equal(JSON.parse(res.stdout).valid, true);
  assert.deepEqual(fs.readdirSync(dataDir), ['tuntas.lock'], 'nothing was created in the data directory');
});
