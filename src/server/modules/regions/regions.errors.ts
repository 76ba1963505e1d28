import { defineErrors } from '../../platform/errors/app-error.ts';

export const regionError = defineErrors({
  'region.not_found': {
    status: 404,
    id: 'Wilayah dengan kode {code} tidak ditemukan.',
    en: 'No region has the code {code}.',
  },
});
