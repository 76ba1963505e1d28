import { defineErrors } from '../../platform/errors/app-error.ts';

export const paymentError = defineErrors({
  'payment.batch_not_found': { status: 404, id: 'Batch pembayaran tidak ditemukan.', en: 'Payment batch not found.' },
  'payment.not_found': { status: 404, id: 'Pembayaran tidak ditemukan.', en: 'Payment not found.' },
  'payment.mismatch_not_found': { status: 404, id: 'Ketidakcocokan tidak ditemukan.', en: 'Mismatch not found.' },
  'payment.programme_not_found': { status: 404, id: 'Program tidak ditemukan (isian programmeId).', en: 'Programme not found (field programmeId).' },
  'payment.format_not_found': { status: 404, id: 'Format berkas bank {bank} belum diatur.', en: 'No bank file format is set for {bank}.' },
  'payment.region_out_of_scope': { status: 403, id: 'Wilayah (isian region) di luar wilayah kerja Anda.', en: 'The region (field region) is outside your scope.' },
  'payment.nothing_due': {
    status: 409,
    id: 'Tidak ada hak bantuan jatuh tempo dengan rekening bank yang dapat dipakai untuk filter ini.',
    en: 'No due entitlement with a usable bank account matches these filters.',
  },
  'payment.mixed_years': {
    status: 409,
    id: 'Hak bantuan ini berasal dari skema beberapa tahun ({years}); pilih satu skema (isian schemeId).',
    en: 'These entitlements come from schemes of several years ({years}); choose one scheme (field schemeId).',
  },
  'payment.batch_state': { status: 409, id: 'Batch berstatus {status}; tindakan ini memerlukan status {expected}.', en: 'The batch is {status}; this needs {expected}.' },
  'payment.stale': { status: 409, id: 'Batch telah diubah orang lain; muat ulang halaman.', en: 'The batch was changed by someone else; reload the page.' },
  'payment.same_person': {
    status: 403,
    id: 'Batch ini Anda siapkan sendiri; persetujuan harus diberikan orang lain.',
    en: 'You prepared this batch; another person must approve it.',
  },
  'payment.no_budget': {
    status: 409,
    id: 'Belum ada pagu anggaran untuk komponen {component} ({source}{region}); persetujuan ditolak.',
    en: 'There is no budget allocation for component {component} ({source}{region}); approval refused.',
  },
  'payment.budget_exceeded': {
    status: 409,
    id: 'Anggaran tidak cukup untuk komponen {component} ({source}{region}): sisa {remaining}, batch memerlukan {needed}. Persetujuan ditolak.',
    en: 'The budget is not enough for component {component} ({source}{region}): {remaining} left, the batch needs {needed}. Approval refused.',
  },
  'payment.file_invalid': {
    status: 422,
    id: 'Berkas hasil bank memuat kesalahan; tidak ada yang diterapkan. Lihat pesan tiap baris.',
    en: 'The bank’s result file has errors; nothing was applied. See the message for each row.',
  },
  'payment.file_hash': {
    status: 400,
    id: 'Sidik SHA-256 berkas (query.sha256) tidak sama dengan berkas yang diunggah.',
    en: 'The file’s SHA-256 (query.sha256) does not match the uploaded file.',
  },
  'payment.file_applied': { status: 409, id: 'Berkas ini sudah pernah diterapkan pada batch ini.', en: 'This file was already applied to this batch.' },
  'payment.file_empty': { status: 400, id: 'Berkas hasil bank tidak memuat baris data.', en: 'The bank’s result file has no data rows.' },
  'payment.mismatch_resolved': { status: 409, id: 'Ketidakcocokan ini sudah diselesaikan.', en: 'This mismatch is already resolved.' },
  'payment.receipt_not_paid': { status: 409, id: 'Kuitansi hanya untuk pembayaran yang sudah dibayar.', en: 'A receipt is only for a paid payment.' },
  'payment.year_not_over': {
    status: 409,
    id: 'Tahun anggaran {year} belum berakhir; dana yang belum diambil dikembalikan ke kas negara setelah 31 Desember.',
    en: 'Budget year {year} is not over; unclaimed money returns to the treasury after 31 December.',
  },
});
