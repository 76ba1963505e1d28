// Authorization-matrix rows of person updates, consent and data-subject requests
// (see src/server/authorization-matrix.test.ts). Records are made unassigned in the
// caller's own region (OWN) or another (OTHER): out of region they do not exist (404).
import assert from 'node:assert/strict';
import type { SubjectRequestKind } from '../../../common/registry-rights.ts';
import { cliContext } from '../../platform/auth/actor.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get } from '../../test/matrix.ts';

const SYSTEM = cliContext('matrix');

async function makePerson(fx: Fixture, rel: Relation): Promise<number> {
  const p = await fx.app.services.persons.create(SYSTEM, {
    fullName: 'Orang Uji Hak Subjek',
    nik: '6503024507850001',
    kk: undefined,
    birthDate: undefined,
    phone: undefined,
    address: undefined,
    sex: 'female',
    alias: undefined,
    regencyCode: rel === 'own' ? OWN : OTHER,
    siteId: undefined,
    lawfulBasis: 'consent',
    assignedUserId: undefined,
  });
  return p.id;
}

async function makeRequest(fx: Fixture, rel: Relation, kind: SubjectRequestKind): Promise<{ personId: number; requestId: number }> {
  const personId = await makePerson(fx, rel);
  const r = await fx.app.services.subjectRequests.create(SYSTEM, { personId, kind, channel: 'in_person', receivedAt: undefined, details: undefined });
  return { personId, requestId: r.id };
}

export const rows: MatrixRows = {
  'PATCH /api/persons/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/persons/${await makePerson(fx, rel)}`, payload: { version: 1, alias: 'Melati' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/case-workers': {
    request: (_fx, _c, rel) => get(`/api/case-workers?regency=${rel === 'own' ? OWN : OTHER}`),
    allowed: 200,
    otherRegion: 403,
  },
  'GET /api/persons/:id/consents': {
    request: async (fx, _c, rel) => get(`/api/persons/${await makePerson(fx, rel)}/consents`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/persons/:id/consents': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/persons/${await makePerson(fx, rel)}/consents`,
      payload: { purpose: 'Pendampingan dan bantuan usaha', givenOn: '2018-05-18' },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/persons/:id/consents/:cid/withdraw': {
    request: async (fx, _c, rel) => {
      const personId = await makePerson(fx, rel);
      const c = await fx.app.services.consents.add(SYSTEM, personId, { purpose: 'Pendampingan', givenOn: '2018-05-18', documentRef: undefined });
      return { method: 'POST', url: `/api/persons/${personId}/consents/${c.id}/withdraw`, payload: {} };
    },
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/persons/:id/restriction/lift': {
    request: async (fx, _c, rel) => {
      const { personId, requestId } = await makeRequest(fx, rel, 'restriction');
      await fx.app.services.subjectRequests.update(SYSTEM, requestId, { status: 'answered', responseNote: 'Pemrosesan dibatasi', refusalReason: undefined });
      return { method: 'POST', url: `/api/persons/${personId}/restriction/lift`, payload: { reason: 'Ketepatan data sudah dipastikan' } };
    },
    allowed: 204,
    otherRegion: 404,
  },
  'GET /api/subject-requests': {
    request: async (fx) => {
      await makeRequest(fx, 'other', 'objection');
      return get('/api/subject-requests?limit=200');
    },
    allowed: 200,
    check: (res) => {
      for (const r of res.json().items) assert.ok(r.regencyCode.startsWith(OWN), `request outside the region listed: ${r.id}`);
    },
  },
  'POST /api/subject-requests': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: '/api/subject-requests', payload: { personId: await makePerson(fx, rel), kind: 'objection', channel: 'letter' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/subject-requests/:id': {
    request: async (fx, _c, rel) => get(`/api/subject-requests/${(await makeRequest(fx, rel, 'access')).requestId}`),
    allowed: 200,
    otherRegion: 404,
  },
  'PATCH /api/subject-requests/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/subject-requests/${(await makeRequest(fx, rel, 'objection')).requestId}`, payload: { status: 'in_progress' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/subject-requests/:id/export': {
    request: async (fx, _c, rel) => get(`/api/subject-requests/${(await makeRequest(fx, rel, 'access')).requestId}/export?format=json`),
    allowed: 200,
    otherRegion: 404,
    // The identity only for a caller who may reveal it (the regency office, not the province).
    check: (res, caller) => {
      const body = res.json();
      if (caller.role === 'regency_officer') assert.equal(body.identity?.nik, '6503024507850001');
      else assert.equal(body.identity, null, `${caller.role} received an identity`);
    },
  },
};
