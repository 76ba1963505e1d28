import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test, type TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { build, freshDatabase, testConfig, TEST_MASTER_KEY } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { scanDatabase } from '../../test/plaintext-scan.ts';
import type { Database } from '../../platform/db/database.ts';

/** Distinctive identities: none of these strings may appear anywhere but in a reveal answer. */
const SITI = {
  fullName: 'Zubaidah Quintessa Marwoto',
  nik: '6503 0257 0891 0002', // female, born 17-08-1991, Nunukan
  kk: '6503021708190007',
  birthDate: '1991-08-17',
  phone: '+62 813-7775-5512',
  address: 'Jalan Kenari Ungu Nomor 77',
};
const RINA = {
  fullName: 'Rinjani Xaverina Xiphandrau',
  nik: '6503025112880003', // female, born 11-12-1988
  kk: '6503020909170004',
  birthDate: '1988-12-11',
  phone: '081299911123',
  address: 'Gang Teratai Jingga 5',
};
const NEEDLES = [
  'Zubaidah',
  'Quintessa',
  'Marwoto',
  '6503025708910002',
  '6503021708190007',
  '1991-08-17',
  '081377755512',
  '13777555',
  'Kenari Ungu',
  'Rinjani',
  'Xaverina',
  'Xiphandrau',
  '6503025112880003',
  '6503020909170004',
  '1988-12-11',
  '081299911123',
  'Teratai Jingga',
];

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object, lang = 'id') => app.inject({ method: 'POST', url, headers: { ...who.headers, 'accept-language': lang }, payload }),
    reauth: () => app.inject({ method: 'POST', url: '/api/auth/reauth', headers: who.headers, payload: { password: who.password } }),
  };
}

const person = (identity: typeof SITI, extra: Record<string, unknown> = {}) => ({
  ...identity,
  sex: 'female',
  alias: 'Mawar',
  regencyCode: '65.03',
  lawfulBasis: 'public_task',
  ...extra,
});

async function setup(t: TestContext, built?: { app: FastifyInstance; database: Database }) {
  const { app, database } = built ?? (await build(t, { regions: true }));
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const events = async (action: string) =>
    (await database.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute()).map((e) => ({
      reason: e.reason,
      summary: (typeof e.summary === 'string' ? JSON.parse(e.summary) : e.summary) as Record<string, unknown>,
      entityId: e.entity_id,
    }));
  return { app, officer, events, as: (who: SignedIn) => client(app, who) };
}

async function create(app: FastifyInstance, who: SignedIn, body: object) {
  const res = await client(app, who).post('/api/persons', body);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('identities are encrypted: no table, column, audit event, job or log line holds a name, NIK, KK, birth date, phone or address', async (t) => {
  const database = await freshDatabase(t, { regions: true });
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'trace' }), database, logger: true, logStream, masterKey: TEST_MASTER_KEY });
  t.after(() => app.close());
  const { officer, as } = await setup(t, { app, database });
  const siti = await create(app, officer, person(SITI));
  await create(app, officer, person(RINA, { alias: undefined }));
  assert.match(siti.caseCode, /^TNT-6503-\d{6}$/);
  assert.deepEqual(siti.identityFields, ['fullName', 'nik', 'kk', 'birthDate', 'phone', 'address']);
  // Reads, a lookup, a reveal and a refused create with the same values: all logged, none may leak.
  assert.equal((await as(officer).get('/api/persons')).statusCode, 200);
  assert.equal((await as(officer).post('/api/persons/lookup', { nik: SITI.nik })).json().items.length, 1);
  assert.equal((await as(officer).post('/api/persons/lookup', { phone: RINA.phone })).json().items.length, 1);
  assert.equal((await as(officer).reauth()).statusCode, 200);
  const revealed = await as(officer).post(`/api/persons/${siti.id}/reveal`, { fields: ['fullName', 'nik', 'phone'], reason: 'Verifikasi daftar bersama Kemensos' });
  assert.equal(revealed.statusCode, 200, revealed.body);
  assert.deepEqual(revealed.json().fields, { fullName: SITI.fullName, nik: '6503025708910002', phone: '081377755512' });
  const refused = await as(officer).post('/api/persons', person(SITI, { nik: '6503025708910000', kk: '123' }));
  assert.equal(refused.statusCode, 400);
  assert.doesNotMatch(refused.body, /6503025708910000|Zubaidah/);

  // The NIK match token: the same NIK (however written) → the same 16 bytes; another NIK → other bytes.
  const twin = await create(app, officer, person({ ...RINA, nik: '6503-0251-1288-0003' }, { alias: undefined, kk: undefined, phone: undefined }));
  const tokens = await database.db.selectFrom('person').select(['id', 'nik_match']).orderBy('id').execute();
  assert.equal(tokens.length, 3);
  assert.equal(tokens[0]!.nik_match?.length, 16);
  assert.notDeepEqual(tokens[0]!.nik_match, tokens[1]!.nik_match);
  assert.deepEqual(tokens[1]!.nik_match, tokens.find((r) => r.id === twin.id)!.nik_match);

  // The data subject's rights (migration 0014): a correction, a refused correction, an access export.
  const patch = (payload: object) => app.inject({ method: 'PATCH', url: `/api/persons/${twin.id}`, headers: officer.headers, payload });
  assert.equal((await patch({ version: 1, address: 'Lorong Cendana Biru 9', reason: 'Koreksi alamat dari KK terbaru' })).statusCode, 200);
  const badFix = await patch({ version: 2, nik: '6503025708910000', reason: 'Koreksi NIK dari KTP-el terbaru' });
  assert.equal(badFix.statusCode, 400);
  assert.doesNotMatch(badFix.body, /6503025708910000/);
  const request = await app.inject({ method: 'POST', url: '/api/subject-requests', headers: officer.headers, payload: { personId: siti.id, kind: 'access', channel: 'letter' } });
  for (const format of ['json', 'pdf'])
    assert.equal((await as(officer).get(`/api/subject-requests/${request.json().id}/export?format=${format}`)).statusCode, 200);

  const needles = [...NEEDLES, 'Cendana Biru', '6503025708910000'];
  assert.deepEqual(await scanDatabase(database, needles), []);
  assert.ok(lines.length > 10, `expected request log lines, got ${lines.length}`);
  const leaks = lines.filter((l) => needles.some((n) => l.toLowerCase().includes(n.toLowerCase())));
  assert.deepEqual(leaks, []);
});

