// Data-subject requests (UU 27/2022), through HTTP. One app for the file: every
// subtest works on persons of its own.
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { cliContext } from '../../platform/auth/actor.ts';
import { keyRing } from '../../platform/crypto/key-provider.ts';
import { build, TEST_MASTER_KEY } from '../../test/build-app.ts';
import { registerIdentityDerivedColumn } from './persons.erasure.ts';
import { rotateKeys } from '../keys/keys.rotation.ts';
import { asUser, type SignedIn } from '../../test/users.ts';

const SITI = {
  fullName: 'Zubaidah Quintessa Marwoto',
  nik: '6503025708910002',
  kk: '6503021708190007',
  birthDate: '1991-08-17',
  phone: '081377755512',
  address: 'Jalan Kenari Ungu Nomor 77',
};
const HOUR = 3_600_000;

function client(app: FastifyInstance, who: SignedIn) {
  const send = (method: 'POST' | 'PATCH', url: string, payload: object) => app.inject({ method, url, headers: who.headers, payload });
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object) => send('POST', url, payload),
    patch: (url: string, payload: object) => send('PATCH', url, payload),
    reauth: () => app.inject({ method: 'POST', url: '/api/auth/reauth', headers: who.headers, payload: { password: who.password } }),
  };
}

/** The text shown by a PDF's content streams (pdfkit writes hex strings in TJ arrays; streams are deflated). */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      content = m[1]!;
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[2]!];
      out.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('');
}

