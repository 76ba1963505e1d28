import { defineErrors } from '../../platform/errors/app-error.ts';

export const siteError = defineErrors({
  'site.not_found': { status: 404, id: 'Lokalisasi tidak ditemukan.', en: 'Site not found.' },
  'site.unknown_region': { status: 400, id: 'Wilayah {code} tidak dikenal.', en: 'Unknown region {code}.' },
  'site.already_closed': { status: 409, id: 'Lokalisasi ini sudah ditutup.', en: 'This site is already closed.' },
  'site.not_closed': {
    status: 409,
    id: 'Kunjungan pemantauan dicatat setelah penutupan.',
    en: 'Monitoring visits are recorded after closure.',
  },
  'site.decree_after_closure': {
    status: 400,
    id: 'Tanggal SK penutupan tidak boleh setelah tanggal penutupan.',
    en: 'The closure decree date cannot be after the closure date.',
  },
  'site.evidence_not_found': { status: 404, id: 'Bukti tidak ditemukan.', en: 'Evidence not found.' },
  'site.export_too_large': {
    status: 422,
    id: 'Terlalu banyak baris untuk diekspor ({count}; paling banyak {max}). Persempit saringan.',
    en: 'Too many rows to export ({count}; at most {max}). Narrow the filters.',
  },
});
