import { defineErrors } from '../../platform/errors/app-error.ts';

export const trainingError = defineErrors({
  'training.course_not_found': { status: 404, id: 'Kursus pelatihan tidak ditemukan.', en: 'Training course not found.' },
  'training.course_code_taken': { status: 409, id: 'Kode kursus (code) sudah dipakai.', en: 'The course code (code) is already in use.' },
  'training.course_region_outside_scope': {
    status: 403,
    id: 'Wilayah kursus (regionCode) di luar wilayah kerja Anda; katalog nasional hanya untuk petugas nasional.',
    en: 'The course region (regionCode) is outside your scope; the national catalogue is for national users only.',
  },
  'training.course_region_level': {
    status: 400,
    id: 'Wilayah kursus (regionCode) harus provinsi atau kabupaten/kota.',
    en: 'The course region (regionCode) must be a province or a regency/city.',
  },
  'training.course_inactive': { status: 409, id: 'Kursus ini tidak aktif; angkatan baru tidak dapat dibuat.', en: 'This course is inactive; no new run can be planned.' },
  'training.run_not_found': { status: 404, id: 'Angkatan pelatihan tidak ditemukan.', en: 'Training run not found.' },
  'training.run_region_level': {
    status: 400,
    id: 'Penyelenggara (regionCode) harus Dinsos provinsi atau kabupaten/kota di wilayah kursus.',
    en: 'The organising office (regionCode) must be a province or regency/city within the course’s region.',
  },
  'training.run_region_outside_scope': {
    status: 403,
    id: 'Penyelenggara (regionCode) di luar wilayah kerja Anda.',
    en: 'The organising office (regionCode) is outside your scope.',
  },
  'training.bad_dates': {
    status: 400,
    id: 'Tanggal selesai (endsOn) tidak boleh sebelum tanggal mulai (startsOn).',
    en: 'The end date (endsOn) cannot be before the start date (startsOn).',
  },
  'training.meetings_outside_dates': {
    status: 409,
    id: 'Ada hari pertemuan di luar tanggal baru (startsOn–endsOn); hapus dulu hari itu.',
    en: 'Some meeting days fall outside the new dates (startsOn–endsOn); delete them first.',
  },
  'training.meeting_outside_run': {
    status: 400,
    id: 'Tanggal pertemuan (date) harus di antara {startsOn} dan {endsOn}.',
    en: 'The meeting date (date) must lie between {startsOn} and {endsOn}.',
  },
  'training.meeting_exists': { status: 409, id: 'Sudah ada pertemuan pada tanggal (date) itu.', en: 'There is already a meeting on that date (date).' },
  'training.meeting_not_found': { status: 404, id: 'Hari pertemuan tidak ditemukan.', en: 'Meeting day not found.' },
  'training.meeting_has_attendance': {
    status: 409,
    id: 'Kehadiran sudah dicatat pada hari ini; hari pertemuan tidak dapat dihapus.',
    en: 'Attendance has been recorded for this day; it cannot be deleted.',
  },
  'training.meeting_in_future': {
    status: 409,
    id: 'Kehadiran tidak dapat dicatat sebelum hari pertemuan ({date}).',
    en: 'Attendance cannot be recorded before the meeting day ({date}).',
  },
  'training.case_closed': { status: 409, id: 'Kasus ini sudah ditutup; tidak dapat didaftarkan.', en: 'This case is closed; it cannot be enrolled.' },
  'training.case_outside_run_region': {
    status: 409,
    id: 'Kasus ini berada di luar wilayah penyelenggara angkatan ini.',
    en: 'This case lies outside the region of the office running this course.',
  },
  'training.already_enrolled': { status: 409, id: 'Kasus ini sudah terdaftar di angkatan ini.', en: 'This case is already enrolled in this run.' },
  'training.run_full': { status: 409, id: 'Angkatan ini sudah penuh ({capacity} peserta).', en: 'This run is full ({capacity} participants).' },
  'training.run_ended': { status: 409, id: 'Angkatan ini sudah selesai; pendaftaran ditutup.', en: 'This run has ended; enrolment is closed.' },
  'training.enrolment_not_found': { status: 404, id: 'Pendaftaran pelatihan tidak ditemukan.', en: 'Enrolment not found.' },
  'training.already_withdrawn': { status: 409, id: 'Peserta ini sudah mengundurkan diri.', en: 'This enrolment is already withdrawn.' },
  'training.attendance_entry_invalid': {
    status: 400,
    id: 'Pendaftaran {enrolmentId} bukan peserta aktif angkatan ini yang dapat Anda catat.',
    en: 'Enrolment {enrolmentId} is not an active participant of this run that you may record.',
  },
  'training.not_completed': {
    status: 409,
    id: 'Sertifikat hanya untuk peserta yang lulus (kehadiran minimal {pct}%).',
    en: 'Certificates are for completed enrolments only (at least {pct}% attendance).',
  },
  'training.reason_required': {
    status: 400,
    id: 'Tuliskan alasan mencetak nama lengkap (reason, minimal 10 karakter).',
    en: 'State why the full name is printed (reason, at least 10 characters).',
  },
  'training.stale': { status: 409, id: 'Data ini sudah diubah orang lain; muat ulang (version).', en: 'Someone else changed this record; reload it (version).' },
});
