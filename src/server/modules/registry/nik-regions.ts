// The region codes NIK validation needs, without a database: the official lists
// shipped by the idn-area-data package (Kemendagri, ODbL) and our former codes
// (modules/regions/data/former-codes.csv). Read once, on first use (~10 ms), then
// kept as Sets/Maps of dotted codes. The CLI uses it while a server holds the
// embedded database; the API uses it so validation never waits on a query.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RegionCodeLookup } from '../../../common/nik.ts';
import { FORMER_CODES_FILE } from '../regions/region-sources.ts';

const require = createRequire(import.meta.url);

export interface NikRegions extends RegionCodeLookup {
  /** Name of a current or former code ('65.03.02' → 'Nunukan'), for people reading a result. */
  name(code: string): string | undefined;
  readonly size: { provinces: number; regencies: number; districts: number; former: number };
}

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(fs.readFileSync(file, 'utf8'), { columns: true, trim: true, comment: '#', skip_empty_lines: true }) as Row[];

/** Builds the lookup from CSV files (the package's data folder and a former-codes file). */
export function loadNikRegions(dataDir = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data'), formerFile = FORMER_CODES_FILE): NikRegions {
  const names = new Map<string, string>();
  // The official files are `code,[parent_code,]name`: codes never hold commas or quotes, names may be
  // quoted ("Ra""as"). Read by hand: csv-parse takes ~20× longer here, and the CLI pays it on every call.
  const codes = (file: string): Set<string> => {
    const set = new Set<string>();
    const lines = fs.readFileSync(path.join(dataDir, file), 'utf8').split(/\r?\n/);
    const skip = lines[0]!.split(',').length - 1; // commas before the name
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      let at = -1;
      for (let k = 0; k < skip; k++) at = line.indexOf(',', at + 1);
      const code = line.slice(0, line.indexOf(','));
      const raw = line.slice(at + 1);
      set.add(code);
      names.set(code, raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    }
    return set;
  };
  const provinces = codes('provinces.csv');
  const regencies = codes('regencies.csv');
  const districts = codes('districts.csv');
  const former = new Map<string, { successorCode: string | null; name: string }>();
  if (fs.existsSync(formerFile))
    for (const r of readCsv(formerFile)) {
      former.set(r.former_code!, { successorCode: r.successor_code || null, name: r.former_name! });
      if (!names.has(r.former_code!)) names.set(r.former_code!, r.former_name!);
    }
  return {
    hasProvince: (code) => provinces.has(code),
    hasRegency: (code) => regencies.has(code),
    hasDistrict: (code) => districts.has(code),
    former: (code) => former.get(code),
    name: (code) => names.get(code),
    size: { provinces: provinces.size, regencies: regencies.size, districts: districts.size, former: former.size },
  };
}

let shared: NikRegions | undefined;

/** The process-wide lookup, loaded lazily on first call. */
export function nikRegions(): NikRegions {
  shared ??= loadNikRegions();
  return shared;
}
