import { defineErrors } from '../../platform/errors/app-error.ts';

export const bankAccountError = defineErrors({
  'bank_account.person_not_found': { status: 404, id: 'Orang tidak ditemukan.', en: 'Person not found.' },
  'bank_account.not_found': { status: 404, id: 'Rekening bank tidak ditemukan.', en: 'Bank account not found.' },
  'bank_account.person_closed': {
    status: 409,
    id: 'Rekening tidak dapat dicatat untuk data yang sudah digabung atau dihapus.',
    en: 'No account can be recorded for a merged or erased record.',
  },
  'bank_account.no_review_pending': { status: 409, id: 'Nama pemilik rekening ini tidak menunggu pemeriksaan.', en: 'This account’s holder name is not waiting for review.' },
  'bank_account.erased': {
    status: 410,
    id: 'Nomor dan nama pemilik rekening ini sudah dihapus permanen bersama identitas orang yang bersangkutan atas permintaan subjek data.',
    en: 'This account’s number and holder name were erased for good with the person’s identity, at the data subject’s request.',
  },
  'bank_account.inactive': { status: 409, id: 'Rekening ini sudah tidak aktif.', en: 'This account is no longer active.' },
  'bank_account.stale': {
    status: 409,
    id: 'Rekening telah diubah orang lain; muat ulang lalu coba lagi (isian version).',
    en: 'Someone else changed this account; reload and try again (field version).',
  },
});
