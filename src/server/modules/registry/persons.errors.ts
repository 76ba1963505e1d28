import { defineErrors } from '../../platform/errors/app-error.ts';

export const personError = defineErrors({
  'person.not_found': { status: 404, id: 'Orang tidak ditemukan.', en: 'Person not found.' },
  'person.invalid': { status: 400, id: 'Data orang belum benar; lihat pesan di tiap isian.', en: 'The person’s data is not valid; see the message at each field.' },
  'person.unknown_regency': { status: 400, id: 'Kabupaten/kota {code} tidak dikenal.', en: 'Unknown regency/city {code}.' },
  'person.site_mismatch': {
    status: 400,
    id: 'Lokalisasi itu tidak ada atau tidak berada di kabupaten/kota ini.',
    en: 'That site does not exist or lies outside this regency/city.',
  },
  'person.unknown_user': { status: 400, id: 'Pendamping yang ditunjuk tidak ada atau tidak aktif.', en: 'The assigned case worker does not exist or is disabled.' },
  'person.reason_required': {
    status: 400,
    id: 'Tuliskan alasan membuka identitas (paling sedikit 10 karakter).',
    en: 'State why you reveal the identity (at least 10 characters).',
  },
});
