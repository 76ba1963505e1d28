// Authorization-matrix rows of the dashboard (see src/server/authorization-matrix.test.ts).
// Matrix users work in Kabupaten Nunukan (65.03): Kaltara's programme (65) is theirs, showing
// only Nunukan's row; Kaltim's (64) is another region's and answers 404.
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get } from '../../test/matrix.ts';

const system = cliContext('matrix');

async function programmes(app: FastifyInstance) {
  const svc = app.services.programmes;
  const national = await svc.create(system, { level: 'national', name: 'Indonesia Bebas Lokalisasi 2019', owner: 'Kemensos', targetDate: '2019-12-31', description: '' });
  const kaltara = await svc.create(system, { level: 'province', parentId: national.id, regionCode: '65', name: 'Kaltara Bebas Lokalisasi 2018', owner: 'Dinsos Provinsi Kaltara', targetDate: '2018-12-31', description: '' });
  const kaltim = await svc.create(system, { level: 'province', parentId: national.id, regionCode: '64', name: 'Kaltim Bebas Lokalisasi', owner: 'Dinsos Provinsi Kaltim', targetDate: null, description: '' });
  await svc.addRegion(system, kaltara.id, { regionCode: OWN, targetDate: '2018-07-31' });
  await svc.addRegion(system, kaltara.id, { regionCode: OTHER, targetDate: '2018-03-31' });
  return { national, kaltara, kaltim };
}

const programmeFor = async (fx: Fixture, rel: Relation) => {
  const p = await programmes(fx.app);
  return rel === 'own' ? p.kaltara.id : p.kaltim.id;
};

export const rows: MatrixRows = {
  'GET /api/dashboard/programmes/:id': {
    request: async (fx, _c, rel) => get(`/api/dashboard/programmes/${await programmeFor(fx, rel)}`),
    allowed: 200,
    otherRegion: 404,
    check: (res) => {
      const body = res.json();
      for (const r of body.regions.items) if (r.regionCode !== OWN) throw new Error(`regional row outside the region shown: ${r.regionCode}`);
      if (body.regions.total !== 1) throw new Error(`regions counted outside the region: ${body.regions.total}`);
    },
  },
  'GET /api/dashboard/programmes/:id/timeline': {
    request: async (fx, _c, rel) => get(`/api/dashboard/programmes/${await programmeFor(fx, rel)}/timeline`),
    allowed: 200,
    otherRegion: 404,
    check: (res) => {
      for (const r of res.json().regions) if (r.regionCode !== OWN) throw new Error(`timeline row outside the region shown: ${r.regionCode}`);
    },
  },
  'GET /api/dashboard/national': {
    request: async (fx) => {
      const p = await programmes(fx.app);
      return get(`/api/dashboard/national?programmeId=${p.national.id}`);
    },
    allowed: 200,
    check: (res) => {
      const body = res.json();
      for (const p of body.provinces) if (p.regionCode !== '65') throw new Error(`province outside the region shown: ${p.regionCode}`);
      if (body.totals.regionsTotal !== 1) throw new Error(`regions counted outside the region: ${body.totals.regionsTotal}`);
    },
  },
};
