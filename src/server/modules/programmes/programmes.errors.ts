import { defineErrors } from '../../platform/errors/app-error.ts';

export const programmeError = defineErrors({
  'programme.not_found': { status: 404, id: 'Program tidak ditemukan.', en: 'Programme not found.' },
  'programme.region_not_found': { status: 404, id: 'Wilayah program tidak ditemukan.', en: 'Programme region not found.' },
  'programme.readiness_not_found': { status: 404, id: 'Permintaan kesiapan tidak ditemukan.', en: 'Readiness request not found.' },
  'programme.national_only': {
    status: 403,
    id: 'Program nasional hanya dapat dibuat atau diubah oleh pengguna berwilayah nasional.',
    en: 'Only national-scope users may create or change a national programme.',
  },
  'programme.bad_parent': { status: 400, id: 'Program induk harus program nasional.', en: 'The parent must be a national programme.' },
  'programme.unknown_province': { status: 400, id: 'Provinsi {code} tidak dikenal.', en: 'Unknown province {code}.' },
  'programme.not_provincial': {
    status: 409,
    id: 'Kabupaten/kota hanya dapat ditambahkan ke program provinsi.',
    en: 'Regencies/cities can only be added to a provincial programme.',
  },
  'programme.region_outside': {
    status: 400,
    id: 'Wilayah {code} bukan kabupaten/kota di provinsi {province}.',
    en: 'Region {code} is not a regency/city of province {province}.',
  },
  'programme.region_exists': { status: 409, id: 'Wilayah {code} sudah ada di program ini.', en: 'Region {code} is already in this programme.' },
  'programme.invalid_transition': {
    status: 409,
    id: 'Status tidak dapat diubah dari "{from}" ke "{to}".',
    en: 'The status cannot change from "{from}" to "{to}".',
  },
  'programme.already_answered': { status: 409, id: 'Permintaan kesiapan ini sudah dijawab.', en: 'This readiness request was already answered.' },
  'programme.export_too_large': {
    status: 422,
    id: 'Terlalu banyak baris untuk diekspor ({count}; paling banyak {max}). Persempit saringan.',
    en: 'Too many rows to export ({count}; at most {max}). Narrow the filters.',
  },
  'programme.answer_before_request': {
    status: 400,
    id: 'Tanggal jawaban tidak boleh sebelum tanggal permintaan.',
    en: 'The answer date cannot be before the request date.',
  },
});
