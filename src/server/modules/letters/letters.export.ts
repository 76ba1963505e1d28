// The columns of the letter register's Excel exports (GET /api/letters.xlsx and
// /api/letter-recipients.xlsx): headers and enumerations in both languages.
import type { LetterType } from '../../../common/letters.ts';
import type { Lang, Localized } from '../../platform/errors/app-error.ts';
import type { XlsxColumn } from '../../platform/export/xlsx.ts';
import type { LetterRow, RecipientAcrossRow } from './letters.repository.ts';

export const LETTER_TYPE_LABELS: Record<LetterType, Localized> = {
  instruksi_gubernur: { id: 'Instruksi Gubernur', en: 'Governor’s instruction' },
  surat_edaran: { id: 'Surat Edaran', en: 'Circular' },
  undangan: { id: 'Undangan', en: 'Invitation' },
  laporan: { id: 'Laporan', en: 'Report' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

const STATUS_LABELS: Record<'draft' | 'issued', Localized> = {
  draft: { id: 'Konsep', en: 'Draft' },
  issued: { id: 'Terbit', en: 'Issued' },
};

const NATURE_LABELS: Record<string, Localized> = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  segera: { id: 'Segera', en: 'Urgent' },
  sangat_segera: { id: 'Sangat segera', en: 'Very urgent' },
  rahasia: { id: 'Rahasia', en: 'Confidential' },
};

const YES_NO = { true: { id: 'Ya', en: 'Yes' }, false: { id: 'Tidak', en: 'No' } } as const;

const day = (v: string | Date | null): string | null => (v === null ? null : typeof v === 'string' ? v : v.toISOString().slice(0, 10));

export function letterColumns(lang: Lang): XlsxColumn<LetterRow>[] {
  return [
    { header: { id: 'Nomor', en: 'Number' }, width: 30, value: (l) => l.number },
    { header: { id: 'Tanggal', en: 'Date' }, format: 'date', width: 12, value: (l) => day(l.letter_date) },
    { header: { id: 'Jenis', en: 'Type' }, width: 22, value: (l) => LETTER_TYPE_LABELS[l.type][lang] },
    { header: { id: 'Status', en: 'Status' }, width: 10, value: (l) => STATUS_LABELS[l.status][lang] },
    { header: { id: 'Perihal', en: 'Subject' }, width: 50, value: (l) => l.subject },
    { header: { id: 'Sifat', en: 'Nature' }, width: 14, value: (l) => NATURE_LABELS[l.nature]?.[lang] ?? l.nature },
    { header: { id: 'Klasifikasi', en: 'Classification' }, width: 12, value: (l) => l.classification },
    { header: { id: 'Unit penerbit', en: 'Issuing unit' }, width: 20, value: (l) => l.unit_code },
    { header: { id: 'Penanda tangan', en: 'Signatory' }, width: 28, value: (l) => l.signatory_title },
    { header: { id: 'Jumlah penerima', en: 'Recipients' }, format: 'integer', width: 10, value: (l) => Number(l.recipient_count) },
    { header: { id: 'Sudah menjawab', en: 'Answered' }, format: 'integer', width: 10, value: (l) => Number(l.answered_count) },
    { header: { id: 'Terlambat dijawab', en: 'Response overdue' }, width: 10, value: (l) => YES_NO[l.overdue ? 'true' : 'false'][lang] },
    { header: { id: 'Program', en: 'Programme' }, format: 'integer', width: 10, value: (l) => (l.programme_id === null ? null : Number(l.programme_id)) },
    { header: { id: 'Wilayah terkait', en: 'Linked regions' }, width: 20, value: (l) => l.region_codes.join(', ') },
    { header: { id: 'Lokalisasi terkait', en: 'Linked sites' }, width: 16, value: (l) => l.site_ids.join(', ') },
  ];
}

export function recipientColumns(lang: Lang, daysSince: (sentOn: string | null) => number | null): XlsxColumn<RecipientAcrossRow>[] {
  return [
    { header: { id: 'Nomor surat', en: 'Letter number' }, width: 30, value: (r) => r.letter_number },
    { header: { id: 'Tanggal surat', en: 'Letter date' }, format: 'date', width: 12, value: (r) => day(r.letter_date) },
    { header: { id: 'Jenis', en: 'Type' }, width: 22, value: (r) => LETTER_TYPE_LABELS[r.letter_type][lang] },
    { header: { id: 'Perihal', en: 'Subject' }, width: 40, value: (r) => r.letter_subject },
    { header: { id: 'Penerima', en: 'Recipient' }, width: 36, value: (r) => r.recipient },
    { header: { id: 'Kode wilayah', en: 'Region code' }, width: 12, value: (r) => r.region_code },
    { header: { id: 'Dikirim', en: 'Sent' }, format: 'date', width: 12, value: (r) => day(r.sent_on) },
    { header: { id: 'Diterima', en: 'Delivered' }, format: 'date', width: 12, value: (r) => day(r.delivered_on) },
    { header: { id: 'Tanggapan', en: 'Response' }, format: 'date', width: 12, value: (r) => day(r.response_on) },
    { header: { id: 'Hari sejak dikirim', en: 'Days since sent' }, format: 'integer', width: 10, value: (r) => daysSince(day(r.sent_on)) },
    { header: { id: 'Terlambat dijawab', en: 'Response overdue' }, width: 10, value: (r) => YES_NO[r.overdue ? 'true' : 'false'][lang] },
    { header: { id: 'Unit penerbit', en: 'Issuing unit' }, width: 20, value: (r) => r.unit_code },
  ];
}
