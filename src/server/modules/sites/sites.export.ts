// The columns of the sites' Excel exports (GET /api/sites.xlsx, /api/sites/:id/head-counts.xlsx
// and /api/sites/:id/monitoring-visits.xlsx): headers and enumerations in both languages.
import type { z } from 'zod';
import type { HeadCountSchema, MONITORING_FINDINGS } from '../../../common/sites.ts';
import type { Lang, Localized } from '../../platform/errors/app-error.ts';
import type { XlsxColumn } from '../../platform/export/xlsx.ts';
import type { SiteRow, visitsOf } from './sites.repository.ts';

const STATUS_LABELS: Record<SiteRow['status'], Localized> = {
  open: { id: 'Beroperasi', en: 'Open' },
  closing: { id: 'Dalam penutupan', en: 'Closing' },
  closed: { id: 'Ditutup', en: 'Closed' },
  reopened: { id: 'Aktif kembali', en: 'Reopened' },
};

const SOURCE_LABELS: Record<z.infer<typeof HeadCountSchema>['source'], Localized> = {
  site_manager: { id: 'Daftar pengelola lokasi', en: 'Site manager’s list' },
  dinsos: { id: 'Pendataan Dinas Sosial', en: 'Social affairs office count' },
  joint_verification: { id: 'Hasil verifikasi bersama', en: 'Joint verification result' },
  other: { id: 'Lainnya', en: 'Other' },
};

export function siteColumns(lang: Lang): XlsxColumn<SiteRow>[] {
  return [
    { header: { id: 'Kode', en: 'Code' }, width: 16, value: (s) => s.code },
    { header: { id: 'Nama', en: 'Name' }, width: 30, value: (s) => s.name },
    { header: { id: 'Nama lokal', en: 'Local names' }, width: 24, value: (s) => s.local_names.join(', ') },
    { header: { id: 'Kabupaten/kota', en: 'Regency/city' }, width: 12, value: (s) => s.regency_code },
    { header: { id: 'Kode wilayah', en: 'Region code' }, width: 16, value: (s) => s.region_code },
    { header: { id: 'Status', en: 'Status' }, width: 16, value: (s) => STATUS_LABELS[s.status][lang] },
    { header: { id: 'Tanggal hitungan terakhir', en: 'Latest count date' }, format: 'date', width: 14, value: (s) => s.latest_counted_on },
    { header: { id: 'Pekerja (terakhir)', en: 'Workers (latest)' }, format: 'integer', width: 12, value: (s) => s.latest_workers },
    { header: { id: 'Terdampak lain (terakhir)', en: 'Others affected (latest)' }, format: 'integer', width: 12, value: (s) => s.latest_others },
    { header: { id: 'Nomor SK penutupan', en: 'Closure decree number' }, width: 24, value: (s) => s.closure_decree_number },
    { header: { id: 'Tanggal SK', en: 'Decree date' }, format: 'date', width: 12, value: (s) => s.closure_decree_date },
    { header: { id: 'Tanggal penutupan', en: 'Closure date' }, format: 'date', width: 12, value: (s) => s.closure_date },
    { header: { id: 'Lintang', en: 'Latitude' }, width: 10, value: (s) => s.latitude },
    { header: { id: 'Bujur', en: 'Longitude' }, width: 10, value: (s) => s.longitude },
  ];
}

export function headCountColumns(lang: Lang): XlsxColumn<z.infer<typeof HeadCountSchema>>[] {
  return [
    { header: { id: 'Tanggal', en: 'Date' }, format: 'date', width: 12, value: (h) => h.countedOn },
    { header: { id: 'Sumber', en: 'Source' }, width: 28, value: (h) => SOURCE_LABELS[h.source][lang] },
    { header: { id: 'Pekerja', en: 'Workers' }, format: 'integer', width: 10, value: (h) => h.workers },
    { header: { id: 'Perubahan pekerja', en: 'Change in workers' }, format: 'integer', width: 12, value: (h) => h.workersChange },
    { header: { id: 'Terdampak lain', en: 'Others affected' }, format: 'integer', width: 12, value: (h) => h.othersAffected },
    { header: { id: 'Perubahan terdampak lain', en: 'Change in others affected' }, format: 'integer', width: 12, value: (h) => h.othersAffectedChange },
    { header: { id: 'Alasan perubahan', en: 'Reason for the change' }, width: 50, value: (h) => h.reasonForChange },
  ];
}

const FINDING_LABELS: Record<(typeof MONITORING_FINDINGS)[number], Localized> = {
  no_activity: { id: 'Tidak ada aktivitas', en: 'No activity' },
  activity_resumed: { id: 'Aktivitas kembali', en: 'Activity resumed' },
  converted_venue: { id: 'Beralih fungsi', en: 'Converted venue' },
  other: { id: 'Lainnya', en: 'Other' },
};

export type MonitoringVisitRow = Awaited<ReturnType<typeof visitsOf>>['rows'][number];

export function monitoringVisitColumns(lang: Lang): XlsxColumn<MonitoringVisitRow>[] {
  return [
    { header: { id: 'Tanggal kunjungan', en: 'Visited on' }, format: 'date', width: 12, value: (v) => v.visited_on },
    { header: { id: 'Temuan', en: 'Finding' }, width: 26, value: (v) => FINDING_LABELS[v.finding][lang] },
    { header: { id: 'Dikunjungi oleh', en: 'Visited by' }, width: 28, value: (v) => v.visited_by },
    { header: { id: 'Catatan', en: 'Notes' }, width: 60, value: (v) => v.notes },
  ];
}
