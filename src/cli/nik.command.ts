// `tuntas nik check`: the NIK rules of common/nik.ts on the command line. Needs no
// database and no configuration (region codes ship with the package), so it runs
// while a server holds the embedded database. Exit 0 whether or not the NIK is
// valid; 2 on usage errors.
import { Command, Option } from 'commander';
import { parseIndonesianDate } from '../common/dates-id.ts';
import { localizeNikResult, validateNik, type Lang, type NikCheck, type Sex } from '../common/nik.ts';
import { RegionCodeSchema } from '../common/regions.ts';
import { nikRegions, type NikRegions } from '../server/modules/registry/nik-regions.ts';
import { CliError } from './cli-error.ts';

const LABELS = {
  id: { valid: 'VALID', invalid: 'TIDAK VALID', normalized: 'Dinormalkan', sex: 'Jenis kelamin', male: 'laki-laki', female: 'perempuan', birthDate: 'Tanggal lahir', region: 'Wilayah', errors: 'Kesalahan', warnings: 'Peringatan' },
  en: { valid: 'VALID', invalid: 'NOT VALID', normalized: 'Normalised', sex: 'Sex', male: 'male', female: 'female', birthDate: 'Birth date', region: 'Region', errors: 'Errors', warnings: 'Warnings' },
} as const;

/** '65.03.02 (Nunukan, Kabupaten Nunukan, Kalimantan Utara)' */
function describeRegion(code: string, regions: NikRegions): string {
  const parts = code.split('.');
  const names = parts.map((_, i) => regions.name(parts.slice(0, parts.length - i).join('.'))).filter(Boolean);
  return names.length ? `${code} (${names.join(', ')})` : code;
}

function printText(r: NikCheck, lang: Lang, regions: NikRegions): void {
  const l = LABELS[lang];
  const lines = [`NIK ${r.input}: ${r.valid ? l.valid : l.invalid}`];
  if (r.normalized !== r.input) lines.push(`  ${l.normalized}: ${r.normalized}`);
  if (r.sex) lines.push(`  ${l.sex}: ${l[r.sex]}`);
  if (r.birthDate) lines.push(`  ${l.birthDate}: ${r.birthDate}`);
  if (r.regionCode) lines.push(`  ${l.region}: ${describeRegion(r.regionCode, regions)}`);
  for (const [label, list] of [[l.errors, r.errors], [l.warnings, r.warnings]] as const)
    if (list.length) lines.push(`${label}:`, ...list.map((i) => `  - ${i.message} [${i.code}]`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function nikCommand(): Command {
  const nik = new Command('nik').description('NIK (national identity number) checks; no database needed');

  nik
    .command('check')
    .description('Check a NIK: 16 digits, region code (current or former), birth date and sex, serial; exits 0 valid or not')
    .argument('<nik>', 'the NIK, with or without spaces, dots or dashes')
    .option('--json', 'print {input, normalized, valid, sex, birthDate, regionCode, errors, warnings}')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['id', 'en']).default('id'))
    .addOption(new Option('--sex <sex>', 'the stated sex, compared with the NIK').choices(['male', 'female']))
    .option('--birth-date <date>', 'the stated birth date (YYYY-MM-DD, or 18/05/1985, 18 Mei 1985), compared with the NIK')
    .option('--domicile <code>', 'region code where the person lives now (a different NIK region is only a warning)')
    .action((input: string, opts: { json?: boolean; lang: Lang; sex?: Sex; birthDate?: string; domicile?: string }) => {
      let birthDate: string | undefined;
      if (opts.birthDate !== undefined) {
        const parsed = parseIndonesianDate(opts.birthDate);
        if (!parsed.ok) throw new CliError(`--birth-date: ${parsed.error.message[opts.lang]}`, 2);
        birthDate = parsed.date;
      }
      if (opts.domicile !== undefined && !RegionCodeSchema.safeParse(opts.domicile).success)
        throw new CliError('--domicile: a region code such as 65, 65.03 or 65.03.02', 2);
      const regions = nikRegions();
      const result = validateNik(input, { regions, today: new Date(), declared: { sex: opts.sex, birthDate, domicileRegionCode: opts.domicile } });
      const check = localizeNikResult(result, opts.lang);
      if (opts.json) process.stdout.write(`${JSON.stringify(check)}\n`);
      else printText(check, opts.lang, regions);
    });

  return nik;
}
