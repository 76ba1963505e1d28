// The columns of GET /api/programmes/:id/regions.xlsx: headers and statuses in both languages.
import type { RegionStatus } from '../../../common/programmes.ts';
import type { Lang, Localized } from '../../platform/errors/app-error.ts';
import type { XlsxColumn } from '../../platform/export/xlsx.ts';
import type { ProgrammeRegionRow } from './programmes.repository.ts';

export const STATUS_LABELS: Record<RegionStatus, Localized> = {
  not_started: { id: 'belum dimulai', en: 'not started' },
  preparing: { id: 'persiapan', en: 'preparing' },
  awaiting_readiness: { id: 'menunggu kesiapan pemda', en: 'awaiting local-government readiness' },
  scheduled: { id: 'terjadwal', en: 'scheduled' },
  closing: { id: 'penutupan berlangsung', en: 'closing' },
  closed: { id: 'ditutup', en: 'closed' },
  monitoring: { id: 'pemantauan pascapenutupan', en: 'post-closure monitoring' },
  reopened: { id: 'dibuka kembali', en: 'reopened' },
};

const WIB_OFFSET_MS = 7 * 3_600_000;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function programmeRegionColumns(lang: Lang): XlsxColumn<ProgrammeRegionRow>[] {
  return [
    { header: { id: 'Kode wilayah', en: 'Region code' }, width: 12, value: (r) => r.region_code },
    { header: { id: 'Kabupaten/kota', en: 'Regency/city' }, width: 28, value: (r) => r.region_name },
    { header: { id: 'Status', en: 'Status' }, width: 30, value: (r) => capitalised(STATUS_LABELS[r.status][lang]) },
    { header: { id: 'Target', en: 'Target date' }, format: 'date', width: 12, value: (r) => r.target_date },
    // Excel has no time zones: the wall-clock time in WIB (UTC+7).
    { header: { id: 'Status berubah (WIB)', en: 'Status changed (WIB)' }, format: 'datetime', width: 18, value: (r) => new Date(new Date(r.status_changed_at).getTime() + WIB_OFFSET_MS) },
  ];
}
