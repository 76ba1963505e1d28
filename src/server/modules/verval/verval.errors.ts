import { defineErrors } from '../../platform/errors/app-error.ts';

export const vervalError = defineErrors({
  'verval.site_not_found': { status: 404, id: 'Lokalisasi tidak ditemukan.', en: 'Site not found.' },
  'verval.list_not_found': { status: 404, id: 'Daftar tidak ditemukan.', en: 'List not found.' },
  'verval.programme_not_found': { status: 404, id: 'Program tidak ditemukan.', en: 'Programme not found.' },
  'verval.person_not_found': { status: 404, id: 'Orang tidak ditemukan dalam program ini.', en: 'Person not found in this programme.' },
  'verval.list_invalid': {
    status: 400,
    id: 'Daftar belum benar; lihat pesan di tiap isian.',
    en: 'The list is not valid; see the message at each field.',
  },
  'verval.list_empty': { status: 400, id: 'Daftar tidak boleh kosong.', en: 'A list cannot be empty.' },
  'verval.list_too_large': { status: 400, id: 'Daftar paling banyak {max} orang.', en: 'A list holds at most {max} persons.' },
  'verval.diff_order': { status: 400, id: 'Bandingkan dengan versi yang lebih lama dari lokalisasi yang sama.', en: 'Compare with an older version of the same site.' },
  'verval.no_rules': {
    status: 409,
    id: 'Program ini belum memiliki aturan kelayakan; tetapkan aturannya dahulu.',
    en: 'This programme has no eligibility rules yet; set them first.',
  },
  'verval.not_evaluated': {
    status: 409,
    id: 'Aturan belum dinilai untuk orang ini; nilai dahulu sebelum memutuskan.',
    en: 'The rules have not been evaluated for this person; evaluate before deciding.',
  },
  'verval.reason_required': {
    status: 400,
    id: 'Keputusan berbeda dari usulan aturan: tuliskan alasannya (paling sedikit {min} karakter).',
    en: 'The decision differs from the rules’ proposal: state why (at least {min} characters).',
  },
  'verval.rules_out_of_scope': {
    status: 403,
    id: 'Aturan kelayakan program ini ditetapkan oleh pemegang wilayah program.',
    en: 'This programme’s eligibility rules are set by holders of the programme’s whole region.',
  },
  'verval.too_many_persons': {
    status: 422,
    id: 'Terlalu banyak orang untuk dinilai sekaligus ({count}; paling banyak {max}). Pilih satu versi daftar.',
    en: 'Too many persons to evaluate at once ({count}; at most {max}). Choose one list version.',
  },
});
