// The letter informing the receiving regency/city's Dinsos of a return home: it
// names the case code, the home district, the date and the purpose — never the
// person's name or any other identity value (the case worker hands those over
// in person, as needed).
import { formatDateLong } from '../../../common/format.ts';
import type { ReturnHomeRow } from './return-home.repository.ts';
import { dateOf } from './return-home.view.ts';

const TRANSPORT: Record<ReturnHomeRow['transport_mode'], string> = { bus: 'bus', ship: 'kapal laut', plane: 'pesawat udara', other: 'angkutan lain' };

export function notificationLetter(r: ReturnHomeRow): { subject: string; body: string; recipient: string; regencyCode: string } {
  const regencyName = r.home_regency_name ?? r.home_regency_code ?? r.home_region_code;
  const body = [
    `Dengan hormat, bersama ini kami beritahukan bahwa klien rehabilitasi sosial dengan kode kasus ${r.case_code} ` +
      `direncanakan pulang ke daerah asal di Kecamatan ${r.home_region_name ?? r.home_region_code}, ${regencyName}, ` +
      `pada tanggal ${formatDateLong(dateOf(r.planned_date)!)} dengan ${TRANSPORT[r.transport_mode]}.`,
    'Mohon kiranya Dinas Sosial setempat dapat menerima dan mendampingi yang bersangkutan untuk pembinaan lanjut. ' +
      'Identitas lengkap akan disampaikan langsung oleh pendamping sesuai kebutuhan.',
    'Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan kerja samanya kami ucapkan terima kasih.',
  ].join('\n\n');
  return {
    subject: `Pemberitahuan pemulangan klien ${r.case_code}`,
    body,
    recipient: `Kepala Dinas Sosial ${regencyName}`,
    regencyCode: r.home_regency_code ?? r.home_region_code.slice(0, 5),
  };
}
