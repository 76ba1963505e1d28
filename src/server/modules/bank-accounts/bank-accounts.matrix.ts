// Authorization-matrix rows of persons' bank accounts. Persons are unassigned, so a
// case worker (caseload only) gets 404 for one in her own region; "other region" is a
// Bulungan (65.01) person.
import assert from 'node:assert/strict';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { OTHER, OWN, get } from '../../test/matrix.ts';
import { SYSTEM, makePerson } from '../verval/verval.test-support.ts';

async function withAccount(fx: Fixture, rel: Relation): Promise<{ personId: number; id: number; version: number }> {
  const personId = await makePerson(fx.app, { regencyCode: rel === 'own' ? OWN : OTHER });
  // The holder name differs from the person's: the account waits for review.
  const a = await fx.app.services.bankAccounts.create(SYSTEM, personId, { bankCode: 'BRI', accountNumber: '1234567890', holderName: 'Pemilik Lain' });
  return { personId, id: a.id, version: a.version };
}

export const rows: MatrixRows = {
  'GET /api/persons/:id/bank-accounts': {
    request: async (fx, _c, rel) => get(`/api/persons/${(await withAccount(fx, rel)).personId}/bank-accounts`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.match(res.json().items[0].accountMasked, /^••••\d{4}$/),
  },
  'POST /api/persons/:id/bank-accounts': {
    request: async (fx, _c, rel) => ({
      method: 'POST',
      url: `/api/persons/${await makePerson(fx.app, { regencyCode: rel === 'own' ? OWN : OTHER })}/bank-accounts`,
      payload: { bankCode: 'BNI', accountNumber: '0987654321', holderName: 'Orang Uji Verval' },
    }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().nameCheck, 'match'),
  },
  'POST /api/bank-accounts/:id/reveal': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/bank-accounts/${(await withAccount(fx, rel)).id}/reveal`, payload: { reason: 'Uji matriks: cocokkan rekening' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/bank-accounts/:id/accept-name': {
    request: async (fx, _c, rel) => {
      const a = await withAccount(fx, rel);
      return { method: 'POST', url: `/api/bank-accounts/${a.id}/accept-name`, payload: { note: 'Uji matriks: nama diperiksa', version: a.version } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/bank-accounts/:id/deactivate': {
    request: async (fx, _c, rel) => {
      const a = await withAccount(fx, rel);
      return { method: 'POST', url: `/api/bank-accounts/${a.id}/deactivate`, payload: { reason: 'Uji matriks: rekening ditutup', version: a.version } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'GET /api/bank-accounts/missing': {
    request: () => get('/api/bank-accounts/missing?limit=200'),
    allowed: 200,
    check: (res) => {
      for (const i of res.json().items as { regencyCode: string }[]) assert.ok(i.regencyCode.startsWith(OWN));
    },
  },
};
