import { defineErrors } from '../errors/app-error.ts';

export const idempotencyError = defineErrors({
  'idempotency.key_reused': {
    status: 422,
    id: 'Kunci idempotensi (header Idempotency-Key) ini sudah dipakai untuk permintaan dengan isi yang berbeda. Gunakan kunci baru untuk permintaan baru.',
    en: 'This idempotency key (Idempotency-Key header) was already used for a request with different content. Use a new key for a new request.',
  },
  'idempotency.in_progress': {
    status: 409,
    id: 'Permintaan dengan kunci idempotensi yang sama sedang diproses. Tunggu sebentar lalu coba lagi.',
    en: 'A request with the same idempotency key is being processed. Wait a moment and try again.',
  },
  'idempotency.claim_lost': {
    status: 409,
    id: 'Permintaan ini diambil alih oleh percobaan ulang dengan kunci idempotensi yang sama; perubahannya dibatalkan.',
    en: 'This request was taken over by a retry with the same idempotency key; its change was rolled back.',
  },
});