test('create validates the NIK with the NIK module and names each field’s problem in Indonesian or English', async (t) => {
  const { app, as, officer } = await setup(t);
  const bad = await as(officer).post('/api/persons', person(SITI, { nik: '6503025708910000', sex: 'male', phone: '12', kk: '65' }), 'en');
  assert.equal(bad.statusCode, 400);
  const fields = bad.json().error.fields as { field: string; message: string }[];
  assert.ok(fields.some((f) => f.field === 'body.nik' && /serial 0000/.test(f.message)), bad.body);
  assert.ok(fields.some((f) => f.field === 'body.nik' && /sex encoded/.test(f.message)), bad.body);
  assert.ok(fields.some((f) => f.field === 'body.kk'));
  assert.ok(fields.some((f) => f.field === 'body.phone'));
  const id = await as(officer).post('/api/persons', person(SITI, { nik: '6503025708910000' }));
  assert.match(id.json().error.fields[0].message, /Nomor urut NIK 0000/);
  // A NIK is optional (people without an e-KTP are registered too); outside the scope: 403.
  assert.equal((await as(officer).post('/api/persons', person(SITI, { nik: undefined, kk: undefined }))).statusCode, 200);
  assert.equal((await as(officer).post('/api/persons', person(SITI, { regencyCode: '65.01' }))).statusCode, 403);
  assert.equal((await as(officer).post('/api/persons', person(SITI, { regencyCode: '65.03', siteId: 999 }))).statusCode, 400);
  // Case codes count per regency without gaps.
  const codes = (await as(officer).get('/api/persons')).json().items.map((p: { caseCode: string }) => p.caseCode);
  assert.deepEqual(codes, ['TNT-6503-000001']);
  void app;
});

test('reveal needs the permission, the person in scope, a reason and a recent re-authentication; the audit keeps the reason and field names', async (t) => {
  const { app, as, officer, events } = await setup(t);
  const siti = await create(app, officer, person(SITI));
  const url = `/api/persons/${siti.id}/reveal`;
  const body = { fields: ['nik', 'fullName'], reason: 'Verval daftar Nunukan 2018' };

  // No recent re-authentication: asked to re-authenticate.
  const stale = await as(officer).post(url, body);
  assert.equal(stale.statusCode, 403);
  assert.equal(stale.json().error.code, 'auth.reauth_required');
  assert.equal((await as(officer).reauth()).statusCode, 200);
  // A reason of fewer than 10 characters is refused.
  assert.equal((await as(officer).post(url, { ...body, reason: 'cek' })).statusCode, 400);
  const ok = await as(officer).post(url, body);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { caseCode: siti.caseCode, fields: { nik: '6503025708910002', fullName: SITI.fullName } });
  assert.equal(ok.headers['cache-control'], 'no-store');
  assert.deepEqual(siti.actions, ['reveal_identity']);

  // Without the permission (province officer reads persons but does not reveal): 403, no action offered.
  const province = await asUser(app, { roles: ['province_officer'], scope: '65' });
  await as(province).reauth();
  assert.deepEqual((await as(province).get(`/api/persons/${siti.id}`)).json().actions, []);
  assert.equal((await as(province).post(url, body)).statusCode, 403);
  // Another regency's officer: the person does not exist for them.
  const bulungan = await asUser(app, { roles: ['regency_officer'], scope: '65.01' });
  await as(bulungan).reauth();
  assert.equal((await as(bulungan).post(url, body)).statusCode, 404);
  assert.equal((await as(bulungan).get(`/api/persons/${siti.id}`)).statusCode, 404);

  const items = await events('person.identity_revealed');
  assert.equal(items.length, 1);
  assert.equal(items[0]!.reason, 'Verval daftar Nunukan 2018');
  assert.deepEqual(items[0]!.summary, { caseCode: siti.caseCode, fields: ['nik', 'fullName'] });
  assert.equal(items[0]!.entityId, String(siti.id));
  assert.doesNotMatch(JSON.stringify(items), /6503025708910002|Zubaidah/);
});

