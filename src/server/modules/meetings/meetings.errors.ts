import { defineErrors } from '../../platform/errors/app-error.ts';

export const meetingError = defineErrors({
  'meeting.not_found': { status: 404, id: 'Rapat tidak ditemukan.', en: 'Meeting not found.' },
  'meeting.unknown_region': { status: 400, id: 'Wilayah {code} tidak dikenal.', en: 'Unknown region {code}.' },
  'meeting.region_out_of_scope': {
    status: 400,
    id: 'Wilayah {code} berada di luar wilayah kerja Anda.',
    en: 'Region {code} is outside your region.',
  },
  'meeting.unknown_site': { status: 400, id: 'Lokalisasi {id} tidak ditemukan.', en: 'Site {id} not found.' },
  'meeting.unknown_programme': { status: 400, id: 'Program {id} tidak ditemukan.', en: 'Programme {id} not found.' },
  'meeting.ends_before_start': {
    status: 400,
    id: 'Waktu selesai rapat tidak boleh sebelum waktu mulai.',
    en: 'The meeting cannot end before it starts.',
  },
  'meeting.decision_not_found': { status: 404, id: 'Keputusan tidak ditemukan.', en: 'Decision not found.' },
  'meeting.unknown_decision': {
    status: 400,
    id: 'Keputusan {id} bukan keputusan rapat ini.',
    en: 'Decision {id} is not a decision of this meeting.',
  },
  'meeting.unknown_owner': {
    status: 400,
    id: 'Pengguna penanggung jawab tidak ditemukan atau tidak aktif.',
    en: 'The responsible user does not exist or is not active.',
  },
  'meeting.attachment_not_found': { status: 404, id: 'Lampiran tidak ditemukan.', en: 'Attachment not found.' },
  'action_item.not_found': { status: 404, id: 'Tindak lanjut tidak ditemukan.', en: 'Action item not found.' },
  'action_item.status_only': {
    status: 403,
    id: 'Anda hanya dapat mengubah status tindak lanjut ini.',
    en: 'You may only change the status of this action item.',
  },
});
