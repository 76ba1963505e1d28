import { defineErrors } from '../../platform/errors/app-error.ts';

export const aidError = defineErrors({
  'aid.programme_not_found': { status: 404, id: 'Program tidak ditemukan.', en: 'Programme not found.' },
  'aid.scheme_not_found': { status: 404, id: 'Skema bantuan tidak ditemukan.', en: 'Aid scheme not found.' },
  'aid.entitlement_not_found': { status: 404, id: 'Hak bantuan tidak ditemukan.', en: 'Entitlement not found.' },
  'aid.scheme_exists': {
    status: 409,
    id: 'Program ini sudah memiliki skema bernama sama untuk tahun {year} (isian name).',
    en: 'This programme already has a scheme of that name for {year} (field name).',
  },
  'aid.duplicate_component': {
    status: 400,
    id: 'Kode komponen {code} tercantum dua kali (isian components.code).',
    en: 'Component code {code} is listed twice (field components.code).',
  },
  'aid.scheme_out_of_scope': {
    status: 403,
    id: 'Skema bantuan program ini diatur oleh pemegang seluruh wilayah program.',
    en: 'This programme’s aid schemes are set by holders of the programme’s whole region.',
  },
  'aid.scheme_closed': { status: 409, id: 'Skema bantuan sudah ditutup; hak bantuan baru tidak dapat dibuat.', en: 'The aid scheme is closed; no new entitlements can be generated.' },
  'aid.no_components': { status: 409, id: 'Skema belum memiliki komponen aktif (isian components).', en: 'The scheme has no active component (field components).' },
  'aid.stale': {
    status: 409,
    id: 'Data telah diubah orang lain; muat ulang lalu coba lagi (isian version).',
    en: 'Someone else changed this record; reload and try again (field version).',
  },
  'aid.no_review_pending': { status: 409, id: 'Hak bantuan ini tidak menunggu pemeriksaan.', en: 'This entitlement is not waiting for review.' },
  'aid.cannot_cancel': {
    status: 409,
    id: 'Hak bantuan berstatus {status} tidak dapat dibatalkan (hanya yang terutang atau gagal).',
    en: 'An entitlement in status {status} cannot be cancelled (only due or failed ones).',
  },
});
