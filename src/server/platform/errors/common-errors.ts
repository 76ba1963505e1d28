import { defineErrors } from './app-error.ts';

/** Codes that belong to no single module. */
export const fail = defineErrors({
  internal: {
    status: 500,
    id: 'Terjadi kesalahan pada server. Silakan coba lagi; bila berulang, hubungi administrator dengan kode permintaan.',
    en: 'Something went wrong on the server. Please try again; if it persists, contact the administrator with the request id.',
  },
  validation: {
    status: 400,
    id: 'Data yang dikirim tidak valid.',
    en: 'The submitted data is not valid.',
  },
  not_found: { status: 404, id: 'Alamat tidak ditemukan.', en: 'Not found.' },
  payload_too_large: {
    status: 413,
    id: 'Data yang dikirim terlalu besar (maksimum {limit}).',
    en: 'The request is too large (limit {limit}).',
  },
  rate_limited: {
    status: 429,
    id: 'Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  unsupported_media_type: {
    status: 415,
    id: 'Jenis konten tidak didukung.',
    en: 'Unsupported content type.',
  },
  bad_request: { status: 400, id: 'Permintaan tidak dapat dibaca: {detail}', en: 'Malformed request: {detail}' },
  not_ready: {
    status: 503,
    id: 'Layanan belum siap: {reason}',
    en: 'Service not ready: {reason}',
  },
});
