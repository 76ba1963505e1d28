// Authorization-matrix rows of follow-ups (see src/server/authorization-matrix.test.ts).
// "own" is an unassigned case in Nunukan (65.03) with its visits scheduled, "other" one
// in Bulungan (65.01): case workers (caseload only) get 404 for both. The programme
// schedule: "own" is the Kaltara programme (province 65), "other" one of East
// Kalimantan (64), outside the matrix users' scope (404).
import assert from 'node:assert/strict';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { get, region } from '../../test/matrix.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { kaltaraProgramme, makeCase, SYSTEM } from '../cases/cases.test-support.ts';
import { makeProgramme } from '../verval/verval.test-support.ts';

async function scheduledCase(fx: Fixture, rel: Relation): Promise<number> {
  const caseId = await makeCase(fx.app, { regencyCode: region(rel) });
  await inTransaction(fx.db, (tx) => fx.app.services.followUps.schedule(tx, SYSTEM, caseId, 'closure', '2019-01-15'));
  return caseId;
}

async function aVisit(fx: Fixture, rel: Relation): Promise<number> {
  const caseId = await scheduledCase(fx, rel);
  const v = await fx.db.selectFrom('follow_up').select('id').where('case_id', '=', caseId).orderBy('offset_months').executeTakeFirstOrThrow();
  return v.id;
}

const programmeOf = (fx: Fixture, rel: Relation) => (rel === 'own' ? kaltaraProgramme(fx.app) : makeProgramme(fx.app, '64'));
const REPORT = '/api/follow-ups/outcomes?cohortFrom=2019-01-01&cohortTo=2019-12-31';

export const rows: MatrixRows = {
  'GET /api/cases/:id/follow-ups': {
    request: async (fx, _c, rel) => get(`/api/cases/${await scheduledCase(fx, rel)}/follow-ups`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().items.length, 4),
  },
  'GET /api/follow-ups/mine': { request: () => get('/api/follow-ups/mine'), allowed: 200 },
  'GET /api/follow-ups/:id': {
    request: async (fx, _c, rel) => get(`/api/follow-ups/${await aVisit(fx, rel)}`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/follow-ups/:id/outcome': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/follow-ups/${await aVisit(fx, rel)}/outcome`, payload: { visitedOn: '2019-02-15', outcome: 'employed' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().status, 'done'),
  },
  'POST /api/follow-ups/:id/missed': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/follow-ups/${await aVisit(fx, rel)}/missed`, payload: { reason: 'Tidak ada di rumah' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().status, 'missed'),
  },
  'GET /api/programmes/:id/follow-up-schedule': {
    request: async (fx, _c, rel) => get(`/api/programmes/${await programmeOf(fx, rel)}/follow-up-schedule`),
    allowed: 200,
    otherRegion: 404,
  },
  'PUT /api/programmes/:id/follow-up-schedule': {
    request: async (fx, _c, rel) => ({ method: 'PUT', url: `/api/programmes/${await programmeOf(fx, rel)}/follow-up-schedule`, payload: { offsetsMonths: [1, 6, 12] } }),
    // A provincial programme's schedule belongs to holders of the whole province: a Nunukan user may not change it
    // (the provincial officer's change is tested in follow-ups.test.ts).
    allowed: 403,
    otherRegion: 404,
  },
  'GET /api/follow-ups/outcomes': { request: () => get(REPORT), allowed: 200 },
  'GET /api/follow-ups/outcomes.xlsx': { request: () => get(REPORT.replace('outcomes?', 'outcomes.xlsx?')), allowed: 200 },
};
