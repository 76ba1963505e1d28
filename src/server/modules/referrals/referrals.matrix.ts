// Authorization-matrix rows of referrals (see src/server/authorization-matrix.test.ts).
// "own" is an unassigned case in Nunukan (65.03), "other" one in Bulungan (65.01):
// case workers (caseload only) get 404 for both. The override is the head of office's.
import assert from 'node:assert/strict';
import type { CreateReferral } from '../../../common/referrals.ts';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { OWN, get, region } from '../../test/matrix.ts';
import { SYSTEM } from '../verval/verval.test-support.ts';
import { makeCase } from '../return-home/case-fixtures.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const base = { service: 'health', purpose: 'Pemeriksaan kesehatan', organisation: 'Puskesmas', organisationContact: '', sharedFields: ['caseCode', 'fullName'] } as const;

async function aCase(fx: Fixture, rel: Relation) {
  const c = await makeCase(fx.app, fx.db, { regencyCode: region(rel), nikDistrict: null });
  const consent = await fx.app.services.consents.add(SYSTEM, c.personId, { purpose: 'Rujukan layanan kesehatan', givenOn: '2019-02-20', documentRef: undefined });
  return { ...c, consentId: consent.id };
}

async function referral(fx: Fixture, rel: Relation, withConsent = true): Promise<number> {
  const c = await aCase(fx, rel);
  const input: CreateReferral = withConsent
    ? { ...base, sharedFields: [...base.sharedFields], consentId: c.consentId, expiresOn: inDays(30) }
    : { ...base, sharedFields: [...base.sharedFields], overrideRequestReason: 'Tidak dapat menandatangani persetujuan', expiresOn: inDays(30) };
  return (await fx.app.services.referrals.create(SYSTEM, c.caseId, input)).id;
}

export const rows: MatrixRows = {
  'GET /api/referrals': {
    request: async (fx) => {
      await referral(fx, 'own');
      await referral(fx, 'other');
      return get('/api/referrals?limit=200');
    },
    allowed: 200,
    check: (res, caller) => {
      for (const r of res.json().items as { regencyCode: string }[]) assert.ok(r.regencyCode.startsWith(OWN), `referral outside the region: ${r.regencyCode}`);
      if (caller.role === 'case_worker') assert.equal(res.json().total, 0, 'a case worker sees only her cases');
    },
  },
  'GET /api/cases/:id/referrals': {
    request: async (fx, _c, rel) => get(`/api/cases/${(await aCase(fx, rel)).caseId}/referrals`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/cases/:id/referrals': {
    request: async (fx, _c, rel) => {
      const c = await aCase(fx, rel);
      return { method: 'POST', url: `/api/cases/${c.caseId}/referrals`, payload: { ...base, consentId: c.consentId, expiresOn: inDays(30) } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().status, 'active'),
  },
  'GET /api/referrals/:id': {
    request: async (fx, _c, rel) => get(`/api/referrals/${await referral(fx, rel)}`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/referrals/:id/override': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/referrals/${await referral(fx, rel, false)}/override`, payload: { reason: 'Perlindungan mendesak bagi yang bersangkutan' } }),
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().status, 'active'),
  },
  'POST /api/referrals/:id/response': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/referrals/${await referral(fx, rel)}/response`, payload: { response: 'accepted', respondedOn: inDays(-1) } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/referrals/:id/revoke': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/referrals/${await referral(fx, rel)}/revoke`, payload: { reason: 'Tidak lagi membutuhkan layanan' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().shredded, true),
  },
  'GET /api/referrals/:id/pdf': {
    request: async (fx, _c, rel) => get(`/api/referrals/${await referral(fx, rel)}/pdf`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
};
