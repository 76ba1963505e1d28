import { defineErrors } from '../../platform/errors/app-error.ts';

export const userError = defineErrors({
  'user.not_found': { status: 404, id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  'user.username_taken': {
    status: 409,
    id: 'Nama pengguna "{username}" sudah dipakai.',
    en: 'The username "{username}" is already taken.',
  },
  'user.unknown_role': { status: 400, id: 'Peran tidak dikenal: {role}.', en: 'Unknown role: {role}.' },
  'user.unknown_region': {
    status: 400,
    id: 'Wilayah {code} tidak ada atau bukan provinsi/kabupaten/kota.',
    en: 'Region {code} does not exist or is not a province/regency/city.',
  },
  'user.scope_too_wide': {
    status: 403,
    id: 'Anda hanya dapat memberi wilayah kerja di dalam wilayah Anda sendiri.',
    en: 'You can only assign a region within your own.',
  },
  'user.role_not_grantable': {
    status: 403,
    id: 'Anda tidak boleh memberikan peran {role}.',
    en: 'You may not grant the role {role}.',
  },
  'user.self_action': {
    status: 409,
    id: 'Tindakan ini tidak dapat dilakukan pada akun Anda sendiri.',
    en: 'You cannot do this to your own account.',
  },
  'role.not_found': { status: 404, id: 'Peran {key} tidak ditemukan.', en: 'Role {key} not found.' },
});
