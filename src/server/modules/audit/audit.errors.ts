import { defineErrors } from '../../platform/errors/app-error.ts';

export const auditError = defineErrors({
  'audit.export_too_large': {
    status: 422,
    id: 'Ekspor ini berisi {count} peristiwa, melebihi batas {max}. Persempit filter (misalnya rentang tanggal, wilayah atau tindakan).',
    en: 'This export would hold {count} events, more than the limit of {max}. Narrow the filter (e.g. the dates, region or action).',
  },
});
