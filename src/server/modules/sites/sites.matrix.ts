// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get, region } from '../../test/matrix.ts';

const SYSTEM = cliContext('matrix');

/** A tiny but real PDF (the type is sniffed from its first bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart/form-data body with one file, for app.inject. */
export function multipart(file: { name: string; type: string; bytes: Buffer }, field = 'file') {
  const boundary = `----tuntas${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A site created by the system, in the given region (a district of Nunukan or Bulungan by default). */
export async function makeSite(app: FastifyInstance, regionCode: string, opts: { closed?: boolean; name?: string } = {}): Promise<number> {
  const site = await app.services.sites.create(SYSTEM, {
    name: opts.name ?? 'Lokalisasi Uji',
    localNames: [],
    regionCode,
    latitude: null,
    longitude: null,
    description: '',
    managingParties: '',
  });
  if (opts.closed) await app.services.sites.recordClosure(SYSTEM, site.id, { decreeNumber: 'SK 1/2019', decreeDate: '2019-01-02', closureDate: '2019-01-10' });
  return site.id;
}

const site = (fx: Fixture, rel: Relation, opts?: { closed?: boolean }) => makeSite(fx.app, rel === 'own' ? `${OWN}.02` : `${OTHER}.01`, opts);

async function siteWithEvidence(fx: Fixture, rel: Relation): Promise<{ id: number; fileId: number }> {
  const id = await site(fx, rel);
  const list = await fx.app.services.sites.uploadEvidence(SYSTEM, id, 'integrated_team_decree', { filename: 'sk.pdf', declaredType: 'application/pdf', bytes: PDF });
  return { id, fileId: list.items[0]!.fileId };
}

export const rows: MatrixRows = {
  'GET /api/sites': {
    request: () => get('/api/sites?limit=200'),
    allowed: 200,
    check: (res) => {
      for (const s of res.json().items) assert.ok(s.regencyCode.startsWith(OWN), `site outside the region listed: ${s.code}`);
    },
  },
  'GET /api/sites.xlsx': { request: () => get('/api/sites.xlsx?status=open'), allowed: 200 },
  'GET /api/sites/:id/head-counts.xlsx': {
    request: async (fx, _c, rel) => get(`/api/sites/${await site(fx, rel)}/head-counts.xlsx`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/sites': {
    request: (_fx, _c, rel) => ({ method: 'POST', url: '/api/sites', payload: { name: 'Lokalisasi Baru', regionCode: region(rel) } }),
    allowed: 200,
    otherRegion: 403,
  },
  'GET /api/sites/:id': { request: async (fx, _c, rel) => get(`/api/sites/${await site(fx, rel)}`), allowed: 200, otherRegion: 404 },
  'PATCH /api/sites/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/sites/${await site(fx, rel)}`, payload: { description: 'Diperbarui' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'PUT /api/sites/:id/milestones/:stage': {
    request: async (fx, _c, rel) => ({ method: 'PUT', url: `/api/sites/${await site(fx, rel)}/milestones/socialisation`, payload: { plannedDate: '2018-07-01' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/sites/:id/head-counts': { request: async (fx, _c, rel) => get(`/api/sites/${await site(fx, rel)}/head-counts`), allowed: 200, otherRegion: 404 },
  'POST /api/sites/:id/head-counts': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/sites/${await site(fx, rel)}/head-counts`,
      payload: { countedOn: '2018-05-18', source: 'dinsos', workers: 51 },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/sites/:id/closure': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/sites/${await site(fx, rel)}/closure`,
      payload: { decreeNumber: 'SK 188.45/2019', decreeDate: '2019-01-02', closureDate: '2019-01-10' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/sites/:id/monitoring-visits': { request: async (fx, _c, rel) => get(`/api/sites/${await site(fx, rel)}/monitoring-visits`), allowed: 200, otherRegion: 404 },
  'GET /api/sites/:id/monitoring-visits.xlsx': {
    request: async (fx, _c, rel) => get(`/api/sites/${await site(fx, rel, { closed: true })}/monitoring-visits.xlsx?finding=no_activity`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/sites/:id/monitoring-visits': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/sites/${await site(fx, rel, { closed: true })}/monitoring-visits`,
      payload: { visitedOn: '2019-03-01', finding: 'no_activity', visitedBy: 'Tim Dinsos' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/sites/:id/milestones/:stage/evidence': {
    request: async (fx, _c, rel) => get(`/api/sites/${await site(fx, rel)}/milestones/identification/evidence`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/sites/:id/milestones/:stage/evidence': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/sites/${await site(fx, rel)}/milestones/identification/evidence`,
      ...multipart({ name: 'berita-acara.pdf', type: 'application/pdf', bytes: PDF }),
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/sites/:id/evidence/:fileId': {
    request: async (fx, _c, rel) => {
      const { id, fileId } = await siteWithEvidence(fx, rel);
      return get(`/api/sites/${id}/evidence/${fileId}`);
    },
    allowed: 200,
    otherRegion: 404,
  },
};
