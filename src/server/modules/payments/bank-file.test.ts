import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bankFileCsv, formatDate, narrativeOf } from './bank-file.ts';

const rows = [
  { reference: 'PB-2018-000001-0001', bankCode: 'BRI', accountNumber: '012301000123456', holderName: 'Siti Aminah', amount: 5_500_000 },
  { reference: 'PB-2018-000001-0002', bankCode: 'BRI', accountNumber: '012301000654321', holderName: 'Nur; "Ani"', amount: 250_000 },
  { reference: 'PB-2018-000001-0003', bankCode: 'BRI', accountNumber: '0001', holderName: '=HYPERLINK("x")', amount: 1 },
];
const batch = { reference: 'PB-2018-000001', transferDate: '2018-07-05' };

test('columns, separator, header and date format follow the bank’s format', () => {
  const csv = bankFileCsv(
    {
      name: 'BRI',
      separator: ';',
      header: true,
      dateFormat: 'DD/MM/YYYY',
      columns: [
        { header: 'NO_REKENING', field: 'account_number' },
        { header: 'NAMA', field: 'holder_name' },
        { header: 'NOMINAL', field: 'amount' },
        { header: 'TANGGAL', field: 'transfer_date' },
        { header: 'KETERANGAN', field: 'narrative' },
        { header: 'REF', field: 'reference' },
      ],
    },
    batch,
    rows,
  );
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'NO_REKENING;NAMA;NOMINAL;TANGGAL;KETERANGAN;REF');
  assert.equal(lines[1], '012301000123456;SITI AMINAH;5500000;05/07/2018;BANTUAN SOSIAL PB-2018-000001;PB-2018-000001-0001');
  assert.equal(lines[2], '012301000654321;"NUR; ""ANI""";250000;05/07/2018;BANTUAN SOSIAL PB-2018-000001;PB-2018-000001-0002');
  assert.ok(lines[3]!.startsWith(`0001;"'=HYPERLINK(""X"")"`), lines[3]);
  assert.equal(lines.length, 5); // header, three rows, final line break
});

test('no header, tab separator, compact dates', () => {
  const csv = bankFileCsv({ name: 'X', separator: 'tab', header: false, dateFormat: 'YYYYMMDD', columns: [{ header: 'a', field: 'transfer_date' }, { header: 'b', field: 'batch_reference' }] }, batch, rows.slice(0, 1));
  assert.equal(csv, '20180705\tPB-2018-000001\r\n');
  assert.equal(formatDate('2018-07-05', 'DDMMYYYY'), '05072018');
  assert.equal(formatDate('2018-07-05', 'DD-MM-YYYY'), '05-07-2018');
});

test('the narrative is neutral: no programme, no site, no case', () => {
  const n = narrativeOf('PB-2018-000001');
  assert.equal(n, 'BANTUAN SOSIAL PB-2018-000001');
  assert.doesNotMatch(n, /lokalisasi|pekerja|seks|psk|rehab|TNT-|kaltara|nunukan/i);
});
