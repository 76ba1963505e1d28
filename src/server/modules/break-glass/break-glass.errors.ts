import { defineErrors } from '../../platform/errors/app-error.ts';

export const breakGlassError = defineErrors({
  'break_glass.not_found': { status: 404, id: 'Akses darurat tidak ditemukan.', en: 'Break-glass access not found.' },
  'break_glass.unknown_region': { status: 400, id: 'Wilayah {code} tidak dikenal.', en: 'Unknown region {code}.' },
  'break_glass.own_grant': {
    status: 409,
    id: 'Akses darurat Anda sendiri harus ditinjau oleh orang lain.',
    en: 'Your own break-glass access must be reviewed by someone else.',
  },
  'break_glass.already_reviewed': { status: 409, id: 'Akses darurat ini sudah ditinjau.', en: 'This break-glass access was already reviewed.' },
});
