import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser, headersFrom, signIn } from '../../test/users.ts';

test('users are told in the app when their password changes or is reset', async (t) => {
  const { app } = await build(t, { regions: true });
  const admin = await asUser(app, { roles: ['admin'], scope: 'national' });
  const worker = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const changed = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: worker.headers,
    payload: { currentPassword: worker.password, newPassword: 'sungai-sesayap-perahu-99' },
  });
  assert.equal(changed.statusCode, 200);
  const kinds = async (headers: Record<string, string>) =>
    (await app.inject({ method: 'GET', url: '/api/notifications', headers })).json().items.map((n: { kind: string }) => n.kind);
  assert.deepEqual(await kinds(headersFrom(changed)), ['security.password_changed']);

  const reset = await app.inject({ method: 'POST', url: `/api/users/${worker.user.id}/reset-password`, headers: admin.headers });
  const { headers, state } = await signIn(app, worker.user.username, reset.json().generatedPassword);
  assert.equal(state, 'password_change_required');
  // Mid-way through sign-in the notifications wait; after the forced change they are there.
  const next = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers,
    payload: { currentPassword: reset.json().generatedPassword, newPassword: 'pelabuhan-tunon-taka-88' },
  });
  assert.deepEqual(await kinds(headersFrom(next)), ['security.password_changed', 'security.password_reset', 'security.password_changed']);
});

test('a user cannot mark someone else’s notification as read', async (t) => {
  const { app } = await build(t, { regions: true });
  const head = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const worker = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  await app.inject({
    method: 'POST',
    url: '/api/break-glass',
    headers: worker.headers,
    payload: { entityType: 'person', entityId: 'TNT-6503-000001', regionCode: '65.03', reason: 'Pemeriksaan rujukan kesehatan yang mendesak' },
  });
  const mine = (await app.inject({ method: 'GET', url: '/api/notifications', headers: head.headers })).json();
  assert.equal(mine.unread, 1);
  const theirs = await app.inject({ method: 'POST', url: `/api/notifications/${mine.items[0].id}/read`, headers: worker.headers });
  assert.equal(theirs.statusCode, 404);
});
