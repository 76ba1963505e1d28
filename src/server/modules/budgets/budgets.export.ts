// The columns of the realisation workbook (GET /api/budgets/realisation.xlsx).
import type { Realisation } from '../../../common/aid.ts';
import type { XlsxColumn } from '../../platform/export/xlsx.ts';

type Row = Realisation['rows'][number];
const SOURCE = { apbn_kemensos: 'APBN Kemensos', apbd_province: 'APBD Provinsi', apbd_regency: 'APBD Kabupaten/Kota' } as const;

export function realisationColumns(): XlsxColumn<Row>[] {
  return [
    { header: { id: 'Kode kab/kota', en: 'Regency code' }, width: 12, value: (r) => r.regencyCode },
    { header: { id: 'Kabupaten/kota', en: 'Regency/city' }, width: 24, value: (r) => r.regencyName },
    { header: { id: 'Kode komponen', en: 'Component code' }, width: 16, value: (r) => r.componentCode },
    { header: { id: 'Komponen', en: 'Component' }, width: 28, value: (r) => r.componentName },
    { header: { id: 'Sumber dana', en: 'Funding source' }, width: 20, value: (r) => SOURCE[r.fundingSource] },
    { header: { id: 'Penerima', en: 'Recipients' }, format: 'integer', width: 11, value: (r) => r.persons },
    { header: { id: 'Hak (Rp)', en: 'Entitled (Rp)' }, format: 'integer', width: 16, value: (r) => r.entitled },
    { header: { id: 'Terikat (Rp)', en: 'Committed (Rp)' }, format: 'integer', width: 16, value: (r) => r.committed },
    { header: { id: 'Terealisasi (Rp)', en: 'Paid (Rp)' }, format: 'integer', width: 16, value: (r) => r.paid },
  ];
}
