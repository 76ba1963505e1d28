// Session rules enforced on every request: idle and absolute expiry, CSRF and
// origin checks, disabled users, and re-authentication before sensitive actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { currentTotp } from '../../platform/auth/totp.ts';
import { build } from '../../test/build-app.ts';
import { asUser, createUser, headersFrom, signIn } from '../../test/users.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A clock the test moves forward by hand. */
function testClock() {
  let now = new Date();
  return { clock: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const me = (app: FastifyInstance, headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/auth/me', headers });

/** The session cookie alone, as a browser sends it on a cross-site request (no CSRF header). */
const cookieOnly = (headers: Record<string, string>) => ({ cookie: headers.cookie! });

// ── Idle timeout and absolute lifetime ────────────────────────────────────────

test('a session idle for 31 minutes has ended (401 auth.session_expired)', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock });
  const user = await asUser(app, { roles: ['case_worker'] });
  advance(31 * MINUTE);
  const res = await me(app, user.headers);
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().error.code, 'auth.session_expired');
  advance(MINUTE);
  assert.equal((await me(app, user.headers)).json().error.code, 'auth.session_expired', 'and stays ended');
});

test('a request within 30 minutes keeps the session alive and slides the idle window', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock });
  const user = await asUser(app, { roles: ['case_worker'] });
  advance(29 * MINUTE);
  assert.equal((await me(app, user.headers)).statusCode, 200, 'after 29 min');
  advance(29 * MINUTE);
  const res = await me(app, user.headers);
  assert.equal(res.statusCode, 200, '58 min after sign-in, 29 min after the last request');
  assert.equal(new Date(res.json().session.idleExpiresAt).getTime(), clock().getTime() + 30 * MINUTE);
  advance(31 * MINUTE);
  assert.equal((await me(app, user.headers)).statusCode, 401, '31 min after the last request');
});

test('a session ends after 12 hours even with activity every 20 minutes', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock });
  const user = await asUser(app, { roles: ['case_worker'] });
  for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
    advance(20 * MINUTE);
    assert.equal((await me(app, user.headers)).statusCode, 200, `active after ${minutes} min`);
  }
  advance(20 * MINUTE);
  const res = await me(app, user.headers);
  assert.equal(res.statusCode, 401, 'ended at 12 h');
  assert.equal(res.json().error.code, 'auth.session_expired');
});

test('SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS set the limits', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock, config: { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' } });
  const idle = await asUser(app, { roles: ['case_worker'] });
  const busy = await asUser(app, { roles: ['case_worker'] });
  const started = clock().getTime();
  const first = (await me(app, busy.headers)).json();
  assert.equal(new Date(first.session.expiresAt).getTime(), started + HOUR);
  assert.equal(new Date(first.session.idleExpiresAt).getTime(), started + 5 * MINUTE);

  for (let minutes = 3; minutes < 60; minutes += 3) {
    advance(3 * MINUTE);
    assert.equal((await me(app, busy.headers)).statusCode, 200, `active after ${minutes} min`);
    if (minutes === 3) assert.equal((await me(app, idle.headers)).statusCode, 200, 'idle for 3 of 5 minutes');
    if (minutes === 9) assert.equal((await me(app, idle.headers)).statusCode, 401, 'idle for 6 of 5 minutes');
  }
  advance(3 * MINUTE);
  assert.equal((await me(app, busy.headers)).statusCode, 401, 'past the 1-hour lifetime');
});

// ── CSRF and origin ───────────────────────────────────────────────────────────

test('a POST with the session cookie but without x-csrf-token is refused (403 auth.csrf)', async (t) => {
  const { app } = await build(t);
  const user = await asUser(app, { roles: ['case_worker'] });
  const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: cookieOnly(user.headers) });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'auth.csrf');
  assert.equal((await me(app, user.headers)).statusCode, 200, 'the session was not signed out');
});

