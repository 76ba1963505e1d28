import { defineErrors } from '../../platform/errors/app-error.ts';

export const referralError = defineErrors({
  'referral.case_not_found': { status: 404, id: 'Kasus tidak ditemukan.', en: 'Case not found.' },
  'referral.not_found': { status: 404, id: 'Rujukan tidak ditemukan.', en: 'Referral not found.' },
  'referral.consent_required': {
    status: 400,
    id: 'Pilih persetujuan orang tersebut (consentId), atau tuliskan alasan meminta persetujuan Kepala Dinas (overrideRequestReason).',
    en: 'Choose the person’s consent (consentId), or state why a head of office should approve (overrideRequestReason).',
  },
  'referral.consent_invalid': {
    status: 400,
    id: 'Persetujuan (consentId) tidak ditemukan untuk orang ini atau sudah ditarik.',
    en: 'The consent (consentId) is not this person’s or has been withdrawn.',
  },
  'referral.summary_missing': {
    status: 400,
    id: 'Ringkasan asesmen (assessmentSummary) dipilih untuk dibagikan tetapi kosong.',
    en: 'The assessment summary (assessmentSummary) is chosen for sharing but empty.',
  },
  'referral.field_unavailable': {
    status: 400,
    id: 'Data {field} orang ini tidak tercatat; hapus dari sharedFields.',
    en: 'This person has no {field} on record; remove it from sharedFields.',
  },
  'referral.bad_expiry': {
    status: 400,
    id: 'Tanggal berakhir (expiresOn) harus setelah hari ini dan paling lama {max} hari lagi.',
    en: 'The expiry (expiresOn) must be after today and at most {max} days ahead.',
  },
  'referral.person_unavailable': {
    status: 409,
    id: 'Identitas orang ini dihapus atau pemrosesannya dibatasi; rujukan yang membagikan identitas tidak dapat dibuat.',
    en: 'This person’s identity is erased or its processing restricted; a referral sharing identity cannot be made.',
  },
  'referral.not_pending': { status: 409, id: 'Rujukan ini tidak menunggu persetujuan.', en: 'This referral is not awaiting approval.' },
  'referral.not_active': {
    status: 409,
    id: 'Rujukan ini tidak aktif ({status}); data yang dibagikan tidak dapat dibaca.',
    en: 'This referral is not active ({status}); its shared data cannot be read.',
  },
  'referral.already_revoked': { status: 409, id: 'Rujukan ini sudah dicabut.', en: 'This referral is already revoked.' },
  'referral.future_date': {
    status: 400,
    id: 'Tanggal tanggapan (respondedOn) tidak boleh di masa depan.',
    en: 'The response date (respondedOn) cannot be in the future.',
  },
});
