import { defineErrors } from '../../platform/errors/app-error.ts';

export const duplicateError = defineErrors({
  'duplicate.not_found': { status: 404, id: 'Pasangan calon duplikat tidak ditemukan.', en: 'Duplicate candidate not found.' },
  'duplicate.run_not_found': { status: 404, id: 'Proses pencarian duplikat tidak ditemukan.', en: 'Deduplication run not found.' },
  'duplicate.not_both_in_scope': {
    status: 403,
    id: 'Kedua orang harus berada di wilayah kerja Anda untuk memutuskan; pasangan lintas kabupaten/kota diputuskan oleh provinsi.',
    en: 'Both persons must lie in your region to decide; pairs across regencies/cities are decided by the province.',
  },
  'duplicate.already_decided': {
    status: 409,
    id: 'Pasangan ini sudah diputuskan ({status}); buka kembali dulu untuk mengubahnya.',
    en: 'This pair is already decided ({status}); reopen it first to change it.',
  },
  'duplicate.not_decided': { status: 409, id: 'Pasangan ini belum diputuskan; tidak ada yang dibuka kembali.', en: 'This pair is not decided; there is nothing to reopen.' },
  'duplicate.merge_conflict': {
    status: 409,
    id: 'Salah satu orang sudah digabung ke data lain; putuskan pasangan itu dulu.',
    en: 'One of the persons is already merged into another record; settle that pair first.',
  },
  'duplicate.unmerge_conflict': {
    status: 409,
    id: 'Penggabungan ini tidak bisa dibatalkan karena data sudah berubah sejak itu.',
    en: 'This merge cannot be undone: the records changed since.',
  },
  'duplicate.run_running': { status: 409, id: 'Pencarian duplikat sedang berjalan.', en: 'A deduplication run is already running.' },
});
