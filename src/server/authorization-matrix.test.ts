// The authorization matrix: every API route × every seeded role × a record in
// the user's own region and in another region, plus an anonymous caller. Each
// route declares its access (config.access) and each must have a row in its
// module's `*.matrix.ts`, so a new route without one fails CI. Expected statuses
// follow from the declaration and the role's permissions in the database; rows
// add the in-scope answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLE_KEYS } from '../common/permissions.ts';
import type { RouteAccess } from './platform/auth/route-access.ts';
import { build } from './test/build-app.ts';
import { Fixture, get, loadMatrixRows, type Caller, type Relation, type Row } from './test/matrix.ts';

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
  if (caller.role === 'case_worker' && rel === 'own' && row.caseload !== undefined) return row.caseload;
  return rel === 'other' ? (row.otherRegion ?? row.allowed) : row.allowed;
}

test('every API route declares its access and has a row in the authorization matrix', async (t) => {
  const { app } = await build(t);
  const declared = [...app.routeAccess.keys()].sort();
  const matrix = await loadMatrixRows();
  assert.deepEqual(declared, Object.keys(matrix).sort(), 'routes and matrix rows differ: add the new route to its module’s *.matrix.ts');
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
  const matrix = await loadMatrixRows();
  let call = 0;
  fx.jobId = await app.services.regions.startImport(false);
  const roles = await app.services.roles.list({ actor: { kind: 'system', username: 'test' }, request: { requestId: null, ip: null, userAgent: null } });
  const permissionsOf = new Map(roles.map((r) => [r.key, new Set<string>(r.permissions)]));
  const callers: Caller[] = [{ role: 'anonymous', session: null }, ...(await Promise.all(ROLE_KEYS.map(async (role) => ({ role, session: await fx.session(role) }))))];
  const failures: string[] = [];

  for (const [route, access] of app.routeAccess) {
    const row = matrix[route]!;
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
