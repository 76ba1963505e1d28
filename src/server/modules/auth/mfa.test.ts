// Multi-factor sign-in with MFA_REQUIRED: first sign-in of an admin-created user,
// TOTP codes that work once, recovery codes, throttling, sealed secrets, reset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { currentTotp } from '../../platform/auth/totp.ts';
import { build } from '../../test/build-app.ts';
import { createUser, headersFrom, signIn } from '../../test/users.ts';

const STEP = 30_000;
const NEW_PASSWORD = 'perahu-lumut-jingga-sembilan';

async function setup(t: Parameters<typeof build>[0]) {
  let now = new Date();
  const clock = () => now;
  const { app, database } = await build(t, { clock, config: { MFA_REQUIRED: 'true' } });
  return { app, database, clock, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

type Headers = Record<string, string>;
const get = (app: FastifyInstance, url: string, headers: Headers) => app.inject({ method: 'GET', url, headers: { ...headers, 'accept-language': 'en' } });
const post = (app: FastifyInstance, url: string, headers: Headers, payload?: object) =>
  app.inject({ method: 'POST', url, headers: { ...headers, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

/** Signs in a user whose role needs MFA and completes enrolment: active headers, the secret and recovery codes. */
async function enrol(app: FastifyInstance, clock: () => Date, user: { username: string; password: string }) {
  const first = await signIn(app, user.username, user.password);
  assert.equal(first.state, 'mfa_enrolment_required');
  const { secret } = (await get(app, '/api/auth/mfa/enrolment', first.headers)).json();
  const res = await post(app, '/api/auth/mfa/enrolment', first.headers, { code: currentTotp(secret, clock().getTime()) });
  assert.equal(res.statusCode, 200, res.body);
  return { headers: headersFrom(res), secret: secret as string, recoveryCodes: res.json().recoveryCodes as string[] };
}

test('first sign-in of an admin-created user: new password, MFA enrolment, then active with 10 recovery codes', async (t) => {
  const { app, clock, advance } = await setup(t);
  const admin = await enrol(app, clock, await createUser(app, { roles: ['admin'] }));
  const created = await post(app, '/api/users', admin.headers, { username: 'rina.kayan', displayName: 'Rina Kayan', roles: ['case_worker'], scope: 'national' });
  assert.equal(created.statusCode, 200, created.body);
  const { generatedPassword } = created.json();
  assert.match(generatedPassword, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

  const login = await post(app, '/api/auth/login', {}, { username: 'rina.kayan', password: generatedPassword });
  assert.equal(login.statusCode, 200, login.body);
  assert.equal(login.json().state, 'password_change_required');
  let headers = headersFrom(login);

  const changed = await post(app, '/api/auth/password', headers, { currentPassword: generatedPassword, newPassword: NEW_PASSWORD });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().state, 'mfa_enrolment_required');
  headers = headersFrom(changed);

  const enrolment = await get(app, '/api/auth/mfa/enrolment', headers);
  assert.equal(enrolment.statusCode, 200, enrolment.body);
  const { secret, otpauthUrl, qrCodeDataUrl } = enrolment.json();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  const url = new URL(otpauthUrl);
  assert.equal(url.protocol, 'otpauth:');
  assert.match(decodeURIComponent(url.pathname), /Tuntas:rina\.kayan$/);
  assert.equal(url.searchParams.get('secret'), secret);
  assert.equal(url.searchParams.get('issuer'), 'Tuntas');
  assert.match(qrCodeDataUrl, /^data:image\/png;base64,/);
  const png = Buffer.from(qrCodeDataUrl.split(',')[1], 'base64');
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);

  const wrong = await post(app, '/api/auth/mfa/enrolment', headers, { code: currentTotp(secret, clock().getTime() + 10 * STEP) });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error.code, 'auth.invalid_mfa_code');

  const confirmed = await post(app, '/api/auth/mfa/enrolment', headers, { code: currentTotp(secret, clock().getTime()) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.json().state, 'active');
  const codes: string[] = confirmed.json().recoveryCodes;
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  headers = headersFrom(confirmed);
  const me = (await get(app, '/api/auth/me', headers)).json();
  assert.equal(me.state, 'active');
  assert.equal(me.user.mfaEnabled, true);
  assert.equal((await get(app, '/api/regions', headers)).statusCode, 200);

  // The next sign-in asks for a code.
  advance(STEP);
  const again = await signIn(app, 'rina.kayan', NEW_PASSWORD);
  assert.equal(again.state, 'mfa_required');
  const verified = await post(app, '/api/auth/mfa', again.headers, { code: currentTotp(secret, clock().getTime()) });
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json().state, 'active');
  assert.equal((await get(app, '/api/regions', headersFrom(verified))).statusCode, 200);
});

test('until the session is active, routes other than the sign-in steps answer 403 auth.step_incomplete', async (t) => {
  const { app, clock, advance } = await setup(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const refused = async (headers: Headers, state: string) => {
    for (const url of ['/api/regions', '/api/auth/sessions', '/api/notifications']) {
      const res = await get(app, url, headers);
      assert.equal(res.statusCode, 403, `${url} in ${state}`);
      assert.equal(res.json().error.code, 'auth.step_incomplete');
      assert.match(res.json().error.message, new RegExp(state));
    }
    const reauth = await post(app, '/api/auth/reauth', headers, { password: user.password });
    assert.equal(reauth.json().error.code, 'auth.step_incomplete', `reauth in ${state}`);
    assert.equal((await get(app, '/api/auth/me', headers)).json().state, state, 'me answers, with the step');
  };

  const enrolling = await signIn(app, user.username, user.password);
  await refused(enrolling.headers, 'mfa_enrolment_required');
  const pw = await post(app, '/api/auth/password', enrolling.headers, { currentPassword: user.password, newPassword: NEW_PASSWORD });
  assert.equal(pw.json().error.code, 'auth.step_incomplete', 'no password change in place of enrolment');

  const { secret } = (await get(app, '/api/auth/mfa/enrolment', enrolling.headers)).json();
  await post(app, '/api/auth/mfa/enrolment', enrolling.headers, { code: currentTotp(secret, clock().getTime()) });
  advance(STEP);
  const needsCode = await signIn(app, user.username, user.password);
  await refused(needsCode.headers, 'mfa_required');
  assert.equal((await get(app, '/api/auth/mfa/enrolment', needsCode.headers)).json().error.code, 'auth.step_incomplete', 'no re-enrolment in place of a code');
  const skip = await post(app, '/api/auth/password', needsCode.headers, { currentPassword: user.password, newPassword: NEW_PASSWORD });
  assert.equal(skip.json().error.code, 'auth.step_incomplete', 'no password change in place of a code');
});

test('a TOTP code works once: the same code is refused in a new session; the next step’s code works', async (t) => {
  const { app, clock, advance } = await setup(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const { secret } = await enrol(app, clock, user);

  const replayOfEnrolmentCode = await signIn(app, user.username, user.password);
  const replayed = await post(app, '/api/auth/mfa', replayOfEnrolmentCode.headers, { code: currentTotp(secret, clock().getTime()) });
  assert.equal(replayed.statusCode, 401, 'the enrolment code, again, in the same 30 s step');
  assert.equal(replayed.json().error.code, 'auth.invalid_mfa_code');

  advance(STEP);
  const code = currentTotp(secret, clock().getTime());
  const first = await signIn(app, user.username, user.password);
  assert.equal((await post(app, '/api/auth/mfa', first.headers, { code })).statusCode, 200, 'a code of the next step');

  const second = await signIn(app, user.username, user.password);
  const again = await post(app, '/api/auth/mfa', second.headers, { code });
  assert.equal(again.statusCode, 401, 'the same code in another session');
  assert.equal(again.json().error.code, 'auth.invalid_mfa_code');
  assert.equal((await get(app, '/api/auth/me', second.headers)).json().state, 'mfa_required');
});

test('a recovery code works once and only once', async (t) => {
  const { app, clock } = await setup(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const { recoveryCodes } = await enrol(app, clock, user);

  const first = await signIn(app, user.username, user.password);
  const used = await post(app, '/api/auth/mfa', first.headers, { code: recoveryCodes[0] });
  assert.equal(used.statusCode, 200, used.body);
  assert.equal(used.json().state, 'active');

  const second = await signIn(app, user.username, user.password);
  const reused = await post(app, '/api/auth/mfa', second.headers, { code: recoveryCodes[0] });
  assert.equal(reused.statusCode, 401);
  assert.equal(reused.json().error.code, 'auth.invalid_mfa_code');
  const other = await post(app, '/api/auth/mfa', second.headers, { code: recoveryCodes[1]!.toUpperCase() });
  assert.equal(other.statusCode, 200, 'another unused code works (case does not matter)');
});

test('wrong MFA codes count toward throttling', async (t) => {
  const { app, clock, advance } = await setup(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const { secret } = await enrol(app, clock, user);
  advance(STEP);
  const session = await signIn(app, user.username, user.password);
  for (let i = 1; i <= 5; i++) {
    advance(1000);
    const res = await post(app, '/api/auth/mfa', session.headers, { code: '000000' });
    assert.equal(res.statusCode, 401, `wrong code ${i}`);
  }
  advance(1000);
  const right = await post(app, '/api/auth/mfa', session.headers, { code: currentTotp(secret, clock().getTime()) });
  assert.equal(right.statusCode, 429, 'even the right code must wait');
  assert.equal(right.json().error.code, 'auth.throttled');
  const login = await post(app, '/api/auth/login', {}, { username: user.username, password: user.password });
  assert.equal(login.statusCode, 429, 'and so must a new password sign-in');

  advance(60_000);
  const later = await post(app, '/api/auth/mfa', session.headers, { code: currentTotp(secret, clock().getTime()) });
  assert.equal(later.statusCode, 200, later.body);
});

test('the TOTP secret is stored sealed, never in clear (also while enrolment is pending)', async (t) => {
  const { app, database, clock } = await setup(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const stored = () => database.db.selectFrom('app_user').select(['mfa_secret_enc', 'mfa_pending_secret_enc']).where('id', '=', user.id).executeTakeFirstOrThrow();

  const first = await signIn(app, user.username, user.password);
  const { secret } = (await get(app, '/api/auth/mfa/enrolment', first.headers)).json();
  const pending = (await stored()).mfa_pending_secret_enc;
  assert.ok(pending);
  assert.ok(!pending.includes(secret) && !pending.toUpperCase().includes(secret));

  await post(app, '/api/auth/mfa/enrolment', first.headers, { code: currentTotp(secret, clock().getTime()) });
  const row = await stored();
  assert.ok(row.mfa_secret_enc);
  assert.notEqual(row.mfa_secret_enc, secret);
  assert.ok(!row.mfa_secret_enc.includes(secret) && !row.mfa_secret_enc.toUpperCase().includes(secret));
  assert.equal(row.mfa_pending_secret_enc, null);
  const codes = await database.db.selectFrom('mfa_recovery_code').select('code_hash').where('user_id', '=', user.id).execute();
  assert.equal(codes.length, 10);
  assert.ok(codes.every((c) => /^[0-9a-f]{64}$/.test(c.code_hash)), 'recovery codes are stored as hashes');
});

test('re-authentication of an MFA user needs a fresh code as well as the password', async (t) => {
  const { app, clock, advance } = await setup(t);
  const user = await createUser(app, { roles: ['case_worker'] });
  const { headers, secret } = await enrol(app, clock, user);
  advance(STEP);
  const without = await post(app, '/api/auth/reauth', headers, { password: user.password });
  assert.equal(without.statusCode, 401);
  assert.equal(without.json().error.code, 'auth.invalid_mfa_code');
  const code = currentTotp(secret, clock().getTime());
  assert.equal((await post(app, '/api/auth/reauth', headers, { password: user.password, code })).statusCode, 200);
  assert.equal((await post(app, '/api/auth/reauth', headers, { password: user.password, code })).statusCode, 401, 'not with the same code twice');
});

test('an admin’s reset-mfa ends the user’s sessions and forces enrolment at the next sign-in', async (t) => {
  const { app, clock, advance } = await setup(t);
  const admin = await enrol(app, clock, await createUser(app, { roles: ['admin'] }));
  const user = await createUser(app, { roles: ['case_worker'] });
  const { headers } = await enrol(app, clock, user);
  const view = (await get(app, `/api/users/${user.id}`, admin.headers)).json();
  assert.equal(view.mfaEnabled, true);
  assert.ok(view.actions.includes('reset_mfa'));

  const reset = await post(app, `/api/users/${user.id}/reset-mfa`, admin.headers);
  assert.equal(reset.statusCode, 200, reset.body);
  assert.equal(reset.json().mfaEnabled, false);
  assert.ok(!reset.json().actions.includes('reset_mfa'));
  assert.equal((await get(app, '/api/auth/me', headers)).statusCode, 401, 'the user’s session has ended');

  advance(STEP);
  const next = await signIn(app, user.username, user.password);
  assert.equal(next.state, 'mfa_enrolment_required');
  const events = (await get(app, `/api/audit?entityType=user&entityId=${user.id}&action=user.reset_mfa`, admin.headers)).json();
  assert.equal(events.total, 1);
});
