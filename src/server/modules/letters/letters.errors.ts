import { defineErrors } from '../../platform/errors/app-error.ts';

export const letterError = defineErrors({
  'letter.not_found': { status: 404, id: 'Surat tidak ditemukan.', en: 'Letter not found.' },
  'letter.unit_not_found': { status: 404, id: 'Unit penerbit surat tidak ditemukan.', en: 'Letter unit not found.' },
  'letter.recipient_not_found': { status: 404, id: 'Penerima surat tidak ditemukan.', en: 'Letter recipient not found.' },
  'letter.unit_code_taken': { status: 409, id: 'Kode unit {code} sudah dipakai.', en: 'Unit code {code} is already in use.' },
  'letter.unknown_region': { status: 400, id: 'Wilayah {code} tidak dikenal.', en: 'Unknown region {code}.' },
  'letter.not_draft': {
    status: 409,
    id: 'Surat ini sudah diterbitkan dan tidak dapat diubah.',
    en: 'This letter has been issued and can no longer be changed.',
  },
  'letter.not_issued': {
    status: 409,
    id: 'Surat belum diterbitkan: pengiriman dan tanggapan dicatat setelah surat bernomor.',
    en: 'The letter has not been issued: delivery and responses are recorded once it has a number.',
  },
  'letter.unknown_programme': {
    status: 400,
    id: 'Program {id} tidak ditemukan atau di luar wilayah Anda.',
    en: 'Programme {id} does not exist or lies outside your region.',
  },
  'letter.unknown_site': {
    status: 400,
    id: 'Lokalisasi {id} tidak ditemukan atau di luar wilayah Anda.',
    en: 'Site {id} does not exist or lies outside your region.',
  },
  'letter.logo_not_found': { status: 404, id: 'Unit ini belum memiliki logo kop surat.', en: 'This unit has no letterhead logo.' },
  'letter.logo_type': {
    status: 415,
    id: 'Logo kop surat harus berupa gambar PNG atau JPEG (berkas ini {actual}).',
    en: 'The letterhead logo must be a PNG or JPEG image (this file is {actual}).',
  },
  'letter.logo_unreadable': {
    status: 415,
    id: 'Gambar logo tidak dapat dibaca; simpan ulang sebagai PNG atau JPEG.',
    en: 'The logo image cannot be read; save it again as PNG or JPEG.',
  },
  'letter.export_too_large': {
    status: 422,
    id: 'Terlalu banyak baris untuk diekspor ({count}; paling banyak {max}). Persempit saringan.',
    en: 'Too many rows to export ({count}; at most {max}). Narrow the filters.',
  },
  'letter.incomplete': {
    status: 409,
    id: 'Surat belum lengkap untuk diterbitkan: isi nama dan jabatan penanda tangan.',
    en: 'The letter is not complete enough to issue: fill in the signatory’s name and title.',
  },
});