test('a POST with a wrong CSRF token, or another session’s, is refused', async (t) => {
  const { app } = await build(t);
  const user = await asUser(app, { roles: ['case_worker'] });
  const other = await asUser(app, { roles: ['case_worker'] });
  for (const token of ['wrong', user.headers['x-csrf-token']!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), other.headers['x-csrf-token']!]) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...cookieOnly(user.headers), 'x-csrf-token': token } });
    assert.equal(res.statusCode, 403, token);
    assert.equal(res.json().error.code, 'auth.csrf');
  }
  assert.equal((await me(app, user.headers)).statusCode, 200);
});

test('a POST from a foreign Origin is refused even with the right token; the own origin is accepted', async (t) => {
  const { app } = await build(t);
  const user = await asUser(app, { roles: ['case_worker'] });
  const post = (origin: string) =>
    app.inject({ method: 'POST', url: '/api/auth/reauth', headers: { ...user.headers, host: 'tuntas.example', origin }, payload: { password: user.password } });
  const foreign = await post('https://evil.example');
  assert.equal(foreign.statusCode, 403);
  assert.equal(foreign.json().error.code, 'auth.csrf');
  assert.equal((await post('null')).statusCode, 403, 'an opaque origin');
  const own = await post('http://tuntas.example');
  assert.equal(own.statusCode, 200, own.body);
});

test('a foreign Origin is refused on sign-in too (no session yet)', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { host: 'tuntas.example', origin: 'https://evil.example' },
    payload: { username: user.username, password: user.password },
  });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'auth.csrf');
});

test('GET needs no CSRF token', async (t) => {
  const { app } = await build(t);
  const user = await asUser(app, { roles: ['case_worker'] });
  const res = await me(app, cookieOnly(user.headers));
  assert.equal(res.statusCode, 200);
  const sessions = await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: cookieOnly(user.headers) });
  assert.equal(sessions.statusCode, 200);
});

test('the CSRF token changes when the session token changes (after MFA); the old one is refused', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock, config: { MFA_REQUIRED: 'true' } });
  const user = await createUser(app, { roles: ['case_worker'] });
  const first = await signIn(app, user.username, user.password);
  assert.equal(first.state, 'mfa_enrolment_required');
  const { secret } = (await app.inject({ method: 'GET', url: '/api/auth/mfa/enrolment', headers: first.headers })).json();
  const enrolled = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrolment', headers: first.headers, payload: { code: currentTotp(secret, clock().getTime()) } });
  assert.equal(enrolled.statusCode, 200, enrolled.body);
  const afterEnrolment = headersFrom(enrolled);
  assert.notEqual(afterEnrolment['x-csrf-token'], first.headers['x-csrf-token']);

  advance(30_000);
  const second = await signIn(app, user.username, user.password);
  assert.equal(second.state, 'mfa_required');
  const verified = await app.inject({ method: 'POST', url: '/api/auth/mfa', headers: second.headers, payload: { code: currentTotp(secret, clock().getTime()) } });
  assert.equal(verified.statusCode, 200, verified.body);
  const active = headersFrom(verified);
  assert.notEqual(active['x-csrf-token'], second.headers['x-csrf-token']);
  assert.notEqual(active.cookie, second.headers.cookie);

  const staleToken = await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: { ...active, 'x-csrf-token': second.headers['x-csrf-token']! }, payload: { password: user.password } });
  assert.equal(staleToken.statusCode, 403);
  assert.equal(staleToken.json().error.code, 'auth.csrf');
  assert.equal((await me(app, second.headers)).statusCode, 401, 'the pre-MFA session token is worthless');
  assert.equal((await me(app, active)).json().csrfToken, active['x-csrf-token']);
});

// ── Disabled users ────────────────────────────────────────────────────────────

test('a disabled user’s very next request gets 401, and they cannot sign in', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const user = await asUser(app, { roles: ['case_worker'] });
  const disable = await app.inject({ method: 'POST', url: `/api/users/${user.user.id}/disable`, headers: admin.headers });
  assert.equal(disable.statusCode, 200, disable.body);
  assert.equal(disable.json().status, 'disabled');

  assert.equal((await me(app, user.headers)).statusCode, 401);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.user.username, password: user.password } });
  assert.equal(login.statusCode, 401);
  assert.equal(login.json().error.code, 'auth.invalid_credentials', 'same answer as a wrong password');
});

