import { defineErrors } from '../../platform/errors/app-error.ts';

export const followUpError = defineErrors({
  'follow_up.not_found': { status: 404, id: 'Kunjungan tindak lanjut tidak ditemukan.', en: 'Follow-up visit not found.' },
  'follow_up.not_scheduled': {
    status: 409,
    id: 'Kunjungan ini sudah dicatat, terlewat atau dibatalkan (status: {status}).',
    en: 'This visit is already recorded, missed or cancelled (status: {status}).',
  },
  'follow_up.version_conflict': {
    status: 409,
    id: 'Kunjungan ini baru saja diubah orang lain; muat ulang lalu coba lagi (version).',
    en: 'This visit was just changed by someone else; reload and try again (version).',
  },
  'follow_up.visit_in_future': { status: 400, id: 'Tanggal kunjungan (visitedOn) tidak boleh di masa depan.', en: 'The visit date (visitedOn) cannot be in the future.' },
  'follow_up.visit_before_anchor': {
    status: 400,
    id: 'Tanggal kunjungan (visitedOn) tidak boleh sebelum penutupan kasus atau kepulangan ({anchor}).',
    en: 'The visit date (visitedOn) cannot be before the case’s closure or arrival home ({anchor}).',
  },
  'follow_up.region_unknown': { status: 400, id: 'Daerah tujuan pindah (movedRegionCode) tidak dikenal.', en: 'The region moved to (movedRegionCode) is unknown.' },
  'follow_up.programme_not_found': { status: 404, id: 'Program tidak ditemukan.', en: 'Programme not found.' },
  'follow_up.region_out_of_scope': {
    status: 403,
    id: 'Wilayah laporan (regionCode) di luar wilayah kerja Anda.',
    en: 'The report’s region (regionCode) is outside your scope.',
  },
  'follow_up.period_invalid': {
    status: 400,
    id: 'Periode kohort tidak sah: cohortFrom harus sebelum cohortTo, paling lama 5 tahun.',
    en: 'Invalid cohort period: cohortFrom must precede cohortTo, at most 5 years.',
  },
});
