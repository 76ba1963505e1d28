import { defineErrors } from '../../platform/errors/app-error.ts';

export const budgetError = defineErrors({
  'budget.not_found': { status: 404, id: 'Alokasi anggaran tidak ditemukan.', en: 'Budget allocation not found.' },
  'budget.component_not_found': { status: 404, id: 'Komponen bantuan tidak ditemukan (isian componentId).', en: 'Aid component not found (field componentId).' },
  'budget.source_mismatch': {
    status: 400,
    id: 'Sumber dana harus sama dengan sumber dana komponen ({source}) (isian fundingSource).',
    en: 'The funding source must be the component’s ({source}) (field fundingSource).',
  },
  'budget.region_invalid': {
    status: 400,
    id: 'APBN tanpa wilayah; APBD provinsi dengan kode provinsi; APBD kabupaten/kota dengan kode kabupaten/kota (isian regionCode).',
    en: 'APBN takes no region; provincial APBD a province code; regency/city APBD a regency/city code (field regionCode).',
  },
  'budget.out_of_scope': {
    status: 403,
    id: 'Anggaran wilayah ini diatur oleh pemegang wilayah tersebut (isian regionCode).',
    en: 'This region’s budget is managed by holders of that region (field regionCode).',
  },
  'budget.exists': { status: 409, id: 'Alokasi untuk komponen, sumber dana dan wilayah ini sudah ada.', en: 'An allocation for this component, funding source and region already exists.' },
  'budget.stale': {
    status: 409,
    id: 'Alokasi telah diubah orang lain; muat ulang lalu coba lagi (isian version).',
    en: 'Someone else changed this allocation; reload and try again (field version).',
  },
});
