import { defineErrors } from '../errors/app-error.ts';

export const authError = defineErrors({
  'auth.unauthenticated': { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.session_expired': {
    status: 401,
    id: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    en: 'Your session has ended. Please sign in again.',
  },
  'auth.forbidden': {
    status: 403,
    id: 'Anda tidak memiliki izin untuk tindakan ini.',
    en: 'You are not allowed to do this.',
  },
  'auth.out_of_scope': {
    status: 403,
    id: 'Data ini berada di luar wilayah kerja Anda.',
    en: 'This record is outside your region.',
  },
  'auth.step_incomplete': {
    status: 403,
    id: 'Selesaikan langkah masuk terlebih dahulu ({state}).',
    en: 'Finish signing in first ({state}).',
  },
  'auth.reauth_required': {
    status: 403,
    id: 'Tindakan ini memerlukan konfirmasi ulang kata sandi (dan kode MFA).',
    en: 'This action needs you to confirm your password (and MFA code) again.',
  },
  'auth.csrf': {
    status: 403,
    id: 'Permintaan ditolak: token keamanan (CSRF) tidak cocok. Muat ulang halaman.',
    en: 'Request refused: the security (CSRF) token does not match. Reload the page.',
  },
  'auth.invalid_credentials': {
    status: 401,
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong username or password.',
  },
  'auth.throttled': {
    status: 429,
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds} detik.',
    en: 'Too many failed sign-in attempts. Try again in {seconds} seconds.',
  },
  'auth.invalid_mfa_code': {
    status: 401,
    id: 'Kode verifikasi salah atau sudah dipakai.',
    en: 'The verification code is wrong or was already used.',
  },
  'auth.weak_password': {
    status: 400,
    id: 'Kata sandi terlalu mudah ditebak. {hint}',
    en: 'The password is too easy to guess. {hint}',
  },
  'auth.wrong_password': { status: 400, id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  'auth.setup_unavailable': {
    status: 410,
    id: 'Tautan penyiapan tidak berlaku lagi (sudah dipakai, kedaluwarsa, atau administrator sudah ada).',
    en: 'The setup link is no longer valid (used, expired, or an administrator already exists).',
  },
});
