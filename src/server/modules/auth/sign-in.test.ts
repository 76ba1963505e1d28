// Signing in with a password, throttling, who am I, signing out, my sessions,
// and changing my password — through the HTTP API as the web app calls it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { isPermission } from '../../../common/permissions.ts';
import { build } from '../../test/build-app.ts';
import { asUser, createUser, headersFrom, signIn, TEST_PASSWORD } from '../../test/users.ts';

/** A clock the test moves forward by hand. */
function testClock() {
  let now = new Date();
  return { clock: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

function login(app: FastifyInstance, username: string, password: string, remoteAddress = '127.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers: { 'accept-language': 'en' } });
}

function sessionSetCookie(res: LightMyRequestResponse): string {
  const all = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = all.find((c) => c.startsWith('tuntas_session='));
  assert.ok(cookie, `no session cookie in ${JSON.stringify(all)}`);
  return cookie;
}

const me = (app: FastifyInstance, headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/auth/me', headers });

test('password sign-in answers the state and a CSRF token and sets an HttpOnly, SameSite=Strict cookie (not Secure over http)', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const res = await login(app, user.username, user.password);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().state, 'active');
  assert.match(res.json().csrfToken, /^[A-Za-z0-9_-]{40,}$/);
  assert.deepEqual(Object.keys(res.json()).sort(), ['csrfToken', 'state'], 'the session token itself is never in the body');
  const cookie = sessionSetCookie(res);
  assert.match(cookie, /;\s*HttpOnly/i);
  assert.match(cookie, /;\s*SameSite=Strict/i);
  assert.match(cookie, /;\s*Path=\//i);
  assert.doesNotMatch(cookie, /;\s*Secure/i);
});

test('behind a TLS proxy (TRUST_PROXY, x-forwarded-proto: https) the session cookie is Secure', async (t) => {
  const { app } = await build(t, { config: { TRUST_PROXY: 'true' } });
  const user = await createUser(app, { roles: ['case_worker'] });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-proto': 'https' },
    payload: { username: user.username, password: user.password },
  });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = sessionSetCookie(res);
  assert.match(cookie, /;\s*Secure/i);
  assert.match(cookie, /;\s*HttpOnly/i);
  assert.match(cookie, /;\s*SameSite=Strict/i);
});

test('a wrong password and an unknown username get the same 401 answer (no user enumeration)', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const wrong = await login(app, user.username, 'not-the-password-at-all');
  const unknown = await login(app, 'nobody-here', 'not-the-password-at-all');
  for (const res of [wrong, unknown]) {
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth.invalid_credentials');
    assert.equal(res.json().error.message, 'Wrong username or password.');
    assert.equal(res.cookies.length, 0, 'no cookie on failure');
  }
});

test('after 5 failures for an account the 6th attempt waits, even with the right password; after the wait it works', async (t) => {
  const { clock, advance } = testClock();
  const { app } = await build(t, { clock });
  const user = await createUser(app, { roles: ['case_worker'] });
  for (let i = 1; i <= 5; i++) assert.equal((await login(app, user.username, `wrong-password-${i}`)).statusCode, 401, `attempt ${i}`);

  const throttled = await login(app, user.username, user.password);
  assert.equal(throttled.statusCode, 429);
  assert.equal(throttled.json().error.code, 'auth.throttled');
  const seconds = Number(/Try again in (\d+) seconds/.exec(throttled.json().error.message)?.[1]);
  assert.ok(seconds > 0 && seconds <= 30, `wait of ${seconds} s`);

  advance(10_000);
  assert.equal((await login(app, user.username, user.password)).statusCode, 429, 'still waiting after 10 s');
  advance(seconds * 1000);
  const ok = await login(app, user.username, user.password);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().state, 'active');
});

test('a case difference in the username does not escape the account throttle', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  for (let i = 1; i <= 5; i++) await login(app, i % 2 ? user.username.toUpperCase() : user.username, 'wrong-password');
  assert.equal((await login(app, ` ${user.username.toUpperCase()} `, user.password)).statusCode, 429);
});

test('after 20 failures from one address across different usernames, that address must wait', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const attacker = '203.0.113.9';
  for (let i = 1; i <= 20; i++) {
    const res = await login(app, `guess-${i}`, 'wrong-password', attacker);
    assert.equal(res.statusCode, 401, `attempt ${i}`);
  }
  const throttled = await login(app, user.username, user.password, attacker);
  assert.equal(throttled.statusCode, 429);
  assert.equal(throttled.json().error.code, 'auth.throttled');
  const elsewhere = await login(app, user.username, user.password, '198.51.100.4');
  assert.equal(elsewhere.statusCode, 200, 'other addresses are not affected');
});

