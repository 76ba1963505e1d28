// The columns of the programmes' Excel exports (GET /api/programmes.xlsx, /api/programmes/:id/regions.xlsx,
// /api/programme-regions/:id/history.xlsx and /api/programme-regions/:id/readiness.xlsx):
// headers and enumerations in both languages.
import type { READINESS_ANSWERS, RegionStatus } from '../../../common/programmes.ts';
import type { Lang, Localized } from '../../platform/errors/app-error.ts';
import type { XlsxColumn } from '../../platform/export/xlsx.ts';
import type { ProgrammeRegionRow, ProgrammeRow, readinessRequests, statusHistory } from './programmes.repository.ts';

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
/** Excel has no time zones: a timestamp as the wall-clock time in WIB (UTC+7). */
const wib = (d: Date | string) => new Date(new Date(d).getTime() + WIB_OFFSET_MS);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function programmeRegionColumns(lang: Lang): XlsxColumn<ProgrammeRegionRow>[] {
  return [
    { header: { id: 'Kode wilayah', en: 'Region code' }, width: 12, value: (r) => r.region_code },
    { header: { id: 'Kabupaten/kota', en: 'Regency/city' }, width: 28, value: (r) => r.region_name },
    { header: { id: 'Status', en: 'Status' }, width: 30, value: (r) => capitalised(STATUS_LABELS[r.status][lang]) },
    { header: { id: 'Target', en: 'Target date' }, format: 'date', width: 12, value: (r) => r.target_date },
    { header: { id: 'Status berubah (WIB)', en: 'Status changed (WIB)' }, format: 'datetime', width: 18, value: (r) => wib(r.status_changed_at) },
  ];
}

const LEVEL_LABELS: Record<ProgrammeRow['level'], Localized> = {
  national: { id: 'Nasional', en: 'National' },
  province: { id: 'Provinsi', en: 'Provincial' },
};

const ANSWER_LABELS: Record<(typeof READINESS_ANSWERS)[number], Localized> = {
  ready: { id: 'Siap', en: 'Ready' },
  not_ready: { id: 'Belum siap', en: 'Not ready' },
  conditional: { id: 'Siap dengan syarat', en: 'Ready with conditions' },
};

export function programmeColumns(lang: Lang): XlsxColumn<ProgrammeRow>[] {
  return [
    { header: { id: 'Tingkat', en: 'Level' }, width: 12, value: (p) => LEVEL_LABELS[p.level][lang] },
    { header: { id: 'Nama', en: 'Name' }, width: 36, value: (p) => p.name },
    { header: { id: 'Penanggung jawab', en: 'Owner' }, width: 28, value: (p) => p.owner },
    { header: { id: 'Kode provinsi', en: 'Province code' }, width: 10, value: (p) => p.region_code },
    { header: { id: 'Target', en: 'Target date' }, format: 'date', width: 12, value: (p) => p.target_date },
    { header: { id: 'Keterangan', en: 'Description' }, width: 50, value: (p) => p.description },
  ];
}

export type StatusChangeRow = Awaited<ReturnType<typeof statusHistory>>['rows'][number];

export function statusHistoryColumns(lang: Lang): XlsxColumn<StatusChangeRow>[] {
  return [
    { header: { id: 'Waktu (WIB)', en: 'When (WIB)' }, format: 'datetime', width: 18, value: (c) => wib(c.changed_at) },
    { header: { id: 'Dari', en: 'From' }, width: 28, value: (c) => capitalised(STATUS_LABELS[c.from_status][lang]) },
    { header: { id: 'Menjadi', en: 'To' }, width: 28, value: (c) => capitalised(STATUS_LABELS[c.to_status][lang]) },
    { header: { id: 'Oleh', en: 'By' }, width: 18, value: (c) => c.username },
    { header: { id: 'Alasan', en: 'Reason' }, width: 50, value: (c) => c.reason },
    { header: { id: 'Bukti', en: 'Evidence' }, width: 36, value: (c) => c.evidence },
    { header: { id: 'Rujukan bukti', en: 'Evidence reference' }, width: 24, value: (c) => c.evidence_ref },
  ];
}

export type ReadinessRow = Awaited<ReturnType<typeof readinessRequests>>['rows'][number];

export function readinessColumns(lang: Lang): XlsxColumn<ReadinessRow>[] {
  return [
    { header: { id: 'Tanggal permintaan', en: 'Asked on' }, format: 'date', width: 12, value: (r) => r.asked_at },
    { header: { id: 'Ditujukan kepada', en: 'Asked of' }, width: 28, value: (r) => r.asked_of },
    { header: { id: 'Pertanyaan', en: 'Question' }, width: 50, value: (r) => r.question },
    { header: { id: 'Tanggal jawaban', en: 'Answered on' }, format: 'date', width: 12, value: (r) => r.answered_at },
    { header: { id: 'Jawaban', en: 'Answer' }, width: 20, value: (r) => (r.answer ? ANSWER_LABELS[r.answer][lang] : null) },
    { header: { id: 'Dijawab oleh', en: 'Answered by' }, width: 24, value: (r) => r.answered_by },
    { header: { id: 'Catatan jawaban', en: 'Answer note' }, width: 40, value: (r) => r.answer_note },
    { header: { id: 'Rujukan dokumen', en: 'Document reference' }, width: 24, value: (r) => r.document_ref },
  ];
}