test('a session of a disabled user is refused even when it was not ended (status changed elsewhere)', async (t) => {
  const { app, database } = await build(t);
  const user = await asUser(app, { roles: ['case_worker'] });
  await database.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', user.user.id).execute();
  const res = await me(app, user.headers);
  assert.equal(res.statusCode, 401);
  await database.db.updateTable('app_user').set({ status: 'active' }).where('id', '=', user.user.id).execute();
  assert.equal((await me(app, user.headers)).statusCode, 401, 'the refused session stays ended');
});

test('enabling a user again does not revive their old sessions', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const user = await asUser(app, { roles: ['case_worker'] });
  await app.inject({ method: 'POST', url: `/api/users/${user.user.id}/disable`, headers: admin.headers });
  const enable = await app.inject({ method: 'POST', url: `/api/users/${user.user.id}/enable`, headers: admin.headers });
  assert.equal(enable.statusCode, 200, enable.body);
  assert.equal(enable.json().status, 'active');
  assert.equal((await me(app, user.headers)).statusCode, 401, 'the old cookie stays dead');
  const again = await signIn(app, user.user.username, user.password);
  assert.equal((await me(app, again.headers)).statusCode, 200, 'signing in again works');
});

// ── Re-authentication ─────────────────────────────────────────────────────────

test('audit export needs re-authentication, which lasts REAUTH_MINUTES (5)', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock });
  const auditor = await asUser(app, { roles: ['auditor'] });
  const exportCsv = () => app.inject({ method: 'GET', url: '/api/audit/export?format=csv', headers: auditor.headers });

  const before = await exportCsv();
  assert.equal(before.statusCode, 403);
  assert.equal(before.json().error.code, 'auth.reauth_required');

  const wrong = await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: auditor.headers, payload: { password: 'not-my-password' } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.code, 'auth.wrong_password');
  assert.equal((await exportCsv()).statusCode, 403, 'a failed confirmation does not count');

  const reauth = await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: auditor.headers, payload: { password: auditor.password } });
  assert.equal(reauth.statusCode, 200, reauth.body);
  assert.equal(reauth.json().reauthenticatedAt, clock().toISOString());
  assert.equal((await exportCsv()).statusCode, 200);

  advance(4 * MINUTE);
  assert.equal((await exportCsv()).statusCode, 200, 'still within 5 minutes');
  advance(2 * MINUTE);
  const expired = await exportCsv();
  assert.equal(expired.statusCode, 403, 'six minutes after confirming');
  assert.equal(expired.json().error.code, 'auth.reauth_required');
});

test('starting MFA enrolment from an active session needs re-authentication', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock });
  const user = await asUser(app, { roles: ['case_worker'] });
  const enrolment = () => app.inject({ method: 'GET', url: '/api/auth/mfa/enrolment', headers: user.headers });

  const before = await enrolment();
  assert.equal(before.statusCode, 403);
  assert.equal(before.json().error.code, 'auth.reauth_required');
  const reauth = await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: user.headers, payload: { password: user.password } });
  assert.equal(reauth.statusCode, 200, reauth.body);
  const after = await enrolment();
  assert.equal(after.statusCode, 200, after.body);
  assert.match(after.json().secret, /^[A-Z2-7]{32}$/);

  advance(5 * MINUTE + 1000);
  assert.equal((await enrolment()).json().error.code, 'auth.reauth_required');
});

test('REAUTH_MINUTES sets how long a confirmation lasts', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock, config: { REAUTH_MINUTES: '10' } });
  const auditor = await asUser(app, { roles: ['auditor'] });
  await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: auditor.headers, payload: { password: auditor.password } });
  const exportCsv = () => app.inject({ method: 'GET', url: '/api/audit/export?format=csv', headers: auditor.headers });
  advance(9 * MINUTE);
  assert.equal((await exportCsv()).statusCode, 200, 'after 9 of 10 minutes');
  advance(2 * MINUTE);
  assert.equal((await exportCsv()).json().error.code, 'auth.reauth_required', 'after 11 minutes');
});
