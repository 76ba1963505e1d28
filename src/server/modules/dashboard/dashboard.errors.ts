import { defineErrors } from '../../platform/errors/app-error.ts';

export const dashboardError = defineErrors({
  'dashboard.programme_not_found': { status: 404, id: 'Program tidak ditemukan.', en: 'Programme not found.' },
  'dashboard.not_provincial': {
    status: 409,
    id: 'Dasbor dan linimasa tersedia untuk program provinsi; untuk program nasional gunakan rekap nasional.',
    en: 'The dashboard and timeline are for provincial programmes; for a national programme use the national roll-up.',
  },
  'dashboard.national_not_found': { status: 404, id: 'Program nasional tidak ditemukan.', en: 'National programme not found.' },
});
