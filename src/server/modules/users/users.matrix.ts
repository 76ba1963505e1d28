// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import assert from 'node:assert/strict';
import { createUser } from '../../test/users.ts';
import { type Fixture, type MatrixRows, OTHER, OWN, type Relation, get, region } from '../../test/matrix.ts';

/** A fresh user to act on, in the caller's region or another one. */
async function targetUser(fx: Fixture, rel: Relation): Promise<number> {
  return (await createUser(fx.app, { roles: ['case_worker'], scope: rel === 'own' ? OWN : OTHER })).id;
}

export const rows: MatrixRows = {
  'GET /api/users': {
    request: () => get('/api/users?limit=200'),
    allowed: 200,
    check: (res) => {
      for (const u of res.json().items) assert.ok(u.scope.level !== 'national' && u.scope.code.startsWith(OWN), `user outside the region listed: ${u.username}`);
    },
  },
  'GET /api/users/:id': { request: async (fx, _c, rel) => get(`/api/users/${await targetUser(fx, rel)}`), allowed: 200, otherRegion: 404 },
  'POST /api/users': {
    request: (_fx, c, rel) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `new.${c.role}.${rel}`.replace(/_/g, '-').slice(0, 40), displayName: 'Pendamping Baru', roles: ['case_worker'], scope: region(rel) },
    }),
    allowed: 200,
    otherRegion: 403,
  },
  'PATCH /api/users/:id': {
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/users/${await targetUser(fx, rel)}`, payload: { displayName: 'Nama Baru' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/users/:id/disable': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await targetUser(fx, rel)}/disable` }), allowed: 200, otherRegion: 404 },
  'POST /api/users/:id/enable': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await targetUser(fx, rel)}/enable` }), allowed: 403, otherRegion: 404 }, // already active
  'POST /api/users/:id/reset-mfa': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await targetUser(fx, rel)}/reset-mfa` }), allowed: 403, otherRegion: 404 }, // no MFA to reset
  'POST /api/users/:id/end-sessions': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await targetUser(fx, rel)}/end-sessions` }), allowed: 200, otherRegion: 404 },
  'POST /api/users/:id/reset-password': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await targetUser(fx, rel)}/reset-password` }), allowed: 200, otherRegion: 404 },
  'GET /api/roles': { request: () => get('/api/roles'), allowed: 200 },
  'PATCH /api/roles/:key': { request: () => ({ method: 'PATCH', url: '/api/roles/auditor', payload: { nameEn: 'Auditor' } }), allowed: 200 },
};
