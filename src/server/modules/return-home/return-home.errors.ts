import { defineErrors } from '../../platform/errors/app-error.ts';

export const returnHomeError = defineErrors({
  'return_home.case_not_found': { status: 404, id: 'Kasus tidak ditemukan.', en: 'Case not found.' },
  'return_home.not_found': { status: 404, id: 'Rencana pemulangan tidak ditemukan.', en: 'Return-home plan not found.' },
  'return_home.exists': {
    status: 409,
    id: 'Kasus ini sudah memiliki rencana pemulangan yang berjalan; ubah atau batalkan dahulu.',
    en: 'This case already has a return-home plan in progress; change or cancel it first.',
  },
  'return_home.case_closed': { status: 409, id: 'Kasus sudah ditutup.', en: 'The case is closed.' },
  'return_home.home_region_required': {
    status: 400,
    id: 'Kecamatan asal (homeRegionCode) wajib diisi: NIK tidak menunjukkan kecamatan yang dikenal.',
    en: 'The home district (homeRegionCode) is required: the NIK does not point to a known district.',
  },
  'return_home.unknown_region': {
    status: 400,
    id: 'Kecamatan asal (homeRegionCode) tidak dikenal atau sudah tidak berlaku.',
    en: 'The home district (homeRegionCode) is unknown or no longer valid.',
  },
  'return_home.payer_reason_required': {
    status: 400,
    id: 'Penanggung biaya (payer) berbeda dari usulan aturan: tuliskan alasannya di payerReason (paling sedikit {min} karakter).',
    en: 'The payer differs from the rule’s proposal: state why in payerReason (at least {min} characters).',
  },
  'return_home.stale': {
    status: 409,
    id: 'Rencana ini telah diubah orang lain (version); muat ulang lalu ulangi.',
    en: 'Someone else changed this plan (version); reload and try again.',
  },
  'return_home.bad_status': {
    status: 409,
    id: 'Tidak dapat dilakukan pada rencana berstatus {status}.',
    en: 'Not possible for a plan whose status is {status}.',
  },
  'return_home.date_order': {
    status: 400,
    id: 'Tanggal tiba (arrivedOn) tidak boleh sebelum tanggal berangkat.',
    en: 'The arrival date (arrivedOn) cannot be before the departure date.',
  },
  'return_home.future_date': {
    status: 400,
    id: 'Tanggal {field} tidak boleh di masa depan.',
    en: 'The date {field} cannot be in the future.',
  },
  'return_home.already_notified': {
    status: 409,
    id: 'Surat pemberitahuan untuk rencana ini sudah dibuat.',
    en: 'The notification letter for this plan has already been made.',
  },
  'return_home.restricted': {
    status: 409,
    id: 'Pemrosesan data orang ini dibatasi; kecamatan asal harus diisi sendiri (homeRegionCode).',
    en: 'Processing of this person’s data is restricted; declare the home district (homeRegionCode).',
  },
});
