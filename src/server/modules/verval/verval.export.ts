// The columns of the funnel's Excel export (GET /api/programmes/:id/verval-funnel.xlsx).
import type { Funnel, FunnelCounts } from '../../../common/verval.ts';
import type { XlsxColumn } from '../../platform/export/xlsx.ts';

export type FunnelExportRow = FunnelCounts & { level: 'site' | 'regency' | 'total'; regencyCode: string; regencyName: string; siteCode: string; siteName: string };

const LEVEL = { site: { id: 'Lokalisasi', en: 'Site' }, regency: { id: 'Kabupaten/kota', en: 'Regency/city' }, total: { id: 'Jumlah', en: 'Total' } } as const;

export function funnelExportRows(f: Funnel): FunnelExportRow[] {
  const rows: FunnelExportRow[] = [];
  for (const r of f.regencies) {
    for (const s of f.sites.filter((x) => x.regencyCode === r.regencyCode)) rows.push({ ...s, level: 'site' });
    rows.push({ ...r, level: 'regency', siteCode: '', siteName: '' });
  }
  rows.push({ ...f.total, level: 'total', regencyCode: '', regencyName: '', siteCode: '', siteName: '' });
  return rows;
}

export function funnelColumns(lang: 'id' | 'en'): XlsxColumn<FunnelExportRow>[] {
  return [
    { header: { id: 'Tingkat', en: 'Level' }, width: 16, value: (r) => LEVEL[r.level][lang] },
    { header: { id: 'Kode kab/kota', en: 'Regency code' }, width: 12, value: (r) => r.regencyCode },
    { header: { id: 'Kabupaten/kota', en: 'Regency/city' }, width: 24, value: (r) => r.regencyName },
    { header: { id: 'Kode lokalisasi', en: 'Site code' }, width: 16, value: (r) => r.siteCode },
    { header: { id: 'Lokalisasi', en: 'Site' }, width: 28, value: (r) => r.siteName },
    { header: { id: 'Terdaftar', en: 'Listed' }, format: 'integer', width: 11, value: (r) => r.listed },
    { header: { id: 'Di daftar terakhir', en: 'On latest list' }, format: 'integer', width: 12, value: (r) => r.onLatestList },
    { header: { id: 'Dinilai', en: 'Evaluated' }, format: 'integer', width: 11, value: (r) => r.evaluated },
    { header: { id: 'Terverifikasi', en: 'Verified' }, format: 'integer', width: 12, value: (r) => r.verified },
    { header: { id: 'Layak', en: 'Eligible' }, format: 'integer', width: 10, value: (r) => r.eligible },
    { header: { id: 'Tidak layak', en: 'Not eligible' }, format: 'integer', width: 11, value: (r) => r.notEligible },
    { header: { id: 'Keputusan berbeda dari aturan', en: 'Overrides' }, format: 'integer', width: 14, value: (r) => r.overridden },
  ];
}
