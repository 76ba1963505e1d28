// The audit API as a browser calls it: access declarations, scope, export.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';

test('auditors read, verify and checkpoint; others are refused', async (t) => {
  const { app } = await build(t);
  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const list = await app.inject({ method: 'GET', url: '/api/audit?limit=5', headers: auditor.headers });
  assert.equal(list.statusCode, 200, list.body);
  assert.ok(list.json().total > 0, 'user creation and sign-in are audited');
  const filtered = await app.inject({ method: 'GET', url: '/api/audit?action=audit.read', headers: auditor.headers });
  assert.equal(filtered.json().items[0].actor.username, auditor.user.username);

  const verify = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor.headers });
  assert.equal(verify.statusCode, 200);
  assert.equal(verify.json().ok, true);
  const cp = await app.inject({ method: 'GET', url: '/api/audit/checkpoint', headers: auditor.headers });
  assert.equal(cp.statusCode, 200);
  assert.match(cp.json().hash, /^[0-9a-f]{64}$/);

  const worker = await asUser(app, { roles: ['case_worker'], scope: 'national' });
  for (const url of ['/api/audit', '/api/audit/verify', '/api/audit/checkpoint', '/api/audit/export'])
    assert.equal((await app.inject({ method: 'GET', url, headers: worker.headers })).statusCode, 403, url);
  assert.equal((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode, 401);
  const bad = await app.inject({ method: 'GET', url: '/api/audit?limit=501&from=2024-13-01', headers: auditor.headers });
  assert.equal(bad.statusCode, 400);
});

test('export needs a fresh re-authentication and returns an attachment', async (t) => {
  const { app } = await build(t);
  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const refused = await app.inject({ method: 'GET', url: '/api/audit/export?format=csv', headers: auditor.headers });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'auth.reauth_required');
  const reauth = await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: auditor.headers, payload: { password: auditor.password } });
  assert.equal(reauth.statusCode, 200, reauth.body);

  const csv = await app.inject({ method: 'GET', url: '/api/audit/export?format=csv', headers: auditor.headers });
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  assert.match(csv.headers['content-disposition'] as string, /^attachment; filename="audit-\d{8}\.csv"$/);
  assert.ok(csv.body.replace(/^\uFEFF/, '').startsWith('seq,at,actor_username'));
  const json = await app.inject({ method: 'GET', url: '/api/audit/export?format=json&action=auth.', headers: auditor.headers });
  assert.equal(json.statusCode, 200);
  assert.ok(JSON.parse(json.body).every((e: { action: string }) => e.action.startsWith('auth.')));
});

test('a regency auditor sees only events of their regency', async (t) => {
  const { app } = await build(t, { regions: true });
  const admin = await asUser(app, { roles: ['admin'], scope: 'national' });
  await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  await asUser(app, { roles: ['case_worker'], scope: '65.01' });
  const local = await asUser(app, { roles: ['auditor'], scope: '65.03' });
  const mine = (await app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: local.headers })).json();
  assert.ok(mine.items.length > 0);
  assert.ok(mine.items.every((e: { regionCode: string | null }) => e.regionCode === '65.03' || e.regionCode?.startsWith('65.03.')), JSON.stringify(mine.items.map((e: { regionCode: string }) => e.regionCode)));
  const all = (await app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: admin.headers })).json();
  assert.ok(all.total > mine.total);
});