test('GET /api/auth/me returns the user, roles, scope with its region name, and permissions', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const res = await me(app, { ...officer.headers, 'accept-language': 'en' });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.state, 'active');
  assert.equal(body.user.username, officer.user.username);
  assert.equal(body.user.mfaEnabled, false);
  assert.deepEqual(body.roles, [{ key: 'regency_officer', name: 'Regency/city Dinsos officer' }]);
  assert.deepEqual(body.scope, { level: 'regency', code: '65.03', name: 'Kabupaten Nunukan' });
  const role = await database.db.selectFrom('role').select('permissions').where('key', '=', 'regency_officer').executeTakeFirstOrThrow();
  assert.deepEqual(body.permissions, role.permissions.filter(isPermission).sort());
  assert.ok(!body.permissions.includes('user.read'));
  assert.equal(body.csrfToken, officer.headers['x-csrf-token']);
});

test('without a session, /api/auth/me is 401', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'GET', url: '/api/auth/me' });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().error.code, 'auth.unauthenticated');
});

test('logout ends the session: the old cookie then gets 401', async (t) => {
  const { app } = await build(t);
  const user = await asUser(app, { roles: ['case_worker'] });
  const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: user.headers });
  assert.equal(out.statusCode, 204);
  assert.match(sessionSetCookie(out), /Expires=Thu, 01 Jan 1970/i, 'the cookie is cleared');
  const after = await me(app, user.headers);
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().error.code, 'auth.session_expired');
});

test('logout-all ends every session of the user, and only theirs', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const laptop = await signIn(app, user.username, user.password);
  const phone = await signIn(app, user.username, user.password);
  const colleague = await asUser(app, { roles: ['case_worker'] });
  const out = await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: laptop.headers });
  assert.equal(out.statusCode, 204);
  assert.equal((await me(app, laptop.headers)).statusCode, 401);
  assert.equal((await me(app, phone.headers)).statusCode, 401);
  assert.equal((await me(app, colleague.headers)).statusCode, 200);
});

test('a user lists their own open sessions and ends one of them', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const laptop = await signIn(app, user.username, user.password);
  const phone = await signIn(app, user.username, user.password);
  const colleague = await asUser(app, { roles: ['case_worker'] });

  const list = await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: laptop.headers });
  assert.equal(list.statusCode, 200);
  const sessions = list.json() as { id: number; current: boolean }[];
  assert.equal(sessions.length, 2);
  assert.equal(sessions.filter((s) => s.current).length, 1);
  const other = sessions.find((s) => !s.current)!;

  const end = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: laptop.headers });
  assert.equal(end.statusCode, 204);
  assert.equal((await me(app, phone.headers)).statusCode, 401, 'the phone session has ended');
  assert.equal((await me(app, laptop.headers)).statusCode, 200, 'the current one goes on');
  const after = (await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: laptop.headers })).json();
  assert.deepEqual(after.map((s: { id: number }) => s.id), [sessions.find((s) => s.current)!.id]);

  const theirs = (await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: colleague.headers })).json()[0].id;
  const foreign = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${theirs}`, headers: laptop.headers });
  assert.equal(foreign.statusCode, 404, 'another user’s session is not found');
  assert.equal((await me(app, colleague.headers)).statusCode, 200);
});

test('weak new passwords are refused with a field error on body.newPassword; a strong one is accepted', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'], username: 'siti.rahmawati' });
  const { headers } = await signIn(app, user.username, user.password);
  const change = (newPassword: string) =>
    app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...headers, 'accept-language': 'en' }, payload: { currentPassword: TEST_PASSWORD, newPassword } });

  for (const weak of ['Password123!', 'kalimantan2018', 'siti.rahmawati']) {
    const res = await change(weak);
    assert.equal(res.statusCode, 400, weak);
    assert.equal(res.json().error.code, 'auth.weak_password', weak);
    assert.deepEqual(res.json().error.fields.map((f: { field: string }) => f.field), ['body.newPassword'], weak);
    assert.match(res.json().error.fields[0].message, /common words/);
  }
  const short = await change('pendek');
  assert.equal(short.statusCode, 400);
  assert.equal(short.json().error.fields[0].field, 'body.newPassword');

  const strong = await change('perahu-lumut-jingga-sembilan');
  assert.equal(strong.statusCode, 200, strong.body);
  assert.equal(strong.json().state, 'active');
  assert.equal((await login(app, user.username, 'perahu-lumut-jingga-sembilan')).statusCode, 200);
  assert.equal((await login(app, user.username, TEST_PASSWORD)).statusCode, 401, 'the old password no longer works');
});

test('changing the password needs the current one', async (t) => {
  const { app } = await build(t);
  const user = await asUser(app, { roles: ['case_worker'] });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: user.headers,
    payload: { currentPassword: 'not-my-password', newPassword: 'perahu-lumut-jingga-sembilan' },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'auth.wrong_password');
});

test('a password change ends the user’s other sessions and moves this one to a new token', async (t) => {
  const { app } = await build(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const laptop = await signIn(app, user.username, user.password);
  const phone = await signIn(app, user.username, user.password);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: laptop.headers,
    payload: { currentPassword: user.password, newPassword: 'perahu-lumut-jingga-sembilan' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await me(app, phone.headers)).statusCode, 401, 'the other session has ended');
  assert.equal((await me(app, laptop.headers)).statusCode, 401, 'the old token of this session is worthless');
  const renewed = await me(app, headersFrom(res));
  assert.equal(renewed.statusCode, 200, 'this session goes on under its new token');
});