test('data-subject requests', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const province = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const as = client(app, officer);
  const person = async (extra: object = {}) => {
    const res = await as.post('/api/persons', { ...SITI, sex: 'female', alias: 'Mawar', regencyCode: '65.03', lawfulBasis: 'public_task', ...extra });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { id: number; caseCode: string };
  };
  const register = async (personId: number, kind: string, extra: object = {}) => {
    const res = await as.post('/api/subject-requests', { personId, kind, channel: 'in_person', ...extra });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const answer = (id: number, who = as) => who.patch(`/api/subject-requests/${id}`, { status: 'answered', responseNote: 'Permintaan sudah dipenuhi' });
  const actions = async (action: string) =>
    (await database.db.selectFrom('audit_event').select(['reason', 'summary', 'entity_id']).where('action', '=', action).orderBy('seq').execute()).map((e) => ({
      reason: e.reason,
      summary: (typeof e.summary === 'string' ? JSON.parse(e.summary) : e.summary) as Record<string, unknown>,
      entityId: e.entity_id,
    }));

  await t.test('due 3×24 hours after receipt; overdue when still waiting after it; filters', async () => {
    const p = await person();
    const receivedAt = '2018-05-18T09:30:00.000+08:00';
    const late = await register(p.id, 'objection', { receivedAt, channel: 'letter', details: 'Keberatan atas pendataan ulang' });
    assert.equal(late.receivedAt, '2018-05-18T01:30:00.000Z');
    assert.equal(Date.parse(late.dueAt) - Date.parse(late.receivedAt), 72 * HOUR);
    assert.equal(late.status, 'open');
    assert.equal(late.overdue, true);
    const fresh = await register(p.id, 'access');
    assert.equal(Date.parse(fresh.dueAt) - Date.parse(fresh.receivedAt), 72 * HOUR);
    assert.equal(fresh.overdue, false);
    assert.deepEqual(fresh.actions, ['update', 'export']);
    const overdue = (await as.get('/api/subject-requests?overdue=true')).json();
    assert.ok(overdue.items.some((r: { id: number }) => r.id === late.id));
    assert.ok(!overdue.items.some((r: { id: number }) => r.id === fresh.id));
    const byKind = (await as.get(`/api/subject-requests?kind=access&personId=${p.id}`)).json();
    assert.deepEqual(byKind.items.map((r: { id: number }) => r.id), [fresh.id]);
    // The waiting ones come first, the most urgent on top.
    const mine = (await as.get(`/api/subject-requests?personId=${p.id}`)).json().items.map((r: { id: number }) => r.id);
    assert.deepEqual(mine, [late.id, fresh.id]);
    // Answered late: no longer overdue, and the audit records that it was.
    assert.equal((await answer(late.id)).json().overdue, false);
    assert.equal((await actions('subject_request.answered')).find((e) => e.entityId === String(late.id))!.summary.overdue, true);
    // Not in the future; no identity values in free text.
    assert.equal((await as.post('/api/subject-requests', { personId: p.id, kind: 'access', channel: 'phone', receivedAt: '2999-01-01T00:00:00Z' })).json().error.code, 'subject_request.received_in_future');
    assert.equal((await as.post('/api/subject-requests', { personId: p.id, kind: 'access', channel: 'phone', details: `NIK ${SITI.nik}` })).statusCode, 400);
  });

  await t.test('status: open → in progress → answered | refused; a refusal needs a legal reason; final states stay', async () => {
    const p = await person();
    const r = await register(p.id, 'objection');
    const url = `/api/subject-requests/${r.id}`;
    assert.equal((await as.patch(url, { status: 'in_progress' })).json().status, 'in_progress');
    const noReason = await as.patch(url, { status: 'refused' });
    assert.equal(noReason.json().error.code, 'subject_request.refusal_reason_required');
    assert.equal((await as.patch(url, { status: 'refused', refusalReason: 'singkat' })).statusCode, 400);
    const refused = await as.patch(url, { status: 'refused', refusalReason: 'Pasal 15 ayat (1) huruf e UU 27/2022: pelaksanaan tugas penyelenggaraan negara' });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().status, 'refused');
    assert.equal(refused.json().answeredBy, `Test ${officer.user.username}`);
    assert.ok(refused.json().answeredAt);
    assert.deepEqual(refused.json().actions, []);
    assert.equal((await as.patch(url, { status: 'answered', responseNote: 'x' })).json().error.code, 'subject_request.bad_transition');
    assert.equal((await as.patch(`/api/subject-requests/${(await register(p.id, 'objection')).id}`, { status: 'answered' })).json().error.code, 'subject_request.note_required');
    assert.match((await actions('subject_request.refused')).find((e) => e.entityId === String(r.id))!.reason!, /Pasal 15/);
  });

  await t.test('access: the export holds the identity only for a user allowed to reveal it, and is audited with the request as reason', async () => {
    const p = await person({ lawfulBasis: 'consent' });
    await as.post(`/api/persons/${p.id}/consents`, { purpose: 'Pendampingan', givenOn: '2018-05-18' });
    const r = await register(p.id, 'access');
    const url = `/api/subject-requests/${r.id}/export`;
    // Not before an export was made; the export needs a recent re-authentication.
    assert.equal((await answer(r.id)).json().error.code, 'subject_request.export_first');
    // A copy without the identity (a province officer may not reveal) does not answer it either.
    await client(app, province).reauth();
    assert.equal((await client(app, province).get(`${url}?format=json`)).json().identityWithheld, 'not_allowed');
    assert.equal((await answer(r.id, client(app, province))).json().error.code, 'subject_request.export_first');
    assert.equal((await as.get(url)).json().error.code, 'auth.reauth_required');
    await as.reauth();
    const json = await as.get(`${url}?format=json`);
    assert.equal(json.statusCode, 200, json.body);
    assert.equal(json.headers['cache-control'], 'no-store');
    assert.match(String(json.headers['content-disposition']), new RegExp(`attachment; filename="data-pribadi-${p.caseCode}-permintaan-${r.id}\\.json"`));
    const data = json.json();
    assert.deepEqual(data.identity, { fullName: SITI.fullName, nik: SITI.nik, kk: SITI.kk, birthDate: SITI.birthDate, phone: SITI.phone, address: SITI.address });
    assert.equal(data.identityWithheld, null);
    assert.equal(data.person.caseCode, p.caseCode);
    assert.equal(data.consents.length, 1);
    assert.deepEqual(data.requests.map((x: { id: number }) => x.id), [r.id]);
    assert.ok(data.events.some((e: { action: string }) => e.action === 'person.create'));
    assert.ok(data.events.some((e: { action: string }) => e.action === 'person.consent_recorded'));
    assert.ok(data.events.some((e: { action: string }) => e.action === 'subject_request.registered'));
    assert.deepEqual(Object.keys(data.events[0]).sort(), ['action', 'at']);

    const pdf = await as.get(`${url}?format=pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const expected of ['SALINAN DATA PRIBADI', p.caseCode, SITI.fullName, SITI.nik, 'Pendampingan', 'person.create']) assert.ok(text.includes(expected), `PDF lacks ${expected}`);

    // A province officer may answer requests but not reveal identities: the export withholds it.
    const withheld = (await client(app, province).get(`${url}?format=json`)).json();
    assert.equal(withheld.identity, null);
    assert.equal(withheld.identityWithheld, 'not_allowed');
    assert.ok(!pdfText((await client(app, province).get(`${url}?format=pdf`)).rawPayload).includes(SITI.nik));

    const exported = (await actions('person.data_exported')).filter((e) => e.entityId === String(p.id));
    assert.equal(exported.length, 5);
    assert.equal(exported[1]!.reason, `Permintaan subjek data #${r.id} (akses)`);
    assert.equal(exported[0]!.summary.identityIncluded, false);
    assert.deepEqual(exported[1]!.summary, { caseCode: p.caseCode, subjectRequestId: r.id, format: 'json', identityIncluded: true, fields: ['fullName', 'nik', 'kk', 'birthDate', 'phone', 'address'] });
    assert.equal(exported[3]!.summary.identityIncluded, false);
    assert.doesNotMatch(JSON.stringify(exported), /Zubaidah|6503025708910002/);
    assert.equal((await answer(r.id)).json().status, 'answered');
    // Only access requests have an export.
    assert.equal((await as.get(`/api/subject-requests/${(await register(p.id, 'objection')).id}/export`)).json().error.code, 'subject_request.not_access');
  });

  await t.test('restriction: reveals are refused while restricted, except to answer a request; lifting ends it', async () => {
    const p = await person();
    const r = await register(p.id, 'restriction');
    const answered = await answer(r.id);
    assert.equal(answered.statusCode, 200, answered.body);
    const detail = (await as.get(`/api/persons/${p.id}`)).json();
    assert.equal(detail.processingRestricted, true);
    await as.reauth();
    const reveal = (extra: object = {}) => as.post(`/api/persons/${p.id}/reveal`, { fields: ['nik'], reason: 'Verifikasi daftar bersama', ...extra });
    const refused = await reveal();
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'person.restricted');
    // To answer a pending request about the person, the reveal goes through (and says which request).
    const access = await register(p.id, 'access');
    assert.equal((await reveal({ subjectRequestId: r.id })).statusCode, 409, 'an answered request no longer opens it');
    const ok = await reveal({ subjectRequestId: access.id });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await actions('person.identity_revealed')).at(-1)!.summary.subjectRequestId, access.id);
    // The access export still answers (it is a request).
    assert.equal((await as.get(`/api/subject-requests/${access.id}/export`)).json().identity.nik, SITI.nik);
    const lift = await as.post(`/api/persons/${p.id}/restriction/lift`, { reason: 'Ketepatan data sudah dipastikan' });
    assert.equal(lift.statusCode, 204, lift.body);
    assert.equal((await reveal()).statusCode, 200);
    assert.equal((await as.post(`/api/persons/${p.id}/restriction/lift`, { reason: 'Ketepatan data sudah dipastikan' })).json().error.code, 'person.not_restricted');
  });

  await t.test('deletion: crypto-shredding leaves no way back to the identity, while lists still count the person', async () => {
    const p = await person();
    const before = (await as.get('/api/persons?limit=1')).json().total;
    // A value another module derives from the identity (as deduplication's blocking keys): erased too.
    await sql`alter table person add column derived_probe integer`.execute(database.db);
    await sql`update person set derived_probe = 7`.execute(database.db);
    // Process-wide registration: taken back at the end (other test files share this process).
    t.after(registerIdentityDerivedColumn('derived_probe'));
    const r = await register(p.id, 'deletion');
    const url = `/api/subject-requests/${r.id}`;
    // Irreversible: a fresh re-authentication, whatever happened before.
    const stale = await client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' })).patch(url, { status: 'answered', responseNote: 'Identitas dihapus' });
    assert.equal(stale.json().error.code, 'auth.reauth_required');
    await as.reauth();
    const done = await answer(r.id);
    assert.equal(done.statusCode, 200, done.body);

    const row = await database.db.selectFrom('person').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    assert.equal(row.identity_ct, null);
    assert.equal(row.dek_wrapped, null);
    assert.equal(row.key_id, null);
    assert.deepEqual([row.nik_bidx, row.kk_bidx, row.phone_bidx, row.nik_match, row.alias], [null, null, null, null, null]);
    const probe = async (id: number) => (await sql<{ v: number | null }>`select derived_probe as v from person where id = ${id}`.execute(database.db)).rows[0]!.v;
    assert.equal(await probe(p.id), null);
    assert.ok(row.erased_at);
    assert.equal(row.case_code, p.caseCode);

    const detail = (await as.get(`/api/persons/${p.id}`)).json();
    assert.equal(detail.erased, true);
    assert.deepEqual(detail.identityFields, []);
    assert.deepEqual(detail.actions, []);
    const reveal = await as.post(`/api/persons/${p.id}/reveal`, { fields: ['nik'], reason: 'Periksa setelah penghapusan' });
    assert.equal(reveal.statusCode, 410);
    assert.equal(reveal.json().error.code, 'person.erased');
    assert.equal((await as.patch(`/api/persons/${p.id}`, { version: detail.version, alias: 'Baru' })).json().error.code, 'person.erased');
    // Lists and counts keep the pseudonymous record; the old NIK finds nobody new.
    assert.equal((await as.get('/api/persons?limit=1')).json().total, before);
    assert.ok(!(await as.post('/api/persons/lookup', { nik: SITI.nik })).json().items.some((x: { id: number }) => x.id === p.id));
    // An access request afterwards says the identity is gone.
    const access = await register(p.id, 'access');
    const data = (await as.get(`/api/subject-requests/${access.id}/export`)).json();
    assert.equal(data.identity, null);
    assert.equal(data.identityWithheld, 'erased');
    // Counted: nothing else of hers was sealed (erasure.test.ts covers files, referrals and accounts).
    assert.deepEqual((await actions('person.erased')).map((e) => e.summary), [{ caseCode: p.caseCode, subjectRequestId: r.id, shredded: { caseNoteFiles: 0, referralSnapshots: 0, bankAccounts: 0 } }]);
    assert.deepEqual(done.json().erasure, { caseNoteFiles: 0, referralSnapshots: 0, bankAccounts: 0 });
    // Key rotation passes over the erased person (no key left to re-wrap or re-encrypt).
    const rotated = await rotateKeys(database.db, keyRing(TEST_MASTER_KEY), cliContext('test'), { reencrypt: true, batchSize: 100, pauseMs: 0, progress: () => {} });
    const living = await database.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('erased_at', 'is', null).executeTakeFirstOrThrow();
    assert.equal(rotated.persons, Number(living.n));
  });

  await t.test('scope: another regency sees neither the requests nor their persons; case workers have no register', async () => {
    const p = await person();
    const r = await register(p.id, 'objection');
    const bulungan = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.01' }));
    assert.equal((await bulungan.get(`/api/subject-requests/${r.id}`)).statusCode, 404);
    assert.equal((await bulungan.get('/api/subject-requests')).json().total, 0);
    assert.equal((await bulungan.post('/api/subject-requests', { personId: p.id, kind: 'access', channel: 'phone' })).statusCode, 404);
    assert.equal((await bulungan.patch(`/api/subject-requests/${r.id}`, { status: 'in_progress' })).statusCode, 404);
    const worker = client(app, await asUser(app, { roles: ['case_worker'], scope: '65.03' }));
    assert.equal((await worker.get('/api/subject-requests')).statusCode, 403);
    // The head of office reads the register but cannot answer.
    const head = client(app, await asUser(app, { roles: ['head_of_office'], scope: '65.03' }));
    const seen = (await head.get(`/api/subject-requests/${r.id}`)).json();
    assert.deepEqual(seen.actions, []);
    assert.equal((await head.patch(`/api/subject-requests/${r.id}`, { status: 'in_progress' })).statusCode, 403);
  });

  await t.test('correction: an update names the request; the request records the corrected fields', async () => {
    const p = await person();
    const r = await register(p.id, 'correction');
    await sql`update person set derived_probe = 7 where id = ${p.id}`.execute(database.db);
    await as.reauth();
    const res = await as.patch(`/api/persons/${p.id}`, { version: 1, address: 'Jalan Baru Nomor 1', reason: 'Koreksi alamat atas permintaan subjek', subjectRequestId: r.id });
    assert.equal(res.statusCode, 200, res.body);
    const after = (await as.get(`/api/subject-requests/${r.id}`)).json();
    assert.deepEqual(after.correctedFields, ['address']);
    // Values derived from the old identity are dropped, for their module to compute again.
    assert.equal((await sql<{ v: number | null }>`select derived_probe as v from person where id = ${p.id}`.execute(database.db)).rows[0]!.v, null);
    assert.equal(after.status, 'in_progress');
    const objection = await register(p.id, 'objection');
    const wrong = await as.patch(`/api/persons/${p.id}`, { version: 2, alias: 'X', subjectRequestId: objection.id });
    assert.equal(wrong.json().error.code, 'subject_request.not_open_correction');
  });
});
