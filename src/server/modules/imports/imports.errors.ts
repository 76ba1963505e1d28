import { defineErrors } from '../../platform/errors/app-error.ts';

// The import as a whole (the file's reading problems are in import-file.errors.ts,
// a row's problems are RowIssues in the error report).
export const importError = defineErrors({
  'import.not_found': { status: 404, id: 'Impor tidak ditemukan.', en: 'Import not found.' },
  'import.site_not_found': { status: 404, id: 'Lokalisasi tidak ditemukan.', en: 'Site not found.' },
  'import.file_missing': {
    status: 400,
    id: 'Pilih berkas daftar orang (.xlsx atau .csv).',
    en: 'Choose the person list file (.xlsx or .csv).',
  },
  'import.fields_first': {
    status: 400,
    id: 'Isian siteId, dryRun dan lawfulBasis harus dikirim sebelum berkas.',
    en: 'Send the siteId, dryRun and lawfulBasis fields before the file.',
  },
  'import.file_type': {
    status: 415,
    id: 'Hanya berkas .xlsx atau .csv yang dapat diimpor.',
    en: 'Only .xlsx or .csv files can be imported.',
  },
  'import.too_large': { status: 413, id: 'Berkas melebihi batas {limit}.', en: 'The file exceeds the {limit} limit.' },
  'import.not_committable': {
    status: 409,
    id: 'Impor ini belum dapat disimpan: jalankan uji coba tanpa kesalahan lebih dulu (status sekarang: {status}).',
    en: 'This import cannot be committed yet: it needs a dry run without errors first (status now: {status}).',
  },
  'import.not_cancellable': {
    status: 409,
    id: 'Impor ini tidak dapat dibatalkan lagi (status: {status}).',
    en: 'This import can no longer be cancelled (status: {status}).',
  },
  'import.no_report': {
    status: 409,
    id: 'Laporan kesalahan belum tersedia: impor belum diperiksa.',
    en: 'No error report yet: the import has not been checked.',
  },
  'import.site_unknown_code': { status: 400, id: 'Kode lokalisasi {code} tidak dikenal.', en: 'Unknown site code {code}.' },
});