test('case workers see and reveal only the persons assigned to them', async (t) => {
  const { app, as, officer } = await setup(t);
  const worker = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const mine = await create(app, officer, person(SITI, { assignedUserId: worker.user.id }));
  const notMine = await create(app, officer, person(RINA));
  const list = (await as(worker).get('/api/persons')).json();
  assert.deepEqual(list.items.map((p: { id: number }) => p.id), [mine.id]);
  assert.equal(list.total, 1);
  assert.equal((await as(officer).get('/api/persons')).json().total, 2);
  assert.equal((await as(worker).get(`/api/persons/${notMine.id}`)).statusCode, 404);
  assert.deepEqual((await as(worker).get(`/api/persons/${mine.id}`)).json().actions, ['reveal_identity']);
  await as(worker).reauth();
  const reason = 'Pendampingan: menghubungi keluarga';
  assert.equal((await as(worker).post(`/api/persons/${notMine.id}/reveal`, { fields: ['phone'], reason })).statusCode, 404);
  const r = await as(worker).post(`/api/persons/${mine.id}/reveal`, { fields: ['phone'], reason });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json().fields, { phone: '081377755512' });
  // Lookups are limited to the caseload too.
  assert.equal((await as(worker).post('/api/persons/lookup', { nik: RINA.nik })).json().items.length, 0);
  assert.equal((await as(worker).post('/api/persons/lookup', { nik: SITI.nik })).json().items.length, 1);
  // A user with no scope sees nothing (fail closed) — a national auditor has no person.read at all.
  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  assert.equal((await as(auditor).get('/api/persons')).statusCode, 403);
});

test('lookup by NIK, KK or phone: exact, any formatting, scope-filtered, audited without the value', async (t) => {
  const { app, as, officer, events } = await setup(t);
  const siti = await create(app, officer, person(SITI));
  await create(app, officer, person(RINA));
  const byNik = await as(officer).post('/api/persons/lookup', { nik: '65.03.02-570891-0002' });
  assert.deepEqual(byNik.json().items.map((p: { id: number }) => p.id), [siti.id]);
  assert.deepEqual(Object.keys(byNik.json().items[0]).sort(), ['alias', 'caseCode', 'createdAt', 'id', 'mergedIntoId', 'regencyCode', 'regencyName', 'sex', 'siteCode', 'siteId']);
  assert.equal((await as(officer).post('/api/persons/lookup', { kk: SITI.kk })).json().items.length, 1);
  assert.equal((await as(officer).post('/api/persons/lookup', { phone: '0813 7775 5512' })).json().items.length, 1);
  assert.equal((await as(officer).post('/api/persons/lookup', { nik: '6503025708910003' })).json().items.length, 0);
  assert.equal((await as(officer).post('/api/persons/lookup', { nik: SITI.nik, phone: SITI.phone })).statusCode, 400);
  const other = await asUser(app, { roles: ['regency_officer'], scope: '65.01' });
  assert.equal((await as(other).post('/api/persons/lookup', { nik: SITI.nik })).json().items.length, 0);
  // Lookups never go through a URL.
  assert.equal((await as(officer).get(`/api/persons/lookup?nik=${SITI.nik}`)).statusCode, 400);
  const items = await events('person.lookup');
  assert.equal(items.length, 5);
  assert.ok(items.some((e) => e.summary.by === 'nik' && e.summary.matches === 1));
  assert.doesNotMatch(JSON.stringify(items), /6503025708910002|0813/);
});

test('lists: pseudonymous, filtered by regency, site and case code or alias, in pages', async (t) => {
  const { app, as, officer } = await setup(t);
  for (let i = 0; i < 3; i++) await create(app, officer, person(SITI, { alias: `Melati ${i}` }));
  await create(app, officer, person(RINA, { alias: 'Kenanga' }));
  const page = (await as(officer).get('/api/persons?limit=2&offset=0')).json();
  assert.equal(page.total, 4);
  assert.equal(page.items.length, 2);
  assert.equal((await as(officer).get('/api/persons?q=melati')).json().total, 3);
  assert.equal((await as(officer).get('/api/persons?q=000004')).json().items[0].alias, 'Kenanga');
  assert.equal((await as(officer).get('/api/persons?regency=65.01')).json().total, 0);
  assert.doesNotMatch(JSON.stringify(page), /Zubaidah|6503025708910002/);
});
