// Running the authorization matrix (see src/server/authorization-matrix.test.ts):
// every route × every seeded role × own/other region × anonymous, in shards so
// that the two test processes of a run share the work.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { ROLE_KEYS, type RoleKey } from '../../common/permissions.ts';
import type { RouteAccess } from '../platform/auth/route-access.ts';
import { build } from './build-app.ts';
import { Fixture, loadMatrixRows, type Caller, type Relation, type Row } from './matrix.ts';

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

function refusedOutright(access: RouteAccess, caller: Caller, permissions: Set<string> | undefined): boolean {
  if ('public' in access) return false;
  return caller.role === 'anonymous' || ('permission' in access && !permissions?.has(access.permission));
}

/** Runs one shard of the matrix (routes in sorted order, every `shards`-th from `shard`), so test processes can share it. */
export async function runMatrixShard(t: TestContext, shard: number, shards: number): Promise<void> {
  // Hundreds of calls, some failing sign-in steps on purpose: no rate limit, and each call from its own address.
  const { app, database } = await build(t, { regions: true, config: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const fx = new Fixture(app, database.db);
  const matrix = await loadMatrixRows();
  let call = 0;
  fx.jobId = await app.services.regions.startImport(false);
  const roles = await app.services.roles.list({ actor: { kind: 'system', username: 'test' }, request: { requestId: null, ip: null, userAgent: null } });
  const permissionsOf = new Map(roles.map((r) => [r.key, new Set<string>(r.permissions)]));
  const callers: Caller[] = [{ role: 'anonymous', session: null }, ...(await Promise.all(ROLE_KEYS.map(async (role) => ({ role, session: await fx.session(role) }))))];
  const failures: string[] = [];

  const routes = [...app.routeAccess].sort(([a], [b]) => a.localeCompare(b)).filter((_, i) => i % shards === shard);
  assert.ok(routes.length > 0, `shard ${shard} of ${shards} has no routes`);
  for (const [route, access] of routes) {
    const row = matrix[route]!;
    for (const baseCaller of callers)
      for (const rel of ['own', 'other'] as const) {
        // Refused before any record is looked up (signed out, or without the permission):
        // the other region's record would get the same answer, so one call is enough.
        if (rel === 'other' && refusedOutright(access, baseCaller, permissionsOf.get(baseCaller.role as RoleKey))) continue;
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
}
