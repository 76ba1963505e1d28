// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import assert from 'node:assert/strict';
import { asUser } from '../../test/users.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get, region } from '../../test/matrix.ts';

/** A pending break-glass grant opened by someone else, in the caller's region or another one. */
async function pendingGrant(fx: Fixture, rel: Relation): Promise<number> {
  const other = await asUser(fx.app, { roles: ['case_worker'], scope: OWN });
  const res = await fx.app.inject({
    method: 'POST',
    url: '/api/break-glass',
    headers: other.headers,
    payload: { entityType: 'person', entityId: 'TNT-6501-000001', regionCode: rel === 'own' ? OWN : OTHER, reason: 'Verifikasi ulang data untuk rujukan kesehatan darurat' },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().id;
}

export const rows: MatrixRows = {
  'GET /api/break-glass/mine': { request: () => get('/api/break-glass/mine'), allowed: 200 },
  'POST /api/break-glass': {
    request: (_fx, _c, rel) => ({
      method: 'POST',
      url: '/api/break-glass',
      payload: { entityType: 'case', entityId: 'K-1', regionCode: region(rel), reason: 'Klien dirujuk dari luar wilayah; perlu cek riwayat layanan' },
    }),
    allowed: 200,
  },
  'GET /api/break-glass': {
    request: () => get('/api/break-glass?status=pending'),
    allowed: 200,
    check: (res) => {
      for (const g of res.json().items) assert.ok(g.regionCode?.startsWith(OWN), `grant outside the region listed: ${g.id}`);
    },
  },
  'POST /api/break-glass/:id/review': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/break-glass/${await pendingGrant(fx, rel)}/review`, payload: { decision: 'justified', note: 'ok' } }),
    allowed: 200,
    otherRegion: 404,
  },
};
