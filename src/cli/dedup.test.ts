// `tuntas dedup`, run as operators run it: no database, the documented JSON shape,
// and a bad file named at its column or row with exit code 2.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PGLITE_ONLY } from '../server/test/build-app.ts';
import { tempDataDir, tuntas } from '../server/test/processes.ts';

test('tuntas dedup FILE.csv --json prints the clusters of likely duplicates; a bad file is named and exits 2', PGLITE_ONLY, async (t) => {
  const dir = tempDataDir(t);
  const list = path.join(dir, 'daftar.csv');
  fs.writeFileSync(
    list,
    [
      'id;name;birth_date;sex;nik;phone',
      'A1;Nurhaliza Fiktif;11/04/1990;P;6503025104900001;',
      'A2;Wati Susanti Fiktif;17 Juli 1985;P;;',
      'A3;Hj. Nur Haliza Fiktif;04-11-1990;P;;080065030051',
      'A4;Soeharti Djojo Fiktif;1972-03-09;P;;',
      'A5;Suharti Joyo Fiktif;09/03/1972;perempuan;;',
      'A6;Budi Fiktif;1972-03-09;L;;',
    ].join('\n'),
  );
  const res = await tuntas(['dedup', list, '--json'], {});
  assert.equal(res.code, 0, res.stderr);
  assert.equal(res.stdout, '{"clusters":[["A1","A3"],["A4","A5"]]}\n');

  const bad = path.join(dir, 'rusak.csv');
  fs.writeFileSync(bad, 'id,name,birth_date\nB1,Siti Fiktif,31/02/1990\nB1,Ani Fiktif,\n');
  const refused = await tuntas(['dedup', bad, '--json', '--lang', 'en'], {});
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /Row 2, column birth_date: /);
  assert.match(refused.stderr, /Row 3, column birth_date: empty/);
  assert.match(refused.stderr, /Row 3, column id: "B1" is already used on row 2/);
  assert.equal(refused.stdout, '');
});
