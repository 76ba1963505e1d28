import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';

const REASON = 'Klien dirujuk dari Bulungan; perlu cek riwayat layanan sebelum rujukan';

async function setup(t: Parameters<typeof build>[0]) {
  let now = new Date('2026-11-28T08:00:00Z');
  const clock = () => now;
  const { app } = await build(t, { regions: true, clock });
  const worker = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const head = await asUser(app, { roles: ['head_of_office'], scope: '65.01' });
  const otherHead = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const open = (regionCode = '65.01', reason = REASON) =>
    app.inject({ method: 'POST', url: '/api/break-glass', headers: worker.headers, payload: { entityType: 'person', entityId: 'TNT-6501-000042', regionCode, reason } });
  return { app, worker, head, otherHead, open, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

test('break-glass needs a written reason of at least 20 characters', async (t) => {
  const { open } = await setup(t);
  const res = await open('65.01', 'perlu');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.fields[0].field, 'body.reason');
});

test('a break-glass grant lasts two hours, then expires', async (t) => {
  const { app, worker, open, advance } = await setup(t);
  const grant = (await open()).json();
  assert.equal(new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime(), 2 * 3_600_000);
  const mine = () => app.inject({ method: 'GET', url: '/api/break-glass/mine', headers: worker.headers });
  assert.deepEqual((await mine()).json().map((g: { id: number }) => g.id), [grant.id]);
  // Twenty-minute steps keep the session itself alive (idle limit 30 min).
  for (let minutes = 20; minutes <= 118; minutes += 20) {
    advance(20 * 60_000);
    assert.equal((await mine()).json().length, 1, `still running after ${minutes} min`);
  }
  advance(20 * 60_000);
  assert.deepEqual((await mine()).json(), [], 'ended after 2 hours');
});

test('the grant is marked in the audit log with its reason, and the region’s head of office is notified', async (t) => {
  const { app, head, otherHead, open } = await setup(t);
  const grant = (await open()).json();
  const notifications = await app.inject({ method: 'GET', url: '/api/notifications', headers: head.headers });
  assert.equal(notifications.json().unread, 1);
  assert.equal(notifications.json().items[0].kind, 'break_glass');
  assert.match(notifications.json().items[0].body, /TNT-6501-000042/);
  const elsewhere = await app.inject({ method: 'GET', url: '/api/notifications', headers: otherHead.headers });
  assert.equal(elsewhere.json().unread, 0, 'heads of other regions are not told');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = await app.inject({ method: 'GET', url: '/api/audit?action=break_glass.open', headers: auditor.headers });
  const event = events.json().items[0];
  assert.equal(event.breakGlass, true);
  assert.equal(event.reason, REASON);
  assert.equal(event.regionCode, '65.01');
  assert.equal(event.summary.grantId, grant.id);

  const read = await app.inject({ method: 'POST', url: `/api/notifications/${notifications.json().items[0].id}/read`, headers: head.headers });
  assert.equal(read.statusCode, 204);
  assert.equal((await app.inject({ method: 'GET', url: '/api/notifications', headers: head.headers })).json().unread, 0);
});

test('grants wait in the review queue of their region until a head of office reviews them', async (t) => {
  const { app, head, otherHead, open } = await setup(t);
  const grant = (await open()).json();
  const queue = (who: typeof head, status = 'pending') => app.inject({ method: 'GET', url: `/api/break-glass?status=${status}`, headers: who.headers });
  const pending = (await queue(head)).json();
  assert.deepEqual(pending.items.map((g: { id: number }) => g.id), [grant.id]);
  assert.deepEqual(pending.items[0].actions, ['review']);
  assert.equal((await queue(otherHead)).json().total, 0, 'another region’s head does not see it');

  const outside = await app.inject({ method: 'POST', url: `/api/break-glass/${grant.id}/review`, headers: otherHead.headers, payload: { decision: 'unjustified', note: '' } });
  assert.equal(outside.statusCode, 404);
  const reviewed = await app.inject({ method: 'POST', url: `/api/break-glass/${grant.id}/review`, headers: head.headers, payload: { decision: 'justified', note: 'Rujukan sah' } });
  assert.equal(reviewed.statusCode, 200);
  assert.equal(reviewed.json().review.decision, 'justified');
  assert.equal((await queue(head)).json().total, 0);
  assert.equal((await queue(head, 'reviewed')).json().total, 1);
  const twice = await app.inject({ method: 'POST', url: `/api/break-glass/${grant.id}/review`, headers: head.headers, payload: { decision: 'justified' } });
  assert.equal(twice.statusCode, 409);
});

test('nobody reviews their own break-glass access', async (t) => {
  const { app } = await setup(t);
  const head = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const grant = await app.inject({
    method: 'POST',
    url: '/api/break-glass',
    headers: head.headers,
    payload: { entityType: 'case', entityId: 'K-7', regionCode: '65.03', reason: REASON },
  });
  const queue = await app.inject({ method: 'GET', url: '/api/break-glass', headers: head.headers });
  assert.deepEqual(queue.json().items[0].actions, []);
  const own = await app.inject({ method: 'POST', url: `/api/break-glass/${grant.json().id}/review`, headers: head.headers, payload: { decision: 'justified' } });
  assert.equal(own.statusCode, 409);
  assert.equal(own.json().error.code, 'break_glass.own_grant');
});
