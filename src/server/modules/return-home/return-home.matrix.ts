// Authorization-matrix rows of return home (see src/server/authorization-matrix.test.ts).
// "own" is an unassigned case in Nunukan (65.03), "other" one in Bulungan (65.01):
// case workers (caseload only) get 404 for both; making the letter also needs
// letter.manage, which case workers lack.
import assert from 'node:assert/strict';
import type { CreateReturnHome } from '../../../common/return-home.ts';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { get, region } from '../../test/matrix.ts';
import { makeUnit } from '../letters/letters.fixtures.ts';
import { SYSTEM } from '../verval/verval.test-support.ts';
import { makeCase } from './case-fixtures.ts';

const PLAN: CreateReturnHome = { homeRegionCode: '33.01.02', plannedDate: '2019-03-10', route: '', transportMode: 'ship', costRupiah: 1_000_000 };

const aCase = async (fx: Fixture, rel: Relation) => (await makeCase(fx.app, fx.db, { regencyCode: region(rel), nikDistrict: null })).caseId;

async function planned(fx: Fixture, rel: Relation, departed = false): Promise<number> {
  const rh = await fx.app.services.returnHome.create(SYSTEM, await aCase(fx, rel), PLAN);
  if (departed) await fx.app.services.returnHome.depart(SYSTEM, rh.id, { departedOn: '2019-03-01', note: '' });
  return rh.id;
}

const status = (expected: string) => (res: { json(): { status: string } }) => assert.equal(res.json().status, expected);

export const rows: MatrixRows = {
  'GET /api/cases/:id/return-home': {
    request: async (fx, _c, rel) => get(`/api/cases/${await aCase(fx, rel)}/return-home`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/cases/:id/return-home': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/cases/${await aCase(fx, rel)}/return-home`, payload: PLAN }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: status('planned'),
  },
  'GET /api/return-homes/:id': {
    request: async (fx, _c, rel) => get(`/api/return-homes/${await planned(fx, rel)}`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'PUT /api/return-homes/:id': {
    request: async (fx, _c, rel) => ({ method: 'PUT', url: `/api/return-homes/${await planned(fx, rel)}`, payload: { ...PLAN, costRupiah: 900_000, version: 1 } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/return-homes/:id/departure': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/return-homes/${await planned(fx, rel)}/departure`, payload: { departedOn: '2019-03-01' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: status('departed'),
  },
  'POST /api/return-homes/:id/arrival': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/return-homes/${await planned(fx, rel, true)}/arrival`, payload: { arrivedOn: '2019-03-02' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: status('arrived'),
  },
  'POST /api/return-homes/:id/cancel': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/return-homes/${await planned(fx, rel)}/cancel`, payload: { reason: 'Keluarga belum siap menerima' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: status('cancelled'),
  },
  'POST /api/return-homes/:id/letter': {
    request: async (fx, _c, rel) => {
      const unit = await makeUnit(fx.app, '65.03');
      return { method: 'POST', url: `/api/return-homes/${await planned(fx, rel)}/letter`, payload: { unitId: unit.id, letterDate: '2019-03-01' } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().letter.status, 'draft'),
  },
};
