// The authorization matrix: every API route × every seeded role × a record in
// the user's own region and in another region, plus an anonymous caller. Each
// route declares its access (config.access); each must have a row here, so a
// new route without one fails CI. Expected statuses follow from the declaration
// and the role's permissions in the database; rows add the in-scope answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { ROLE_KEYS, type RoleKey } from '../common/permissions.ts';
import type { RouteAccess } from './platform/auth/route-access.ts';
import { build } from './test/build-app.ts';
import { asUser, createUser, TEST_PASSWORD, type SignedIn } from './test/users.ts';

const OWN = '65.03'; // Kabupaten Nunukan: every test user works here
const OTHER = '65.01'; // Kabupaten Bulungan

type Relation = 'own' | 'other';
type Caller = { role: RoleKey; session: SignedIn } | { role: 'anonymous'; session: null };

interface Row {
  /** Builds the request for a caller and a record in their own or another region. */
  request(fx: Fixture, caller: Caller, rel: Relation): Promise<InjectOptions> | InjectOptions;
  /** Status when access is granted and the record is in scope. */
  allowed: number;
  /** Status when access is granted but the record lies in another region (default: as allowed). */
  otherRegion?: number;
  /** The call ends or changes the caller's session: give it a session of its own. */
  freshSession?: boolean;
  /** Extra checks on a granted answer (e.g. nothing from outside the caller's region). */
  check?(res: LightMyRequestResponse, caller: Caller, rel: Relation): void;
}

/** Test data shared by the rows. */
class Fixture {
  private sessions = new Map<string, SignedIn>();
  constructor(readonly app: FastifyInstance) {}

  async session(role: RoleKey, fresh = false): Promise<SignedIn> {
    const cached = this.sessions.get(role);
    if (cached && !fresh) return cached;
    const s = await asUser(this.app, { roles: [role], scope: OWN });
    // Re-authenticated up front, so routes that also need it answer by permission alone.
    const reauth = await this.app.inject({ method: 'POST', url: '/api/auth/reauth', headers: s.headers, payload: { password: s.password } });
    assert.equal(reauth.statusCode, 200, reauth.body);
    if (!fresh) this.sessions.set(role, s);
    return s;
  }

  /** A fresh user to act on, in the caller's region or another one. */
  async targetUser(rel: Relation): Promise<number> {
    return (await createUser(this.app, { roles: ['case_worker'], scope: rel === 'own' ? OWN : OTHER })).id;
  }

  /** A pending break-glass grant opened by someone else in the given region. */
  async grant(rel: Relation): Promise<number> {
    const other = await asUser(this.app, { roles: ['case_worker'], scope: OWN });
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/break-glass',
      headers: other.headers,
      payload: { entityType: 'person', entityId: 'TNT-6501-000001', regionCode: rel === 'own' ? OWN : OTHER, reason: 'Verifikasi ulang data untuk rujukan kesehatan darurat' },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().id;
  }

  jobId = 0;
}

const region = (rel: Relation) => (rel === 'own' ? OWN : OTHER);
const get = (url: string): InjectOptions => ({ method: 'GET', url });

