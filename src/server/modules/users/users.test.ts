// User and role administration through the API: creating users, region scope,
// the actions each caller may take, rights changes ending sessions, and audit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, createUser, signIn, TEST_PASSWORD } from '../../test/users.ts';

type Headers = Record<string, string>;
const get = (app: FastifyInstance, url: string, headers: Headers) => app.inject({ method: 'GET', url, headers: { ...headers, 'accept-language': 'en' } });
const send = (app: FastifyInstance, method: 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
  app.inject({ method, url, headers: { ...headers, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

const newUser = (username: string, extra: object = {}) => ({ username, displayName: `Petugas ${username}`, roles: ['case_worker'], scope: 'national', ...extra });
const usernames = (body: { items: { username: string }[] }) => body.items.map((u) => u.username);

test('an admin creates a user with a given password; the user signs in with it', async (t) => {
  const { app } = await build(t, { regions: true });
  const admin = await asUser(app, { roles: ['admin'] });
  const res = await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan', { roles: ['regency_officer'], scope: '65.03', password: 'perahu-lumut-jingga-sembilan' }));
  assert.equal(res.statusCode, 200, res.body);
  const { user, generatedPassword } = res.json();
  assert.equal(generatedPassword, null);
  assert.equal(user.username, 'rina.kayan');
  assert.deepEqual(user.roles, ['regency_officer']);
  assert.deepEqual(user.scope, { level: 'regency', code: '65.03' });
  assert.equal(user.status, 'active');
  assert.equal(user.passwordMustChange, false);
  assert.equal((await signIn(app, 'rina.kayan', 'perahu-lumut-jingga-sembilan')).state, 'active');
});

test('a weak given password is refused with a field error on body.password', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const res = await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan', { password: 'kalimantan2018' }));
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'auth.weak_password');
  assert.equal(res.json().error.fields[0].field, 'body.password');
});

test('without a password, a generated one is shown once and must be changed at first sign-in', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const res = await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan'));
  assert.equal(res.statusCode, 200, res.body);
  const { user, generatedPassword } = res.json();
  assert.match(generatedPassword, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  assert.equal(user.passwordMustChange, true);

  const again = await get(app, `/api/users/${user.id}`, admin.headers);
  assert.equal(again.statusCode, 200);
  assert.ok(!again.body.includes(generatedPassword), 'never shown again');
  const list = await get(app, '/api/users', admin.headers);
  assert.ok(!list.body.includes(generatedPassword));
  assert.equal((await signIn(app, 'rina.kayan', generatedPassword)).state, 'password_change_required');
});

test('the user list filters by search, role and status and pages on the server', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'], username: 'admin.pusat' });
  for (const name of ['ani.kayan', 'budi.kayan', 'citra.sesayap', 'dedi.sesayap']) await createUser(app, { roles: ['case_worker'], username: name });
  await createUser(app, { roles: ['auditor'], username: 'eko.kayan' });
  const list = async (query: string) => {
    const res = await get(app, `/api/users${query}`, admin.headers);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  assert.deepEqual(usernames(await list('?q=KAYAN')), ['ani.kayan', 'budi.kayan', 'eko.kayan']);
  assert.deepEqual(usernames(await list('?role=case_worker')), ['ani.kayan', 'budi.kayan', 'citra.sesayap', 'dedi.sesayap']);
  assert.deepEqual(usernames(await list('?q=kayan&role=auditor')), ['eko.kayan']);

  const budi = (await list('?q=budi')).items[0];
  await send(app, 'POST', `/api/users/${budi.id}/disable`, admin.headers);
  assert.deepEqual(usernames(await list('?status=disabled')), ['budi.kayan']);
  assert.equal((await list('?status=active')).total, 5);

  const page1 = await list('?limit=2');
  const page2 = await list('?limit=2&offset=2');
  const page3 = await list('?limit=2&offset=4');
  assert.equal(page1.total, 6);
  assert.equal(page2.total, 6);
  assert.deepEqual([...usernames(page1), ...usernames(page2), ...usernames(page3)], ['admin.pusat', 'ani.kayan', 'budi.kayan', 'citra.sesayap', 'dedi.sesayap', 'eko.kayan']);

  const bad = await get(app, '/api/users?limit=500', admin.headers);
  assert.equal(bad.statusCode, 400, 'at most 200 a page');
  assert.equal(bad.json().error.fields[0].field, 'query.limit');
});

test('a head of office of province 65 sees only users whose scope lies in 65', async (t) => {
  const { app } = await build(t, { regions: true });
  const head = await asUser(app, { roles: ['head_of_office'], scope: '65', username: 'kadis.kaltara' });
  const nunukan = await createUser(app, { roles: ['case_worker'], scope: '65.03', username: 'pendamping.nunukan' });
  const province = await createUser(app, { roles: ['province_officer'], scope: '65', username: 'petugas.kaltara' });
  const kaltim = await createUser(app, { roles: ['case_worker'], scope: '64', username: 'pendamping.kaltim' });
  const balikpapan = await createUser(app, { roles: ['case_worker'], scope: '64.71', username: 'pendamping.balikpapan' });
  const national = await createUser(app, { roles: ['ministry_officer'], scope: 'national', username: 'petugas.pusat' });

  const res = await get(app, '/api/users', head.headers);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(usernames(res.json()), ['kadis.kaltara', 'pendamping.nunukan', 'petugas.kaltara']);
  assert.equal(res.json().total, 3);

  assert.equal((await get(app, `/api/users/${nunukan.id}`, head.headers)).statusCode, 200);
  assert.equal((await get(app, `/api/users/${province.id}`, head.headers)).statusCode, 200);
  for (const outside of [kaltim, balikpapan, national]) {
    const one = await get(app, `/api/users/${outside.id}`, head.headers);
    assert.equal(one.statusCode, 404, outside.username);
    assert.equal(one.json().error.code, 'user.not_found');
  }
});

test('a head of office (user.read without user.manage) may do nothing to users and cannot create them', async (t) => {
  const { app } = await build(t, { regions: true });
  const head = await asUser(app, { roles: ['head_of_office'], scope: '65' });
  const worker = await createUser(app, { roles: ['case_worker'], scope: '65.03' });
  const items = (await get(app, '/api/users', head.headers)).json().items as { actions: string[] }[];
  assert.ok(items.length >= 2);
  for (const u of items) assert.deepEqual(u.actions, []);
  const create = await send(app, 'POST', '/api/users', head.headers, newUser('baru.nunukan', { scope: '65.03' }));
  assert.equal(create.statusCode, 403);
  assert.equal(create.json().error.code, 'auth.forbidden');
  const disable = await send(app, 'POST', `/api/users/${worker.id}/disable`, head.headers);
  assert.equal(disable.statusCode, 403);
});

test('an admin scoped to a province cannot create users outside it (user.scope_too_wide)', async (t) => {
  const { app } = await build(t, { regions: true });
  const admin = await asUser(app, { roles: ['admin'], scope: '65' });
  for (const scope of ['64', '64.71', 'national']) {
    const res = await send(app, 'POST', '/api/users', admin.headers, newUser(`luar.${scope.replace('.', '')}`, { scope }));
    assert.equal(res.statusCode, 403, scope);
    assert.equal(res.json().error.code, 'user.scope_too_wide');
  }
  const inside = await send(app, 'POST', '/api/users', admin.headers, newUser('dalam.nunukan', { scope: '65.03' }));
  assert.equal(inside.statusCode, 200, inside.body);
  const others = (await get(app, '/api/users', admin.headers)).json();
  assert.ok(!usernames(others).some((u) => u.startsWith('luar.')), 'nothing was created');
});

test('an unknown role or region is a 400 with a clear message; a duplicate username is 409', async (t) => {
  const { app } = await build(t, { regions: true });
  const admin = await asUser(app, { roles: ['admin'] });
  const role = await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan', { roles: ['case_worker', 'wizard'] }));
  assert.equal(role.statusCode, 400);
  assert.equal(role.json().error.code, 'user.unknown_role');
  assert.equal(role.json().error.message, 'Unknown role: wizard.');

  const region = await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan', { scope: '99' }));
  assert.equal(region.statusCode, 400);
  assert.equal(region.json().error.code, 'user.unknown_region');
  assert.equal(region.json().error.message, 'Region 99 does not exist or is not a province/regency/city.');
  const former = await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan', { scope: '64.05' }));
  assert.equal(former.json().error.code, 'user.unknown_region', 'a former code is not a valid scope');
  const district = await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan', { scope: '65.03.02' }));
  assert.equal(district.statusCode, 400);
  assert.equal(district.json().error.fields[0].field, 'body.scope');

  assert.equal((await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan'))).statusCode, 200);
  const duplicate = await send(app, 'POST', '/api/users', admin.headers, newUser('Rina.Kayan'));
  assert.equal(duplicate.statusCode, 409);
  assert.equal(duplicate.json().error.code, 'user.username_taken');
  assert.equal(duplicate.json().error.message, 'The username "rina.kayan" is already taken.');
});

test('each user record lists what the caller may do: no disable on oneself', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const worker = await createUser(app, { roles: ['case_worker'] });
  const self = (await get(app, `/api/users/${admin.user.id}`, admin.headers)).json();
  assert.deepEqual(self.actions.sort(), ['end_sessions', 'reset_password', 'update']);
  const other = (await get(app, `/api/users/${worker.id}`, admin.headers)).json();
  assert.deepEqual(other.actions.sort(), ['disable', 'end_sessions', 'reset_password', 'update']);

  const disableSelf = await send(app, 'POST', `/api/users/${admin.user.id}/disable`, admin.headers);
  assert.equal(disableSelf.statusCode, 409);
  assert.equal(disableSelf.json().error.code, 'user.self_action');

  const disabled = (await send(app, 'POST', `/api/users/${worker.id}/disable`, admin.headers)).json();
  assert.deepEqual(disabled.actions.sort(), ['enable', 'end_sessions', 'reset_password', 'update']);
});

test('changing a user’s roles ends their sessions; the new roles apply at the next sign-in', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const user = await asUser(app, { roles: ['case_worker'] });
  const rename = await send(app, 'PATCH', `/api/users/${user.user.id}`, admin.headers, { displayName: 'Nama Baru' });
  assert.equal(rename.statusCode, 200);
  assert.equal((await get(app, '/api/auth/me', user.headers)).statusCode, 200, 'a new name alone keeps the session');

  const res = await send(app, 'PATCH', `/api/users/${user.user.id}`, admin.headers, { roles: ['auditor'] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().roles, ['auditor']);
  assert.equal(res.json().activeSessions, 0);
  assert.equal((await get(app, '/api/auth/me', user.headers)).statusCode, 401);

  const again = await signIn(app, user.user.username, TEST_PASSWORD);
  const me = (await get(app, '/api/auth/me', again.headers)).json();
  assert.deepEqual(me.roles.map((r: { key: string }) => r.key), ['auditor']);
  assert.ok(me.permissions.includes('audit.export'));
  assert.ok(!me.permissions.includes('person.read'));
});

test('GET /api/roles lists roles for user.read holders; PATCH /api/roles/:key needs role.manage', async (t) => {
  const { app } = await build(t, { regions: true });
  const admin = await asUser(app, { roles: ['admin'] });
  const head = await asUser(app, { roles: ['head_of_office'], scope: '65' });
  const worker = await asUser(app, { roles: ['case_worker'] });

  const roles = await get(app, '/api/roles', admin.headers);
  assert.equal(roles.statusCode, 200);
  const keys = roles.json().map((r: { key: string }) => r.key);
  for (const k of ['admin', 'auditor', 'case_worker', 'finance_officer', 'head_of_office', 'ministry_officer', 'province_officer', 'regency_officer'])
    assert.ok(keys.includes(k), k);
  const caseWorker = roles.json().find((r: { key: string }) => r.key === 'case_worker');
  assert.equal(caseWorker.nameEn, 'Case worker');
  assert.ok(caseWorker.permissions.includes('person.reveal_identity'));

  assert.equal((await get(app, '/api/roles', head.headers)).statusCode, 200);
  assert.equal((await get(app, '/api/roles', worker.headers)).statusCode, 403);
  const byHead = await send(app, 'PATCH', '/api/roles/case_worker', head.headers, { nameEn: 'Field worker' });
  assert.equal(byHead.statusCode, 403);
  assert.equal(byHead.json().error.code, 'auth.forbidden');

  const unknownPermission = await send(app, 'PATCH', '/api/roles/case_worker', admin.headers, { permissions: ['person.read', 'person.delete_everything'] });
  assert.equal(unknownPermission.statusCode, 400);
  assert.match(unknownPermission.json().error.fields[0].field, /^body\.permissions/);
  const unknownRole = await send(app, 'PATCH', '/api/roles/wizard', admin.headers, { nameEn: 'Wizard' });
  assert.equal(unknownRole.statusCode, 404);
  assert.equal(unknownRole.json().error.code, 'role.not_found');
});

test('changing a role’s permissions ends its holders’ sessions; signing in again gives the new set', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const worker = await asUser(app, { roles: ['case_worker'] });
  const auditor = await asUser(app, { roles: ['auditor'] });
  const permissions = ['case.read', 'person.read', 'region.read', 'site.read'];

  const rename = await send(app, 'PATCH', '/api/roles/case_worker', admin.headers, { nameEn: 'Field worker' });
  assert.equal(rename.statusCode, 200);
  assert.equal((await get(app, '/api/auth/me', worker.headers)).statusCode, 200, 'a new name alone keeps sessions');

  const res = await send(app, 'PATCH', '/api/roles/case_worker', admin.headers, { permissions });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().permissions, permissions);
  assert.equal((await get(app, '/api/auth/me', worker.headers)).statusCode, 401, 'the holder’s session ended');
  assert.equal((await get(app, '/api/auth/me', auditor.headers)).statusCode, 200, 'holders of other roles keep theirs');
  assert.equal((await get(app, '/api/auth/me', admin.headers)).statusCode, 200);

  const again = await signIn(app, worker.user.username, worker.password);
  const me = (await get(app, '/api/auth/me', again.headers)).json();
  assert.deepEqual(me.permissions, permissions);
  assert.deepEqual(me.roles, [{ key: 'case_worker', name: 'Field worker' }]);

  const events = (await get(app, '/api/audit?entityType=role&entityId=case_worker', admin.headers)).json();
  assert.deepEqual(events.items.map((e: { action: string }) => e.action), ['role.update', 'role.update']);
  assert.deepEqual(events.items[0].summary.permissions, permissions);
  assert.equal(events.items[0].actor.username, admin.user.username);
});

test('every change to a user writes an audit event about that user', async (t) => {
  const { app } = await build(t);
  const admin = await asUser(app, { roles: ['admin'] });
  const created = (await send(app, 'POST', '/api/users', admin.headers, newUser('rina.kayan'))).json().user;
  const id = created.id as number;
  await send(app, 'PATCH', `/api/users/${id}`, admin.headers, { displayName: 'Rina K.', roles: ['auditor'] });
  await send(app, 'POST', `/api/users/${id}/reset-password`, admin.headers);
  await send(app, 'POST', `/api/users/${id}/end-sessions`, admin.headers);
  await send(app, 'POST', `/api/users/${id}/disable`, admin.headers);
  await send(app, 'POST', `/api/users/${id}/enable`, admin.headers);

  const res = await get(app, `/api/audit?entityType=user&entityId=${id}`, admin.headers);
  assert.equal(res.statusCode, 200, res.body);
  const events = res.json().items as { action: string; actor: { username: string }; summary: Record<string, unknown> }[];
  assert.deepEqual(
    events.map((e) => e.action).reverse(),
    ['user.create', 'user.update', 'user.reset_password', 'user.end_sessions', 'user.disable', 'user.enable'],
  );
  assert.ok(events.every((e) => e.actor.username === admin.user.username));
  const create = events.find((e) => e.action === 'user.create')!;
  assert.equal(create.summary.generatedPassword, true);
  assert.ok(!JSON.stringify(events).includes('Rina K.'), 'no personal data in the audit summaries');
});
