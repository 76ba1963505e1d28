// The outcome report as an Excel workbook: the same suppressed figures as the API.
import type { OutcomeReport } from '../../../common/follow-ups.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { toXlsx, type XlsxColumn } from '../../platform/export/xlsx.ts';

export const OUTCOME_LABELS: Record<string, { id: string; en: string }> = {
  business_running: { id: 'Usaha berjalan', en: 'Business running' },
  employed: { id: 'Bekerja', en: 'Employed' },
  returned_home: { id: 'Pulang ke daerah asal', en: 'Returned home' },
  in_training: { id: 'Sedang pelatihan', en: 'In training' },
  moved: { id: 'Pindah', en: 'Moved' },
  returned_to_sex_work: { id: 'Kembali ke prostitusi', en: 'Returned to sex work' },
  lost_contact: { id: 'Hilang kontak', en: 'Lost contact' },
  unknown: { id: 'Belum ada kunjungan', en: 'No visit yet' },
  reached: { id: 'Kasus yang mencapai bulan ini', en: 'Cases reaching this month' },
};

interface Line {
  months: number;
  label: string;
  shown: string;
  share: number | null;
}

export function outcomeWorkbook(lang: Lang, report: OutcomeReport): Promise<Buffer> {
  const lines: Line[] = [];
  for (const m of report.milestones) {
    lines.push({ months: m.months, label: OUTCOME_LABELS.reached![lang], shown: m.reached.shown, share: null });
    for (const o of m.outcomes) lines.push({ months: m.months, label: OUTCOME_LABELS[o.outcome]![lang], shown: o.shown, share: o.share });
  }
  const columns: XlsxColumn<Line>[] = [
    { header: { id: 'Bulan setelah penutupan/kepulangan', en: 'Months after closure/return' }, width: 14, format: 'integer', value: (l) => l.months },
    { header: { id: 'Hasil', en: 'Outcome' }, width: 30, value: (l) => l.label },
    { header: { id: 'Jumlah', en: 'Count' }, width: 10, value: (l) => l.shown },
    { header: { id: 'Persentase', en: 'Share' }, width: 12, value: (l) => (l.share === null ? '' : `${(l.share * 100).toFixed(1)} %`) },
  ];
  const cohort: XlsxColumn<OutcomeReport>[] = [
    { header: { id: 'Kohort dari', en: 'Cohort from' }, format: 'date', value: (r) => r.query.cohortFrom },
    { header: { id: 'Kohort sampai', en: 'Cohort to' }, format: 'date', value: (r) => r.query.cohortTo },
    { header: { id: 'Wilayah', en: 'Region' }, value: (r) => r.query.regionCode ?? '' },
    { header: { id: 'Program', en: 'Programme' }, value: (r) => (r.query.programmeId === null ? '' : String(r.query.programmeId)) },
    { header: { id: 'Jumlah kasus', en: 'Cases' }, value: (r) => r.cohort.shown },
    { header: { id: 'Per tanggal', en: 'As of' }, format: 'date', value: (r) => r.asOf },
  ];
  return toXlsx(lang, [
    { name: lang === 'en' ? 'Outcomes' : 'Hasil', columns, rows: lines },
    { name: lang === 'en' ? 'Cohort' : 'Kohort', columns: cohort, rows: [report] },
  ] as never);
}
