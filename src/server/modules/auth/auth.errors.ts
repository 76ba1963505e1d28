import { defineErrors } from '../../platform/errors/app-error.ts';

export const signInError = defineErrors({
  'auth.mfa_not_enrolling': {
    status: 409,
    id: 'Tidak ada pendaftaran MFA yang sedang berjalan. Mulai lagi dari awal.',
    en: 'No MFA enrolment is in progress. Start again.',
  },
  'auth.session_not_found': { status: 404, id: 'Sesi tidak ditemukan.', en: 'Session not found.' },
});