const MATRIX: Record<string, Row> = {
  'GET /api/health': { request: () => get('/api/health'), allowed: 200 },
  'GET /api/ready': { request: () => get('/api/ready'), allowed: 200 },
  'GET /api/about': { request: () => get('/api/about'), allowed: 200 },
  'GET /api/openapi.json': { request: () => get('/api/openapi.json'), allowed: 200 },
  'GET /api/setup/status': { request: () => get('/api/setup/status'), allowed: 200 },
  'POST /api/setup': {
    request: () => ({ method: 'POST', url: '/api/setup', payload: { token: 'x'.repeat(43), username: 'late.admin', displayName: 'Late Admin', password: TEST_PASSWORD } }),
    allowed: 410, // users exist: the setup link is spent
  },
  'POST /api/auth/login': {
    // A different unknown name each time, so account throttling does not kick in.
    request: (_fx, c, rel) => ({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody.${c.role}.${rel}`, password: 'not-the-password' } }),
    allowed: 401,
  },
  'GET /api/regions/summary': { request: () => get('/api/regions/summary'), allowed: 200 },
  'GET /api/jobs/:id': { request: (fx) => get(`/api/jobs/${fx.jobId}`), allowed: 200 },

  // Own account and sign-in steps
  'GET /api/auth/me': { request: () => get('/api/auth/me'), allowed: 200 },
  'POST /api/auth/mfa': { request: () => ({ method: 'POST', url: '/api/auth/mfa', payload: { code: '123456' } }), allowed: 403 }, // not the current step
  'GET /api/auth/mfa/enrolment': { request: () => get('/api/auth/mfa/enrolment'), allowed: 200 },
  'POST /api/auth/mfa/enrolment': { request: () => ({ method: 'POST', url: '/api/auth/mfa/enrolment', payload: { code: '000000' } }), allowed: 409, freshSession: true }, // none started
  'POST /api/auth/password': {
    request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'wrong-password', newPassword: 'sungai-sesayap-perahu-99' } }),
    allowed: 400,
  },
  'POST /api/auth/reauth': { request: (_fx, c) => ({ method: 'POST', url: '/api/auth/reauth', payload: { password: c.session?.password ?? 'x' } }), allowed: 200 },
  'POST /api/auth/logout': { request: () => ({ method: 'POST', url: '/api/auth/logout' }), allowed: 204, freshSession: true },
  'POST /api/auth/logout-all': { request: () => ({ method: 'POST', url: '/api/auth/logout-all' }), allowed: 204, freshSession: true },
  'GET /api/auth/sessions': { request: () => get('/api/auth/sessions'), allowed: 200 },
  'DELETE /api/auth/sessions/:id': { request: () => ({ method: 'DELETE', url: '/api/auth/sessions/999999' }), allowed: 404 },
  'GET /api/notifications': { request: () => get('/api/notifications'), allowed: 200 },
  'POST /api/notifications/:id/read': { request: () => ({ method: 'POST', url: '/api/notifications/999999/read' }), allowed: 404 },
  'GET /api/break-glass/mine': { request: () => get('/api/break-glass/mine'), allowed: 200 },

  // Reference data: readable by every role, whatever the region
  'GET /api/regions': { request: (_fx, _c, rel) => get(`/api/regions?parent=${region(rel)}`), allowed: 200 },
  'GET /api/regions/:code': { request: (_fx, _c, rel) => get(`/api/regions/${region(rel)}`), allowed: 200 },

  // User administration: scope-filtered
  'GET /api/users': {
    request: () => get('/api/users?limit=200'),
    allowed: 200,
    check: (res) => {
      for (const u of res.json().items) assert.ok(u.scope.level !== 'national' && u.scope.code.startsWith(OWN), `user outside the region listed: ${u.username}`);
    },
  },
  'GET /api/users/:id': { request: async (fx, _c, rel) => get(`/api/users/${await fx.targetUser(rel)}`), allowed: 200, otherRegion: 404 },
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
    request: async (fx, _c, rel) => ({ method: 'PATCH', url: `/api/users/${await fx.targetUser(rel)}`, payload: { displayName: 'Nama Baru' } }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/users/:id/disable': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await fx.targetUser(rel)}/disable` }), allowed: 200, otherRegion: 404 },
  'POST /api/users/:id/enable': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await fx.targetUser(rel)}/enable` }), allowed: 403, otherRegion: 404 }, // already active
  'POST /api/users/:id/reset-mfa': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await fx.targetUser(rel)}/reset-mfa` }), allowed: 403, otherRegion: 404 }, // no MFA to reset
  'POST /api/users/:id/end-sessions': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await fx.targetUser(rel)}/end-sessions` }), allowed: 200, otherRegion: 404 },
  'POST /api/users/:id/reset-password': { request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/users/${await fx.targetUser(rel)}/reset-password` }), allowed: 200, otherRegion: 404 },
  'GET /api/roles': { request: () => get('/api/roles'), allowed: 200 },
  'PATCH /api/roles/:key': { request: () => ({ method: 'PATCH', url: '/api/roles/auditor', payload: { nameEn: 'Auditor' } }), allowed: 200 },

  // Audit log: scope-filtered
  'GET /api/audit': {
    request: () => get('/api/audit?limit=500'),
    allowed: 200,
    check: (res) => {
      for (const e of res.json().items) assert.ok(e.regionCode?.startsWith(OWN), `event outside the region listed: ${e.seq} ${e.action} ${e.regionCode}`);
    },
  },
  'GET /api/audit/export': { request: () => get('/api/audit/export?format=json'), allowed: 200 },
  'GET /api/audit/checkpoint': { request: () => get('/api/audit/checkpoint'), allowed: 200 },
  'GET /api/audit/verify': { request: () => get('/api/audit/verify'), allowed: 200 },

  // Break-glass: open anywhere (that is its purpose); review within one's region
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
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/break-glass/${await fx.grant(rel)}/review`, payload: { decision: 'justified', note: 'ok' } }),
    allowed: 200,
    otherRegion: 404,
  },
};

/** Keys that must never leave the server, in any answer to anyone. */
const FORBIDDEN_KEYS = /^(password_?hash|passwordHash|token_?hash|mfa_secret|mfaSecret|secret_enc|code_?hash|mfa_pending)/i;

function assertNoForbiddenKeys(value: unknown, path = '$'): void {
  if (Array.isArray(value)) value.forEach((v, i) => assertNoForbiddenKeys(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      assert.doesNotMatch(k, FORBIDDEN_KEYS, `forbidden field ${path}.${k}`);
      assertNoForbiddenKeys(v, `${path}.${k}`);
    }
}

function expectedStatus(access: RouteAccess, row: Row, caller: Caller, permissions: Set<string>, rel: Relation): number {
  if ('public' in access) return row.allowed;
  if (caller.role === 'anonymous') return 401;
  if ('permission' in access && !permissions.has(access.permission)) return 403;
  return rel === 'other' ? (row.otherRegion ?? row.allowed) : row.allowed;
}

test('every API route declares its access and has a row in the authorization matrix', async (t) => {
  const { app } = await build(t);
  const declared = [...app.routeAccess.keys()].sort();
  assert.deepEqual(declared, Object.keys(MATRIX).sort(), 'routes and matrix rows differ: add the new route to MATRIX');
  const doc = (await app.inject(get('/api/openapi.json'))).json();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, object>))
    for (const method of Object.keys(ops)) {
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      assert.ok(app.routeAccess.has(key), `${key} is documented but declares no access`);
    }
});

test('authorization matrix: every route × every role × own/other region × anonymous', async (t) => {
  // Hundreds of calls, some failing sign-in steps on purpose: no rate limit, and each call from its own address.
  const { app } = await build(t, { regions: true, config: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const fx = new Fixture(app);
  let call = 0;
  fx.jobId = await app.services.regions.startImport(false);
  const roles = await app.services.roles.list({ actor: { kind: 'system', username: 'test' }, request: { requestId: null, ip: null, userAgent: null } });
  const permissionsOf = new Map(roles.map((r) => [r.key, new Set<string>(r.permissions)]));
  const callers: Caller[] = [{ role: 'anonymous', session: null }, ...(await Promise.all(ROLE_KEYS.map(async (role) => ({ role, session: await fx.session(role) }))))];
  const failures: string[] = [];

  for (const [route, access] of app.routeAccess) {
    const row = MATRIX[route]!;
    for (const baseCaller of callers)
      for (const rel of ['own', 'other'] as const) {
        const caller: Caller =
          baseCaller.role !== 'anonymous' && row.freshSession ? { role: baseCaller.role, session: await fx.session(baseCaller.role, true) } : baseCaller;
        const request = await row.request(fx, caller, rel);
        call++;
        const remoteAddress = `198.51.${Math.floor(call / 250)}.${call % 250}`;
        const res = await app.inject({ ...request, remoteAddress, headers: { ...request.headers, ...(caller.session?.headers ?? {}) } });
        const expected = expectedStatus(access, row, caller, permissionsOf.get(caller.role) ?? new Set(), rel);
        if (res.statusCode !== expected) failures.push(`${route} as ${caller.role} (${rel}): ${res.statusCode}, expected ${expected} — ${res.body.slice(0, 160)}`);
        if (res.headers['content-type']?.toString().includes('json') && res.body) assertNoForbiddenKeys(res.json());
        if (res.statusCode === expected && expected < 300 && row.check && caller.role !== 'anonymous') row.check(res, caller, rel);
      }
  }
  assert.deepEqual(failures, []);
});
