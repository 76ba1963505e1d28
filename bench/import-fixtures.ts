// Synthetic (obviously fake) people for the import benchmarks: deterministic, so a
// file generated once can be reused. Mostly valid rows, with the mistakes offices
// make in real lists: Excel-damaged NIKs, wrong lengths, a stated sex or birth date
// that disagrees with the NIK, two-digit years, bad phones and a few repeated NIKs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { writeFixtureXlsx } from './xlsx-writer.ts';

const require = createRequire(import.meta.url);

export interface FakePerson {
  fullName: string;
  alias: string;
  sex: 'P' | 'L';
  nik: string;
  kk: string;
  /** As written in the list (several Indonesian forms); `birthSerial` is the Excel serial of the same day. */
  birthDate: string;
  birthSerial: number;
  phone: string;
  address: string;
}

const FIRST = ['Siti', 'Nur', 'Dewi', 'Sri', 'Rina', 'Wati', 'Ani', 'Yuli', 'Lestari', 'Fitri', 'Ratna', 'Eka', 'Dian', 'Maya', 'Putri', 'Indah', 'Ayu', 'Rini', 'Sari', 'Tuti', 'Budi', 'Agus', 'Joko', 'Rudi', 'Hendra'];
const MIDDLE = ['Ayu', 'Kartika', 'Permata', 'Wulandari', 'Rahayu', 'Handayani', 'Puspita', 'Anggraini', 'Safitri', 'Utami', 'Novita', 'Pratiwi', 'Susanti', 'Yulianti', 'Mulyani', 'Purnama', 'Fajar', 'Cahya', 'Bunga', 'Melati'];
const LAST = ['Fiktif', 'Contoh', 'Rekaan', 'Uji', 'Dummy', 'Sintetis', 'Tiruan', 'Karangan', 'Khayal', 'Sandiwara'];
const STREETS = ['Jl. Mawar', 'Jl. Melati', 'Jl. Kenanga', 'Jl. Anggrek', 'Jl. Cempaka', 'Gg. Contoh', 'Jl. Fiktif Raya'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function districtCodes(): string[] {
  const file = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data', 'districts.csv');
  const all = fs.readFileSync(file, 'utf8').split('\n').slice(1).map((l) => l.slice(0, 8)).filter((c) => /^\d{2}\.\d{2}\.\d{2}$/.test(c));
  // Mostly Kalimantan Utara (65) and Kalimantan Timur (64), some from anywhere.
  return [...all.filter((c) => c.startsWith('65.') || c.startsWith('64.')), ...all.filter((_, i) => i % 50 === 0)];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAY_MS = 86_400_000;

/** n fake people; about 2 % of rows carry a mistake an import must report. */
export function* fakePeople(n: number, seed = 2018): Generator<FakePerson> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const districts = districtCodes();
  const earlier: string[] = [];
  for (let i = 0; i < n; i++) {
    const female = rnd() < 0.85;
    // Distinct names: the row number makes each one unique, as a list of a million different people would be.
    const fullName = `${pick(FIRST)} ${pick(MIDDLE)} ${pick(LAST)} ${i.toString(36).toUpperCase()}`;
    const born = Date.UTC(1960, 0, 1) + Math.floor(rnd() * 16_000) * DAY_MS; // 1960 … 2003
    const d = new Date(born);
    const day = d.getUTCDate();
    const month = d.getUTCMonth() + 1;
    const year = d.getUTCFullYear();
    const district = pick(districts).replace(/\./g, '');
    let nik = `${district}${pad(female ? day + 40 : day)}${pad(month)}${pad(year % 100)}${pad(1 + Math.floor(rnd() * 9998), 4)}`;
    const kk = `${district}${pad(1 + Math.floor(rnd() * 28))}${pad(1 + Math.floor(rnd() * 12))}${pad(10 + Math.floor(rnd() * 14))}${pad(1 + Math.floor(rnd() * 9998), 4)}`;
    const form = rnd();
    let birthDate =
      form < 0.6 ? `${pad(day)}/${pad(month)}/${year}` : form < 0.8 ? `${pad(day)}-${pad(month)}-${year}` : `${day} ${MONTHS[month - 1]} ${year}`;
    let phone = rnd() < 0.8 ? `08${Math.floor(1e9 + rnd() * 9e9)}` : `+62 8${Math.floor(1e8 + rnd() * 9e8)}`;
    let sex: 'P' | 'L' = female ? 'P' : 'L';
    const mistake = rnd();
    if (mistake < 0.004) nik = `${nik.slice(0, 1)}.${nik.slice(1, 6)}E+15`;
    else if (mistake < 0.008) nik = nik.slice(0, 15);
    else if (mistake < 0.011) sex = female ? 'L' : 'P';
    else if (mistake < 0.014) birthDate = `${pad(day)}/${pad(month)}/${pad(year % 100)}`;
    else if (mistake < 0.017) phone = '12345';
    else if (mistake < 0.019 && earlier.length > 0) nik = pick(earlier);
    if (i % 1000 === 0) earlier.push(nik);
    yield {
      fullName,
      alias: `Alias ${i.toString(36).toUpperCase()}`,
      sex,
      nik,
      kk,
      birthDate,
      birthSerial: Math.round((born - Date.UTC(1899, 11, 30)) / DAY_MS),
      phone,
      address: `${pick(STREETS)} No. ${1 + Math.floor(rnd() * 200)}, RT ${pad(1 + Math.floor(rnd() * 20), 3)}, Desa Contoh`,
    };
  }
}

export const FAKE_HEADER = ['nama_lengkap', 'nama_samaran', 'jenis_kelamin', 'nik', 'no_kk', 'tanggal_lahir', 'telepon', 'alamat'];

const csvField = (v: string, delimiter: string) => (v.includes(delimiter) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV of n fake people as Indonesian Excel saves it (BOM, `;`, CRLF); reused when present. */
export async function fakeCsv(n: number, dir = os.tmpdir()): Promise<string> {
  const file = path.join(dir, `tuntas-bench-persons-${n}.csv`);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.part`;
  const out = fs.createWriteStream(tmp);
  const write = (s: string) => (out.write(s) ? undefined : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`\ufeff${FAKE_HEADER.join(';')}\r\n`);
  let chunk = '';
  for (const p of fakePeople(n)) {
    chunk += `${[p.fullName, p.alias, p.sex, p.nik, p.kk, p.birthDate, p.phone, p.address].map((v) => csvField(v, ';')).join(';')}\r\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  fs.renameSync(tmp, file);
  return file;
}

/**
 * An xlsx of n fake people as Excel writes it: every text in shared strings (a million
 * distinct names), identity columns as text, most birth dates as date cells (Excel
 * serials), shared strings after the worksheet; reused when present.
 */
export async function fakeXlsx(n: number, dir = os.tmpdir()): Promise<string> {
  const file = path.join(dir, `tuntas-bench-persons-${n}.xlsx`);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.part`;
  await writeFixtureXlsx(tmp, function* () {
    yield FAKE_HEADER;
    let i = 0;
    for (const p of fakePeople(n)) {
      // A few birth dates are text, as in lists typed by hand.
      const birth = i++ % 10 === 0 ? p.birthDate : { serial: p.birthSerial };
      yield [p.fullName, p.alias, p.sex, p.nik, p.kk, birth, p.phone, p.address];
    }
  });
  fs.renameSync(tmp, file);
  return file;
}
