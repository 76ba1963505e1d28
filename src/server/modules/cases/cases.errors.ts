import { defineErrors } from '../../platform/errors/app-error.ts';

export const caseError = defineErrors({
  'case.not_found': { status: 404, id: 'Kasus tidak ditemukan.', en: 'Case not found.' },
  'case.person_not_found': { status: 404, id: 'Orang tidak ditemukan.', en: 'Person not found.' },
  'case.programme_not_found': { status: 404, id: 'Program tidak ditemukan.', en: 'Programme not found.' },
  'case.person_outside_programme': {
    status: 400,
    id: 'Orang ini berada di luar wilayah program (isian personId).',
    en: 'This person lies outside the programme’s region (field personId).',
  },
  'case.already_open': { status: 409, id: 'Orang ini sudah memiliki kasus dalam program ini (kasus {caseId}).', en: 'This person already has a case in this programme (case {caseId}).' },
  'case.regency_out_of_scope': { status: 403, id: 'Kabupaten/kota di luar wilayah Anda (isian regencyCode).', en: 'The regency/city is outside your region (field regencyCode).' },
  'case.assignee_invalid': {
    status: 400,
    id: 'Pengguna yang dipilih tidak dapat memegang peran ini untuk kasus di wilayah ini (isian {field}).',
    en: 'The chosen user cannot hold this role for a case in this region (field {field}).',
  },
  'case.reason_required': { status: 400, id: 'Tuliskan alasannya (isian reason, paling sedikit {min} karakter).', en: 'State a reason (field reason, at least {min} characters).' },
  'case.transition_not_allowed': {
    status: 409,
    id: 'Status kasus tidak dapat diubah dari {from} ke {to}.',
    en: 'The case cannot move from {from} to {to}.',
  },
  'case.closed': { status: 409, id: 'Kasus sudah ditutup; buka kembali dahulu.', en: 'The case is closed; reopen it first.' },
  'case.not_closed': { status: 409, id: 'Kasus belum ditutup.', en: 'The case is not closed.' },
  'case.closure_pending': { status: 409, id: 'Penutupan kasus sudah diajukan dan menunggu persetujuan.', en: 'Closure has been requested and awaits approval.' },
  'case.no_closure_request': { status: 409, id: 'Tidak ada pengajuan penutupan untuk kasus ini.', en: 'There is no closure request for this case.' },
  'case.own_request': {
    status: 403,
    id: 'Pengajuan penutupan disetujui oleh penyelia lain, bukan oleh pengajunya.',
    en: 'A closure is approved by another supervisor, not by the person who requested it.',
  },
  'case.version_conflict': { status: 409, id: 'Kasus telah diubah oleh orang lain; muat ulang dan coba lagi.', en: 'The case was changed by someone else; reload and try again.' },
  'case.needs_assessment': { status: 409, id: 'Rencana disusun setelah asesmen diajukan.', en: 'A plan follows a submitted assessment.' },
  'case.needs_approved_plan': { status: 409, id: 'Layanan dimulai setelah rencana disetujui.', en: 'Services start once a plan is approved.' },
  // assessment forms and assessments
  'case.form_not_found': { status: 404, id: 'Formulir asesmen tidak ditemukan.', en: 'Assessment form not found.' },
  'case.form_version_conflict': {
    status: 409,
    id: 'Versi {latest} sudah disimpan orang lain sejak Anda menyalin versi {version}; muat ulang dan ulangi perubahan Anda.',
    en: 'Version {latest} was saved by someone else since you copied version {version}; reload and make your changes again.',
  },
  'case.form_invalid': { status: 400, id: 'Formulir belum benar: {problem}.', en: 'The form is not valid: {problem}.' },
  'case.assessment_not_found': { status: 404, id: 'Asesmen tidak ditemukan.', en: 'Assessment not found.' },
  'case.assessment_locked': {
    status: 409,
    id: 'Asesmen ini sudah diajukan dan dikunci; buat versi baru untuk koreksi.',
    en: 'This assessment has been submitted and is locked; create a new version to correct it.',
  },
  'case.assessment_draft_exists': { status: 409, id: 'Masih ada draf asesmen untuk kasus ini (versi {version}).', en: 'This case already has a draft assessment (version {version}).' },
  'case.answers_invalid': { status: 400, id: 'Jawaban belum benar; lihat pesan di tiap pertanyaan.', en: 'Some answers are not valid; see the message at each question.' },
  // plans
  'case.plan_not_found': { status: 404, id: 'Rencana tidak ditemukan.', en: 'Plan not found.' },
  'case.plan_locked': {
    status: 409,
    id: 'Rencana ini sudah diajukan atau disetujui dan tidak dapat diubah; buat versi baru.',
    en: 'This plan has been submitted or approved and cannot be changed; create a new version.',
  },
  'case.plan_open_exists': { status: 409, id: 'Masih ada rencana yang belum disetujui (versi {version}); ubah yang itu.', en: 'A plan not yet approved exists (version {version}); change that one.' },
  'case.plan_not_submitted': { status: 409, id: 'Rencana belum diajukan untuk persetujuan.', en: 'The plan has not been submitted for approval.' },
  'case.plan_empty': { status: 400, id: 'Rencana memerlukan paling sedikit satu tujuan dan satu layanan.', en: 'A plan needs at least one goal and one service.' },
  'case.own_plan': { status: 403, id: 'Rencana disetujui oleh penyelia lain, bukan oleh pengajunya.', en: 'A plan is approved by another supervisor, not by the person who submitted it.' },
  // notes and tasks
  'case.note_not_found': { status: 404, id: 'Catatan tidak ditemukan.', en: 'Note not found.' },
  'case.attachment_not_found': { status: 404, id: 'Lampiran tidak ditemukan.', en: 'Attachment not found.' },
  'case.note_confidential': { status: 403, id: 'Catatan rahasia hanya untuk pendamping dan penyelia kasus.', en: 'A confidential note is for the case’s worker and supervisor only.' },
  'case.task_not_found': { status: 404, id: 'Tugas tidak ditemukan.', en: 'Task not found.' },
});
