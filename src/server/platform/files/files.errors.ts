import { defineErrors } from '../errors/app-error.ts';

export const fileError = defineErrors({
  'file.missing': { status: 400, id: 'Berkas belum dilampirkan.', en: 'No file was attached.' },
  'file.too_large': {
    status: 413,
    id: 'Berkas terlalu besar: batasnya {limit}.',
    en: 'The file is too large: the limit is {limit}.',
  },
  'file.type_not_allowed': {
    status: 415,
    id: 'Jenis berkas tidak diizinkan: hanya PDF, PNG, JPEG atau WebP.',
    en: 'File type not allowed: only PDF, PNG, JPEG or WebP.',
  },
  'file.type_mismatch': {
    status: 415,
    id: 'Isi berkas ({actual}) tidak sesuai dengan nama atau jenisnya ({declared}).',
    en: 'The file content ({actual}) does not match its name or declared type ({declared}).',
  },
  'file.not_found': { status: 404, id: 'Berkas tidak ditemukan.', en: 'File not found.' },
  // Crypto-shredded with the identity of the person it was about (a data-subject deletion request).
  'file.erased': {
    status: 410,
    id: 'Berkas ini sudah dihapus permanen bersama identitas orang yang bersangkutan atas permintaan subjek data.',
    en: 'This file was erased for good together with the identity of the person it concerned, at the data subject’s request.',
  },
  // A server fault, not the user's: the file's master key is not configured here, or its row was altered.
  'file.unreadable': {
    status: 500,
    id: 'Berkas ini tidak dapat dibuka: kunci enkripsinya tidak tersedia di server ini atau datanya telah diubah. Hubungi administrator.',
    en: 'This file cannot be opened: its encryption key is not available on this server, or its data was altered. Contact the administrator.',
  },
});
