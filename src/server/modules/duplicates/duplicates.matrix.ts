// Authorization-matrix rows of the duplicate review (see src/server/authorization-matrix.test.ts).
// Each request gets a fresh pair of persons (both in the caller's region, or both in
// another) and a candidate row for them; persons are unassigned, so case workers see none.
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get } from '../../test/matrix.ts';

const SYSTEM = cliContext('matrix');

async function makePair(fx: Fixture, rel: Relation): Promise<number> {
  const person = () =>
    fx.app.services.persons.create(SYSTEM, {
      fullName: 'Orang Uji Duplikat',
      nik: undefined,
      kk: undefined,
      birthDate: undefined,
      phone: undefined,
      address: undefined,
      sex: 'female',
      alias: undefined,
      regencyCode: rel === 'own' ? OWN : OTHER,
      siteId: undefined,
      lawfulBasis: 'public_task',
      assignedUserId: undefined,
    });
  const [a, b] = [await person(), await person()];
  const row = await fx.db
    .insertInto('dedup_candidate')
    .values({ person_a: Math.min(a.id, b.id), person_b: Math.max(a.id, b.id), score: 0.97, reasons: ['name_similar'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function decidedPair(fx: Fixture, rel: Relation): Promise<number> {
  const id = await makePair(fx, rel);
  await fx.app.services.duplicates.decide(SYSTEM, id, { decision: 'not_duplicate', reason: 'Dua orang berbeda' });
  return id;
}

export const rows: MatrixRows = {
  'GET /api/duplicates': { request: () => get('/api/duplicates?limit=200'), allowed: 200 },
  'GET /api/duplicates/runs': { request: () => get('/api/duplicates/runs'), allowed: 200 },
  // A run covers the whole registry and shows nobody anything by itself: any registry manager may start one.
  'POST /api/duplicates/runs': {
    request: async (fx) => {
      // One run at a time: the previous caller's run is over (jobs do not run in the matrix).
      await fx.db.updateTable('dedup_run').set({ status: 'done' }).where('status', '=', 'running').execute();
      await fx.db.updateTable('job').set({ status: 'succeeded' }).where('kind', '=', 'duplicates.run').where('status', '=', 'queued').execute();
      return { method: 'POST', url: '/api/duplicates/runs', payload: { mode: 'new' } };
    },
    allowed: 200,
  },
  'GET /api/duplicates/runs/:id': {
    request: async (fx) => {
      const run = await fx.db.insertInto('dedup_run').values({ mode: 'new', status: 'done', requested_by: null }).returning('id').executeTakeFirstOrThrow();
      return get(`/api/duplicates/runs/${run.id}`);
    },
    allowed: 200,
  },
  'GET /api/duplicates/:id': { request: async (fx, _c, rel) => get(`/api/duplicates/${await makePair(fx, rel)}`), allowed: 200, otherRegion: 404, caseload: 404 },
  'GET /api/duplicates/:id/history': {
    request: async (fx, _c, rel) => get(`/api/duplicates/${await makePair(fx, rel)}/history`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/duplicates/:id/decision': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/duplicates/${await makePair(fx, rel)}/decision`, payload: { decision: 'not_duplicate', reason: 'Dua orang berbeda' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/duplicates/:id/reopen': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/duplicates/${await decidedPair(fx, rel)}/reopen`, payload: { reason: 'Perlu diperiksa lagi' } }),
    allowed: 200,
    otherRegion: 404,
  },
};
