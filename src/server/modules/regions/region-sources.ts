// Reads the official region lists shipped by the idn-area-data package
// (Kemendagri data, ODbL) and our file of former codes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { RegionLevel } from '../../../common/regions.ts';
import type { RegionRow } from './regions.repository.ts';
import { fromRoot } from '../../platform/project-root.ts';

const require = createRequire(import.meta.url);
const PACKAGE_DIR = path.dirname(require.resolve('idn-area-data/package.json'));
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
export const OFFICIAL_SOURCE = `idn-area-data ${PACKAGE_VERSION} (Kemendagri, ODbL)`;
export const FORMER_CODES_FILE = fromRoot('src/server/modules/regions/data/former-codes.csv');

const FILES: Record<Exclude<RegionLevel, 'province'> | 'province', { file: string; parentColumn: string | null }> = {
  province: { file: 'provinces.csv', parentColumn: null },
  regency: { file: 'regencies.csv', parentColumn: 'province_code' },
  district: { file: 'districts.csv', parentColumn: 'regency_code' },
  village: { file: 'villages.csv', parentColumn: 'district_code' },
};

/** Streams one level of the official list as region rows. */
export async function* officialRegions(level: RegionLevel): AsyncGenerator<RegionRow> {
  const { file, parentColumn } = FILES[level];
  const parser = fs.createReadStream(path.join(PACKAGE_DIR, 'data', file)).pipe(parse({ columns: true, trim: true }));
  for await (const rec of parser as AsyncIterable<Record<string, string>>) {
    yield {
      code: rec.code!,
      parent_code: parentColumn ? rec[parentColumn]! : null,
      level,
      name: rec.name!,
      valid_from: null,
      valid_to: null,
      successor_code: null,
      source: OFFICIAL_SOURCE,
    };
  }
}

/** Line count of a level's file (minus the header), for progress totals. */
export function officialCount(level: RegionLevel): number {
  const text = fs.readFileSync(path.join(PACKAGE_DIR, 'data', FILES[level].file), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').length - 1;
}

/**
 * Former codes (e.g. Kalimantan Utara's regencies under East Kalimantan, 64.xx,
 * before 2012), ordered so that a former regency precedes its districts.
 */
export async function formerRegions(): Promise<RegionRow[]> {
  if (!fs.existsSync(FORMER_CODES_FILE)) return [];
  const records = parse(fs.readFileSync(FORMER_CODES_FILE, 'utf8'), { columns: true, trim: true, comment: '#' });
  const rows: RegionRow[] = [];
  for await (const rec of records as AsyncIterable<Record<string, string>>) {
    const code = rec.former_code!;
    rows.push({
      code,
      parent_code: code.split('.').slice(0, -1).join('.') || null,
      level: rec.level as RegionLevel,
      name: rec.former_name!,
      valid_from: null,
      valid_to: rec.valid_to || null,
      successor_code: rec.successor_code || null,
      source: rec.source || 'former code',
    });
  }
  return rows.sort((a, b) => a.code.split('.').length - b.code.split('.').length || a.code.localeCompare(b.code));
}
