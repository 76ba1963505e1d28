import type { FastifyRequest } from 'fastify';
import type { Lang } from '../errors/app-error.ts';

/** The caller's language: ?lang=, then Accept-Language; Bahasa Indonesia by default. */
export function requestLang(req: FastifyRequest): Lang {
  // From the raw URL: route schemas strip parameters they do not declare (download links carry ?lang=).
  const q = new URLSearchParams(req.url.split('?')[1] ?? '').get('lang');
  if (q === 'en' || q === 'id') return q;
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.split(';')[0]!.trim().toLowerCase();
      if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return 'id';
}
