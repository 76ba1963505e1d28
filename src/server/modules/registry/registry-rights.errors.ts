// Error codes of person updates, consent and data-subject requests.
import { defineErrors } from '../../platform/errors/app-error.ts';

export const rightsError = defineErrors({
  'person.stale': {
    status: 409,
    id: 'Data orang ini sudah diubah orang lain sejak Anda membukanya. Muat ulang, lalu ulangi perubahan Anda.',
    en: 'Someone else changed this person since you opened it. Reload, then make your change again.',
  },
  'person.erased': {
    status: 410,
    id: 'Identitas orang ini sudah dihapus permanen atas permintaan subjek data; tidak dapat dibuka atau diubah lagi.',
    en: 'This person’s identity was erased for good at the data subject’s request; it cannot be revealed or changed.',
  },
  'person.erasure_payment_in_flight': {
    status: 409,
    id: 'Identitas belum dapat dihapus: pembayaran bantuan untuk orang ini masih berjalan di batch {batches} (belum direkonsiliasi) dan rekening banknya masih diperlukan. Jawab permintaan ini setelah hasil bank direkonsiliasi. Tidak ada yang diubah.',
    en: 'The identity cannot be erased yet: an aid payment to this person is still in progress in batch {batches} (not yet reconciled) and needs their bank account. Answer this request once the bank’s result is reconciled. Nothing was changed.',
  },
  'person.restricted': {
    status: 409,
    id: 'Pemrosesan data orang ini sedang dibatasi atas permintaan subjek data: identitas hanya dapat dibuka untuk menjawab permintaan subjek data.',
    en: 'Processing of this person’s data is restricted at the data subject’s request: the identity may only be revealed to answer a data-subject request.',
  },
  'person.not_restricted': { status: 409, id: 'Pemrosesan data orang ini tidak sedang dibatasi.', en: 'Processing of this person’s data is not restricted.' },
  'person.change_reason_required': {
    status: 400,
    id: 'Tuliskan alasan mengubah identitas (paling sedikit 10 karakter).',
    en: 'State why you change the identity (at least 10 characters).',
  },
  'person.assignee_out_of_scope': {
    status: 400,
    id: 'Pendamping itu tidak bertugas di kabupaten/kota orang ini, sehingga tidak akan dapat melihatnya.',
    en: 'That case worker’s region does not cover this person’s regency/city, so they could not see the person.',
  },
  'person.nothing_to_change': { status: 400, id: 'Tidak ada isian yang diubah.', en: 'No field was changed.' },
  'consent.not_found': { status: 404, id: 'Catatan persetujuan tidak ditemukan.', en: 'Consent record not found.' },
  'consent.already_withdrawn': { status: 409, id: 'Persetujuan ini sudah ditarik.', en: 'This consent has already been withdrawn.' },
  'consent.invalid_date': { status: 400, id: 'Tanggal tidak boleh di masa depan atau sebelum persetujuan diberikan.', en: 'The date may not be in the future or before the consent was given.' },
  'subject_request.not_found': { status: 404, id: 'Permintaan subjek data tidak ditemukan.', en: 'Data-subject request not found.' },
  'subject_request.bad_transition': {
    status: 409,
    id: 'Permintaan berstatus {from} tidak dapat menjadi {to}.',
    en: 'A request that is {from} cannot become {to}.',
  },
  'subject_request.refusal_reason_required': {
    status: 400,
    id: 'Penolakan memerlukan alasan hukum (paling sedikit 10 karakter), misalnya pengecualian menurut Pasal 15 UU 27/2022.',
    en: 'A refusal needs a legal reason (at least 10 characters), e.g. an exception under art. 15 of UU 27/2022.',
  },
  'subject_request.note_required': {
    status: 400,
    id: 'Tuliskan catatan jawaban untuk subjek data.',
    en: 'Write the note answering the data subject.',
  },
  'subject_request.export_first': {
    status: 409,
    id: 'Buat dan unduh salinan data (ekspor) dulu sebelum menjawab permintaan akses.',
    en: 'Produce and download the data export before answering an access request.',
  },
  'subject_request.not_access': { status: 409, id: 'Ekspor data hanya untuk permintaan akses.', en: 'Only access requests have a data export.' },
  'subject_request.refused': { status: 409, id: 'Permintaan ini ditolak; ekspor tidak dibuat.', en: 'This request was refused; no export is made.' },
  'subject_request.received_in_future': {
    status: 400,
    id: 'Waktu diterima tidak boleh di masa depan.',
    en: 'The time received may not be in the future.',
  },
  'subject_request.not_open_correction': {
    status: 400,
    id: 'Permintaan yang dirujuk bukan permintaan koreksi yang masih terbuka untuk orang ini.',
    en: 'The referenced request is not an open correction request of this person.',
  },
});
