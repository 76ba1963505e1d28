// Person updates and consent, through HTTP. One app for the file: every subtest
// works on persons of its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { CreateSiteSchema } from '../../../common/sites.ts';
import { cliContext } from '../../platform/auth/actor.ts';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';

const SITI = {
  fullName: 'Zubaidah Quintessa Marwoto',
  nik: '6503025708910002', // female, born 17-08-1991
  kk: '6503021708190007',
  birthDate: '1991-08-17',
  phone: '081377755512',
  address: 'Jalan Kenari Ungu Nomor 77',
};
const SYSTEM = cliContext('test');
const NEW_NIK = '6503025112880003'; // female, born 11-12-1988

function client(app: FastifyInstance, who: SignedIn) {
  const send = (method: 'POST' | 'PATCH', url: string, payload: object, lang = 'id') =>
    app.inject({ method, url, headers: { ...who.headers, 'accept-language': lang }, payload });
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object, lang?: string) => send('POST', url, payload, lang),
    patch: (url: string, payload: object, lang?: string) => send('PATCH', url, payload, lang),
    reauth: () => app.inject({ method: 'POST', url: '/api/auth/reauth', headers: who.headers, payload: { password: who.password } }),
  };
}

test('person updates and consent', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const as = client(app, officer);
  const create = async (extra: object = {}) => {
    const res = await as.post('/api/persons', { ...SITI, sex: 'female', alias: 'Mawar', regencyCode: '65.03', lawfulBasis: 'public_task', ...extra });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { id: number; caseCode: string; version: number; consentMissing: boolean };
  };
  const events = async (action: string) =>
    (await database.db.selectFrom('audit_event').select(['reason', 'summary', 'entity_id']).where('action', '=', action).orderBy('seq').execute()).map((e) => ({
      reason: e.reason,
      summary: (typeof e.summary === 'string' ? JSON.parse(e.summary) : e.summary) as Record<string, unknown>,
      entityId: e.entity_id,
    }));

  await t.test('plain fields change without a reason; a stale version answers 409', async () => {
    const p = await create();
    assert.equal(p.version, 1);
    const site = await app.services.sites.create(SYSTEM, CreateSiteSchema.parse({ regionCode: '65.03', name: 'Lokalisasi Uji' }));
    const ok = await as.patch(`/api/persons/${p.id}`, { version: 1, alias: 'Melati', siteId: site.id, lawfulBasis: 'legal_obligation' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().alias, 'Melati');
    assert.equal(ok.json().siteId, site.id);
    assert.equal(ok.json().version, 2);
    const stale = await as.patch(`/api/persons/${p.id}`, { version: 1, alias: 'Kenanga' });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'person.stale');
    assert.equal((await as.patch(`/api/persons/${p.id}`, { version: 2, alias: 'Melati' })).json().error.code, 'person.nothing_to_change');
    const [e] = (await events('person.updated')).filter((x) => x.entityId === String(p.id));
    assert.deepEqual(e!.summary, { caseCode: p.caseCode, changed: ['alias', 'siteId', 'lawfulBasis'] });
  });

  await t.test('the site must lie in the person’s regency; reassignment is audited as such', async () => {
    const p = await create();
    const other = await app.services.sites.create(SYSTEM, CreateSiteSchema.parse({ regionCode: '65.01', name: 'Lokalisasi Bulungan' }));
    assert.equal((await as.patch(`/api/persons/${p.id}`, { version: 1, siteId: other.id })).json().error.code, 'person.site_mismatch');
    const worker = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
    const elsewhere = await asUser(app, { roles: ['case_worker'], scope: '65.01' });
    // The assignment field offers the case workers who can see the regency's persons.
    const offered = (await as.get('/api/case-workers?regency=65.03')).json().items.map((u: { id: number }) => u.id);
    assert.ok(offered.includes(worker.user.id));
    assert.ok(!offered.includes(elsewhere.user.id));
    assert.equal((await as.get('/api/case-workers?regency=65.01')).statusCode, 403);
    assert.equal((await as.patch(`/api/persons/${p.id}`, { version: 1, assignedUserId: elsewhere.user.id })).json().error.code, 'person.assignee_out_of_scope');
    const res = await as.patch(`/api/persons/${p.id}`, { version: 1, assignedUserId: worker.user.id });
    assert.equal(res.statusCode, 200, res.body);
    // The new case worker now sees the person.
    assert.equal((await client(app, worker).get(`/api/persons/${p.id}`)).statusCode, 200);
    const moved = (await events('person.reassigned')).find((x) => x.entityId === String(p.id));
    assert.deepEqual(moved!.summary, { caseCode: p.caseCode, fromUserId: null, toUserId: worker.user.id });
  });

  await t.test('identity corrections need a reason and a recent re-authentication, and are validated like a registration', async () => {
    const p = await create();
    const url = `/api/persons/${p.id}`;
    const noReason = await as.patch(url, { version: 1, nik: NEW_NIK });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.code, 'person.change_reason_required');
    const reason = 'Koreksi NIK sesuai KTP-el';
    const stale = await as.patch(url, { version: 1, nik: NEW_NIK, reason });
    assert.equal(stale.json().error.code, 'auth.reauth_required');
    assert.equal((await as.reauth()).statusCode, 200);
    // The new NIK's birth date differs from the stored one: named at the field, without the value.
    const bad = await as.patch(url, { version: 1, nik: NEW_NIK, reason }, 'en');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().error.fields.some((f: { field: string }) => f.field === 'body.nik'), bad.body);
    assert.doesNotMatch(bad.body, new RegExp(NEW_NIK));
    // A sex that the NIK contradicts is refused too.
    assert.equal((await as.patch(url, { version: 1, sex: 'male', reason })).statusCode, 400);
  });

  await t.test('a NIK correction re-seals the identity and moves the indexes: lookup finds the new NIK, not the old', async () => {
    const p = await create();
    const before = await database.db.selectFrom('person').select(['identity_ct', 'dek_wrapped', 'nik_bidx', 'nik_match']).where('id', '=', p.id).executeTakeFirstOrThrow();
    await as.reauth();
    const res = await as.patch(`/api/persons/${p.id}`, { version: 1, nik: NEW_NIK, birthDate: '1988-12-11', phone: null, reason: 'Koreksi NIK sesuai KTP-el' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().identityFields, ['fullName', 'nik', 'kk', 'birthDate', 'address']);
    const after = await database.db.selectFrom('person').select(['identity_ct', 'dek_wrapped', 'nik_bidx', 'nik_match', 'phone_bidx']).where('id', '=', p.id).executeTakeFirstOrThrow();
    assert.ok(!Buffer.from(after.dek_wrapped!).equals(Buffer.from(before.dek_wrapped!)), 'a fresh data key');
    assert.ok(!Buffer.from(after.identity_ct!).equals(Buffer.from(before.identity_ct!)));
    assert.ok(!Buffer.from(after.nik_match!).equals(Buffer.from(before.nik_match!)));
    assert.equal(after.phone_bidx, null);
    const byNew = (await as.post('/api/persons/lookup', { nik: NEW_NIK })).json().items.map((x: { id: number }) => x.id);
    const byOld = (await as.post('/api/persons/lookup', { nik: SITI.nik })).json().items.map((x: { id: number }) => x.id);
    assert.ok(byNew.includes(p.id));
    assert.ok(!byOld.includes(p.id));
    const revealed = await as.post(`/api/persons/${p.id}/reveal`, { fields: ['nik', 'birthDate', 'phone'], reason: 'Periksa hasil koreksi NIK' });
    assert.deepEqual(revealed.json().fields, { nik: NEW_NIK, birthDate: '1988-12-11', phone: null });
    // The audit names the fields, never the values, and keeps the reason.
    const e = (await events('person.updated')).find((x) => x.entityId === String(p.id));
    assert.deepEqual(e!.summary, { caseCode: p.caseCode, changed: ['nik', 'birthDate', 'phone'] });
    assert.equal(e!.reason, 'Koreksi NIK sesuai KTP-el');
    assert.doesNotMatch(JSON.stringify(await events('person.updated')), /6503025112880003|6503025708910002|0813/);
  });

  await t.test('who may change: person.manage in scope; another regency’s person does not exist for the caller', async () => {
    const p = await create();
    const bulungan = await asUser(app, { roles: ['regency_officer'], scope: '65.01' });
    assert.equal((await client(app, bulungan).patch(`/api/persons/${p.id}`, { version: 1, alias: 'X' })).statusCode, 404);
    const head = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
    assert.equal((await client(app, head).patch(`/api/persons/${p.id}`, { version: 1, alias: 'X' })).statusCode, 403);
  });

  await t.test('consent: a person on consent without a recorded consent is flagged; record and withdraw', async () => {
    const p = await create({ lawfulBasis: 'consent' });
    assert.equal(p.consentMissing, true);
    const url = `/api/persons/${p.id}/consents`;
    assert.equal((await as.post(url, { purpose: 'Pendampingan', givenOn: '2999-01-01' })).json().error.code, 'consent.invalid_date');
    assert.equal((await as.post(url, { purpose: 'Telepon 081377755512', givenOn: '2018-05-18' })).statusCode, 400, 'no phone numbers in free text');
    const given = await as.post(url, { purpose: 'Pendampingan dan bantuan usaha', givenOn: '2018-05-18', documentRef: 'ARSIP-2018-051' });
    assert.equal(given.statusCode, 200, given.body);
    assert.deepEqual({ ...(given.json() as object), id: 0, createdAt: '' }, {
      id: 0,
      personId: p.id,
      purpose: 'Pendampingan dan bantuan usaha',
      givenOn: '2018-05-18',
      withdrawnOn: null,
      documentRef: 'ARSIP-2018-051',
      active: true,
      recordedBy: `Test ${officer.user.username}`,
      createdAt: '',
    });
    assert.equal((await as.get(`/api/persons/${p.id}`)).json().consentMissing, false);
    const cid = given.json().id;
    assert.equal((await as.post(`${url}/${cid}/withdraw`, { withdrawnOn: '2018-05-17' })).json().error.code, 'consent.invalid_date');
    const withdrawn = await as.post(`${url}/${cid}/withdraw`, { withdrawnOn: '2019-01-10' });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().withdrawnOn, '2019-01-10');
    assert.equal(withdrawn.json().active, false);
    assert.equal((await as.post(`${url}/${cid}/withdraw`, {})).json().error.code, 'consent.already_withdrawn');
    assert.equal((await as.get(`/api/persons/${p.id}`)).json().consentMissing, true);
    assert.equal((await as.get(url)).json().items.length, 1);
    assert.deepEqual(
      (await events('person.consent_withdrawn')).map((e) => e.summary),
      [{ caseCode: p.caseCode, consentId: cid, withdrawnOn: '2019-01-10' }],
    );
    // A person on another basis never shows the flag.
    assert.equal((await create()).consentMissing, false);
  });
});
