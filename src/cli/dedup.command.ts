// `tuntas dedup FILE.csv [--json]`: the registry's matcher on a spreadsheet, for
// offices that want to clean a list before importing it. Nothing is stored and no
// database is opened. Columns: id, name, birth_date (required); sex, nik,
// home_region, phone (optional). Exit 0 with the clusters; 2 on a bad file.
import fs from 'node:fs';
import os from 'node:os';
import { Command, Option } from 'commander';
import Papa from 'papaparse';
import { parseIndonesianDate } from '../common/dates-id.ts';
import { findDuplicates, type MatchRecord } from '../server/modules/registry/dedup/index.ts';
import { CliError } from './cli-error.ts';

type Lang = 'id' | 'en';
const REQUIRED = ['id', 'name', 'birth_date'] as const;
const SEX: Record<string, 'male' | 'female'> = { p: 'female', perempuan: 'female', f: 'female', female: 'female', w: 'female', wanita: 'female', l: 'male', 'laki-laki': 'male', lakilaki: 'male', m: 'male', male: 'male', pria: 'male' };

const T = {
  id: {
    missing: (c: string) => `Kolom "${c}" tidak ada di baris judul (wajib: id, name, birth_date)`,
    empty: (row: number, c: string) => `Baris ${row}, kolom ${c}: kosong`,
    date: (row: number, msg: string) => `Baris ${row}, kolom birth_date: ${msg}`,
    sex: (row: number) => `Baris ${row}, kolom sex: isi P/L, perempuan/laki-laki atau female/male`,
    dupId: (row: number, id: string, first: number) => `Baris ${row}, kolom id: "${id}" sudah dipakai di baris ${first}`,
    read: (msg: string) => `Berkas tidak dapat dibaca: ${msg}`,
    summary: (n: number, c: number) => `${n} baris diperiksa; ${c} kelompok kemungkinan duplikat:`,
  },
  en: {
    missing: (c: string) => `Column "${c}" is missing from the header row (required: id, name, birth_date)`,
    empty: (row: number, c: string) => `Row ${row}, column ${c}: empty`,
    date: (row: number, msg: string) => `Row ${row}, column birth_date: ${msg}`,
    sex: (row: number) => `Row ${row}, column sex: use P/L, perempuan/laki-laki or female/male`,
    dupId: (row: number, id: string, first: number) => `Row ${row}, column id: "${id}" is already used on row ${first}`,
    read: (msg: string) => `The file cannot be read: ${msg}`,
    summary: (n: number, c: number) => `${n} rows checked; ${c} groups of likely duplicates:`,
  },
};

/** Reads the CSV streamed (papaparse; `,` or `;`), checking every row; all problems are reported together. */
async function readRecords(file: string, lang: Lang): Promise<MatchRecord[]> {
  const t = T[lang];
  const records: MatchRecord[] = [];
  const problems: string[] = [];
  const firstRow = new Map<string, number>();
  let row = 1;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, string>>(fs.createReadStream(file), {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (h) => h.trim().toLowerCase(),
      step: (result, parser) => {
        row++;
        if (row === 2) {
          const fields = result.meta.fields ?? [];
          const missing = REQUIRED.filter((c) => !fields.includes(c));
          if (missing.length) {
            problems.push(...missing.map((c) => t.missing(c)));
            parser.abort();
            return;
          }
        }
        const v = result.data;
        const get = (c: string) => (v[c] ?? '').trim();
        for (const c of REQUIRED) if (!get(c)) problems.push(t.empty(row, c));
        const id = get('id');
        if (id && firstRow.has(id)) problems.push(t.dupId(row, id, firstRow.get(id)!));
        else if (id) firstRow.set(id, row);
        let birthDate: string | undefined;
        if (get('birth_date')) {
          const parsed = parseIndonesianDate(get('birth_date'));
          if (parsed.ok) birthDate = parsed.date;
          else problems.push(t.date(row, parsed.error.message[lang]));
        }
        const sexText = get('sex').toLowerCase();
        const sex = sexText ? SEX[sexText] : undefined;
        if (sexText && !sex) problems.push(t.sex(row));
        records.push({ id, name: get('name'), birthDate, sex, nik: get('nik') || undefined, homeRegion: get('home_region') || undefined, phone: get('phone') || undefined });
      },
      complete: () => resolve(),
      error: (err: Error) => reject(new CliError(t.read(err.message), 2)),
    });
  });
  if (problems.length) throw new CliError(problems.slice(0, 50).join('\n') + (problems.length > 50 ? `\n… (+${problems.length - 50})` : ''), 2);
  return records;
}

export function dedupCommand(): Command {
  return new Command('dedup')
    .description('Find likely duplicates in a CSV list (columns id,name,birth_date[,sex,nik,home_region,phone]); stores nothing')
    .argument('<file>', 'a CSV file')
    .option('--json', 'print {"clusters": [["id1","id2"], …]}')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['id', 'en']).default('id'))
    .action(async (file: string, opts: { json?: boolean; lang: Lang }) => {
      if (!fs.existsSync(file)) throw new CliError(opts.lang === 'en' ? `No such file: ${file}` : `Berkas tidak ada: ${file}`, 2);
      const records = await readRecords(file, opts.lang);
      const { clusters } = await findDuplicates(records, { workers: Math.min(2, os.availableParallelism()) });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ clusters })}\n`);
        return;
      }
      const lines = [T[opts.lang].summary(records.length, clusters.length), ...clusters.map((c) => `  ${c.join(', ')}`)];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
