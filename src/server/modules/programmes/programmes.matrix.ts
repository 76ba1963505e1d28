// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
// Matrix users all work in Kabupaten Nunukan (65.03): they see the national programme and
// Kaltara's (65), manage Nunukan's row of it, but not the provincial programme itself
// (that is for province-scope users: programmes.test.ts covers them).
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get } from '../../test/matrix.ts';

const system = cliContext('matrix');

/** A national programme, Kaltara's under it with Nunukan (OWN) and Bulungan (OTHER), and one of Kaltim (64). */
async function programmes(app: FastifyInstance) {
  const svc = app.services.programmes;
  const national = await svc.create(system, { level: 'national', name: 'Indonesia Bebas Lokalisasi 2019', owner: 'Kemensos', targetDate: '2019-12-31', description: '' });
  const kaltara = await svc.create(system, { level: 'province', parentId: national.id, regionCode: '65', name: 'Kaltara Bebas Lokalisasi 2018', owner: 'Dinsos Provinsi Kaltara', targetDate: '2018-12-31', description: '' });
  const kaltim = await svc.create(system, { level: 'province', parentId: national.id, regionCode: '64', name: 'Kaltim Bebas Lokalisasi', owner: 'Dinsos Provinsi Kaltim', targetDate: null, description: '' });
  const own = await svc.addRegion(system, kaltara.id, { regionCode: OWN, targetDate: '2018-07-31' });
  const other = await svc.addRegion(system, kaltara.id, { regionCode: OTHER, targetDate: '2018-03-31' });
  return { national, kaltara, kaltim, own, other };
}

const programmeFor = async (fx: Fixture, rel: Relation) => {
  const p = await programmes(fx.app);
  return rel === 'own' ? p.kaltara.id : p.kaltim.id;
};
const regionFor = async (fx: Fixture, rel: Relation) => {
  const p = await programmes(fx.app);
  return rel === 'own' ? p.own.id : p.other.id;
};

export const rows: MatrixRows = {
  'GET /api/programmes': {
    request: async (fx) => (await programmes(fx.app), get('/api/programmes?limit=200')),
    allowed: 200,
    check: (res) => {
      for (const p of res.json().items) if (p.regionCode !== null && p.regionCode !== '65') throw new Error(`programme outside the region listed: ${p.id}`);
    },
  },
  'GET /api/programmes.xlsx': { request: async (fx) => (await programmes(fx.app), get('/api/programmes.xlsx?level=province')), allowed: 200 },
  'POST /api/programmes': {
    request: async (fx, _c, rel) => {
      const p = await programmes(fx.app);
      return { method: 'POST', url: '/api/programmes', payload: { level: 'province', parentId: p.national.id, regionCode: rel === 'own' ? '65' : '64', name: 'Program baru', owner: 'Dinsos' } };
    },
    allowed: 403, // a regency user cannot create a provincial programme
  },
  'GET /api/programmes/:id': { request: async (fx, _c, rel) => get(`/api/programmes/${await programmeFor(fx, rel)}`), allowed: 200, otherRegion: 404 },
  'PATCH /api/programmes/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/programmes/${await programmeFor(fx, rel)}`, payload: { targetDate: '2019-01-31' } }),
    allowed: 403, // the provincial programme is managed by province-scope users
    otherRegion: 404,
  },
  'GET /api/programmes/:id/regions': {
    request: async (fx, _c, rel) => get(`/api/programmes/${await programmeFor(fx, rel)}/regions`),
    allowed: 200,
    otherRegion: 404,
    check: (res) => {
      for (const r of res.json().items) if (!r.regionCode.startsWith(OWN)) throw new Error(`regional row outside the region listed: ${r.regionCode}`);
    },
  },
  'GET /api/programmes/:id/regions.xlsx': {
    request: async (fx, _c, rel) => get(`/api/programmes/${await programmeFor(fx, rel)}/regions.xlsx?status=not_started`),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/programmes/:id/regions': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/programmes/${await programmeFor(fx, rel)}/regions`, payload: { regionCode: '65.71' } }),
    allowed: 403,
    otherRegion: 404,
  },
  'GET /api/programme-regions/:id': { request: async (fx, _c, rel) => get(`/api/programme-regions/${await regionFor(fx, rel)}`), allowed: 200, otherRegion: 404 },
  'PATCH /api/programme-regions/:id': {
    request: async (fx, _c, rel) => ({
      method: 'PATCH',
      url: `/api/programme-regions/${await regionFor(fx, rel)}`,
      payload: { targetDate: '2019-01-10', reason: 'Dana jadup dialihkan; penutupan ditunda' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/programme-regions/:id/status': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/programme-regions/${await regionFor(fx, rel)}/status`,
      payload: { to: 'preparing', reason: 'Rakor di Nunukan 18 Mei 2018' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/programme-regions/:id/history': { request: async (fx, _c, rel) => get(`/api/programme-regions/${await regionFor(fx, rel)}/history`), allowed: 200, otherRegion: 404 },
  'GET /api/programme-regions/:id/history.xlsx': {
    request: async (fx, _c, rel) => get(`/api/programme-regions/${await regionFor(fx, rel)}/history.xlsx?order=desc`),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/programme-regions/:id/readiness.xlsx': {
    request: async (fx, _c, rel) => get(`/api/programme-regions/${await regionFor(fx, rel)}/readiness.xlsx?answered=false`),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/programme-regions/:id/readiness': { request: async (fx, _c, rel) => get(`/api/programme-regions/${await regionFor(fx, rel)}/readiness`), allowed: 200, otherRegion: 404 },
  'POST /api/programme-regions/:id/readiness': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/programme-regions/${await regionFor(fx, rel)}/readiness`,
      payload: { askedAt: '2018-05-18', askedOf: 'Pemkab Nunukan', question: 'Apakah pemda siap menutup lokalisasi?' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/readiness-requests/:id/answer': {
    request: async (fx, _c, rel) => {
      const req = await fx.app.services.programmes.requestReadiness(system, await regionFor(fx, rel), {
        askedAt: '2018-05-18',
        askedOf: 'Pemkab Nunukan',
        question: 'Apakah pemda siap menutup lokalisasi?',
      });
      return { method: 'POST', url: `/api/readiness-requests/${req.id}/answer`, payload: { answeredAt: '2018-06-01', answer: 'ready', answeredBy: 'Sekda' } };
    },
    allowed: 200,
    otherRegion: 404,
  },
};
