// Authorization-matrix rows of the case core (see src/server/authorization-matrix.test.ts).
// Every matrix user works in Nunukan (65.03); "other region" is a Bulungan (65.01) case.
// Matrix cases are not assigned to the matrix's case worker, so she (caseload only)
// gets 404 for each of them, as for persons.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../../platform/auth/actor.ts';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { OWN, get, region } from '../../test/matrix.ts';
import { makePerson } from '../verval/verval.test-support.ts';
import { kaltaraProgramme, makeCase } from './cases.test-support.ts';

const SYSTEM = cliContext('matrix');

/** A case in the caller's own region or in Bulungan. */
export const matrixCase = (fx: Fixture, rel: Relation) => makeCase(fx.app, { regencyCode: region(rel) });

/** A case whose closure a (command-line) worker has requested. */
export async function closureRequested(app: FastifyInstance, rel: Relation): Promise<number> {
  const id = await makeCase(app, { regencyCode: region(rel) });
  await app.services.cases.requestClosure(SYSTEM, id, 'Sudah mandiri dan bekerja');
  return id;
}

const post = (url: string, payload: object = {}) => ({ method: 'POST' as const, url, payload });

export const rows: MatrixRows = {
  'GET /api/cases': {
    request: async (fx, _c, rel) => {
      await matrixCase(fx, rel);
      return get('/api/cases?limit=200');
    },
    allowed: 200,
    check: (res, caller) => {
      const items = res.json().items as { regencyCode: string }[];
      for (const i of items) assert.ok(i.regencyCode.startsWith(OWN), `a case outside the region: ${i.regencyCode}`);
      if (caller.role === 'case_worker') assert.equal(items.length, 0, 'a case worker sees only her caseload');
    },
  },
  'GET /api/cases/candidates': {
    request: () => get('/api/cases/candidates?limit=200'),
    allowed: 200,
    check: (res, caller) => {
      const items = res.json().items as { regencyCode: string }[];
      for (const i of items) assert.ok(i.regencyCode.startsWith(OWN), `a person outside the region: ${i.regencyCode}`);
      if (caller.role === 'case_worker') assert.equal(items.length, 0, 'a case worker sees only her own persons');
    },
  },
  'POST /api/cases': {
    request: async (fx, _c, rel) => {
      const personId = await makePerson(fx.app, { regencyCode: region(rel) });
      return post('/api/cases', { personId, programmeId: await kaltaraProgramme(fx.app) });
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/programmes/:id/cases/open-eligible': {
    request: async (fx, _c, rel) => post(`/api/programmes/${await kaltaraProgramme(fx.app)}/cases/open-eligible`, { regencyCode: region(rel) }),
    allowed: 200,
    otherRegion: 403,
  },
  'GET /api/cases/:id': {
    request: async (fx, _c, rel) => get(`/api/cases/${await matrixCase(fx, rel)}`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'GET /api/cases/:id/assignees': {
    request: async (fx, _c, rel) => get(`/api/cases/${await matrixCase(fx, rel)}/assignees`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'PUT /api/cases/:id/assignment': {
    request: async (fx, _c, rel) => {
      const worker = await fx.session('case_worker');
      return { method: 'PUT', url: `/api/cases/${await matrixCase(fx, rel)}/assignment`, payload: { caseWorkerId: worker.user.id } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/cases/:id/status': {
    request: async (fx, _c, rel) => post(`/api/cases/${await matrixCase(fx, rel)}/status`, { status: 'assessment' }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/cases/:id/closure-request': {
    request: async (fx, _c, rel) => post(`/api/cases/${await matrixCase(fx, rel)}/closure-request`, { reason: 'Sudah bekerja di toko' }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/cases/:id/closure-approval': {
    request: async (fx, _c, rel) => post(`/api/cases/${await closureRequested(fx.app, rel)}/closure-approval`),
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().status, 'closed'),
  },
  'POST /api/cases/:id/closure-rejection': {
    request: async (fx, _c, rel) => post(`/api/cases/${await closureRequested(fx.app, rel)}/closure-rejection`, { reason: 'Belum ada pekerjaan tetap' }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/cases/:id/reopen': {
    request: async (fx, _c, rel) => {
      const id = await closureRequested(fx.app, rel);
      await fx.app.services.cases.approveClosure(cliContext('matrix-head'), id);
      return post(`/api/cases/${id}/reopen`, { reason: 'Kembali ke lokasi semula' });
    },
    allowed: 200,
    otherRegion: 404,
  },
};
