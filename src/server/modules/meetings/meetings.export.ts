// The columns of the meetings and action-items workbooks (headers in both languages).
import { localDateTime, type ActionItem, type MeetingSummary } from '../../../common/meetings.ts';
import type { XlsxColumn } from '../../platform/export/xlsx.ts';

const MEETING_TYPES = {
  rakor: { id: 'Rapat koordinasi', en: 'Coordination meeting' },
  technical: { id: 'Rapat teknis', en: 'Technical meeting' },
  socialisation: { id: 'Sosialisasi', en: 'Socialisation' },
  monitoring: { id: 'Pemantauan', en: 'Monitoring' },
  other: { id: 'Lainnya', en: 'Other' },
} as const;

const STATUSES = {
  open: { id: 'Terbuka', en: 'Open' },
  in_progress: { id: 'Dikerjakan', en: 'In progress' },
  done: { id: 'Selesai', en: 'Done' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
} as const;

export function meetingColumns(lang: 'id' | 'en'): XlsxColumn<MeetingSummary>[] {
  return [
    { header: { id: 'Tanggal', en: 'Date' }, format: 'date', width: 12, value: (m) => localDateTime(m.startsAt, m.regionCode).date },
    {
      header: { id: 'Jam', en: 'Time' },
      width: 11,
      value: (m) => {
        const t = localDateTime(m.startsAt, m.regionCode);
        return `${t.time} ${t.label}`;
      },
    },
    { header: { id: 'Jenis rapat', en: 'Meeting type' }, width: 22, value: (m) => MEETING_TYPES[m.type][lang] },
    { header: { id: 'Judul', en: 'Title' }, width: 48, value: (m) => m.title },
    { header: { id: 'Tempat', en: 'Place' }, width: 28, value: (m) => m.place },
    { header: { id: 'Penyelenggara', en: 'Organiser' }, width: 28, value: (m) => m.organiser },
    { header: { id: 'Kode wilayah', en: 'Region code' }, width: 12, value: (m) => m.regionCode },
    { header: { id: 'Wilayah', en: 'Region' }, width: 24, value: (m) => m.regionName },
    { header: { id: 'Tindak lanjut terbuka', en: 'Open action items' }, format: 'integer', width: 12, value: (m) => m.openActionItems },
    { header: { id: 'Tindak lanjut terlambat', en: 'Overdue action items' }, format: 'integer', width: 12, value: (m) => m.overdueActionItems },
  ];
}

export function actionItemColumns(lang: 'id' | 'en'): XlsxColumn<ActionItem>[] {
  const yes = lang === 'id' ? 'Ya' : 'Yes';
  const no = lang === 'id' ? 'Tidak' : 'No';
  return [
    { header: { id: 'Tindak lanjut', en: 'Action item' }, width: 48, value: (a) => a.title },
    { header: { id: 'Penanggung jawab', en: 'Responsible' }, width: 30, value: (a) => a.ownerName },
    { header: { id: 'Batas waktu', en: 'Due date' }, format: 'date', width: 12, value: (a) => a.dueDate },
    { header: { id: 'Status', en: 'Status' }, width: 14, value: (a) => STATUSES[a.status][lang] },
    { header: { id: 'Terlambat', en: 'Overdue' }, width: 10, value: (a) => (a.overdue ? yes : no) },
    { header: { id: 'Rapat', en: 'Meeting' }, width: 40, value: (a) => a.meetingTitle },
    { header: { id: 'Tanggal rapat', en: 'Meeting date' }, format: 'date', width: 12, value: (a) => localDateTime(a.meetingStartsAt, a.regionCode).date },
    { header: { id: 'Kode wilayah', en: 'Region code' }, width: 12, value: (a) => a.regionCode },
  ];
}
