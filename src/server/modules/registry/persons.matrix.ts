// Authorization-matrix rows of the registry's persons (see src/server/authorization-matrix.test.ts).
// Persons are created unassigned, so case workers (caseload only) get 404 for them.
import assert from 'node:assert/strict';
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get, region } from '../../test/matrix.ts';

const SYSTEM = cliContext('matrix');

async function makePerson(fx: Fixture, rel: Relation): Promise<number> {
  const p = await fx.app.services.persons.create(SYSTEM, {
    fullName: 'Orang Uji Matriks',
    nik: '6503024507850001',
    kk: undefined,
    birthDate: undefined,
    phone: '081200000001',
    address: undefined,
    sex: 'female',
    alias: undefined,
    regencyCode: rel === 'own' ? OWN : OTHER,
    siteId: undefined,
    lawfulBasis: 'public_task',
    assignedUserId: undefined,
  });
  return p.id;
}

export const rows: MatrixRows = {
  'GET /api/persons': {
    request: () => get('/api/persons?limit=200'),
    allowed: 200,
    check: (res, caller) => {
      for (const p of res.json().items) assert.ok(p.regencyCode.startsWith(OWN), `person outside the region listed: ${p.caseCode}`);
      if (caller.role === 'case_worker') assert.equal(res.json().total, 0, 'a case worker with no assigned person sees nobody');
    },
  },
  'POST /api/persons': {
    request: (_fx, _c, rel) => ({
      method: 'POST',
      url: '/api/persons',
      payload: { fullName: 'Orang Baru', sex: 'female', regencyCode: region(rel), lawfulBasis: 'legal_obligation', nik: '6503024507850001' },
    }),
    allowed: 200,
    otherRegion: 403,
  },
  'POST /api/persons/lookup': {
    request: () => ({ method: 'POST', url: '/api/persons/lookup', payload: { nik: '6503024507850001' } }),
    allowed: 200,
    check: (res) => {
      for (const p of res.json().items) assert.ok(p.regencyCode.startsWith(OWN), `lookup answered a person outside the region: ${p.caseCode}`);
    },
  },
  'GET /api/persons/:id': { request: async (fx, _c, rel) => get(`/api/persons/${await makePerson(fx, rel)}`), allowed: 200, otherRegion: 404, caseload: 404 },
  'POST /api/persons/:id/reveal': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/persons/${await makePerson(fx, rel)}/reveal`,
      payload: { fields: ['nik'], reason: 'Uji matriks otorisasi' },
    }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().fields.nik, '6503024507850001'),
  },
};
