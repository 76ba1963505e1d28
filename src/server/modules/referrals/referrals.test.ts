import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, signIn, type SignedIn } from '../../test/users.ts';
import { makeCase } from '../return-home/case-fixtures.ts';
import { SYSTEM } from '../verval/verval.test-support.ts';
import { referralSweepJob } from './referrals.job.ts';

function client(app: FastifyInstance, who: SignedIn) {
  let headers = who.headers;
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    send: (url: string, payload: object) => app.inject({ method: 'POST', url, headers: { ...headers, 'accept-language': 'en' }, payload }),
    /** After the clock moved past the session's lifetime. */
    async signInAgain() {
      headers = (await signIn(app, who.user.username, who.password)).headers;
    },
  };
}

const PHONE = '081234567890';
const ADDRESS = 'Jl. Pelabuhan Tunon Taka No. 7';

test('referrals: field subset sealed, consent or override, expiry and revocation shred, response, PDF as a reveal, list, through HTTP', async (t) => {
  let now = new Date('2019-03-01T03:00:00Z');
  const { app, database } = await build(t, { regions: true, clock: () => now });
  const db = database.db;
  const workerSession = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = client(app, workerSession);
  const officer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  const headSession = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const head = client(app, headSession);
  const bulungan = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.01' }));

  const mine = await makeCase(app, db, { regencyCode: '65.03', nikDistrict: null, assignedUserId: workerSession.user.id, phone: PHONE, address: ADDRESS });
  const other = await makeCase(app, db, { regencyCode: '65.03', phone: PHONE });
  const consent = await app.services.consents.add(SYSTEM, mine.personId, { purpose: 'Rujukan layanan kesehatan reproduksi', givenOn: '2019-02-20', documentRef: undefined });
  const othersConsent = await app.services.consents.add(SYSTEM, other.personId, { purpose: 'Rujukan bantuan hukum', givenOn: '2019-02-20', documentRef: undefined });

  const base = { service: 'reproductive_health', purpose: 'Pemeriksaan kesehatan reproduksi', organisation: 'Puskesmas Nunukan', organisationContact: 'Jl. Tien Soeharto, loket KIA', expiresOn: '2019-03-31' };
  const url = `/api/cases/${mine.caseId}/referrals`;

  // The case view offers the person's active consents to whoever may refer.
  const view = await worker.get(url);
  assert.equal(view.statusCode, 200, view.body);
  assert.deepEqual([view.json().actions, view.json().consents.map((c: { id: number }) => c.id)], [['create'], [consent.id]]);
  assert.equal((await bulungan.get(url)).statusCode, 404);
  assert.equal((await worker.get(`/api/cases/${other.caseId}/referrals`)).statusCode, 404, 'not in her caseload');

  // Validation, each problem at its field.
  const errorOf = async (body: object) => {
    const res = await worker.send(url, body);
    assert.equal(res.statusCode, 400, res.body);
    return [res.json().error.code, res.json().error.fields?.[0]?.field];
  };
  assert.deepEqual(await errorOf({ ...base, sharedFields: ['caseCode'] }), ['referral.consent_required', 'body.consentId']);
  assert.deepEqual(await errorOf({ ...base, sharedFields: ['caseCode'], consentId: othersConsent.id }), ['referral.consent_invalid', 'body.consentId']);
  assert.deepEqual(await errorOf({ ...base, sharedFields: ['caseCode', 'nik'], consentId: consent.id }), ['referral.field_unavailable', 'body.sharedFields.1']);
  assert.deepEqual(await errorOf({ ...base, sharedFields: ['assessmentSummary'], consentId: consent.id }), ['referral.summary_missing', 'body.assessmentSummary']);
  assert.deepEqual(await errorOf({ ...base, sharedFields: ['caseCode'], consentId: consent.id, expiresOn: '2019-03-01' }), ['referral.bad_expiry', 'body.expiresOn']);
  assert.deepEqual(await errorOf({ ...base, sharedFields: ['caseCode'], consentId: consent.id, expiresOn: '2020-03-02' }), ['referral.bad_expiry', 'body.expiresOn']);

  // With consent: active at once; only the chosen fields are sealed.
  const made = await worker.send(url, { ...base, sharedFields: ['caseCode', 'fullName', 'phone'], consentId: consent.id });
  assert.equal(made.statusCode, 200, made.body);
  const referral = made.json();
  assert.deepEqual([referral.status, referral.sharedFields, referral.consent.id, referral.actions], ['active', ['caseCode', 'fullName', 'phone'], consent.id, ['pdf', 'respond', 'revoke']]);
  assert.doesNotMatch(made.body, new RegExp(PHONE));
  const stored = await db.selectFrom('referral').selectAll().where('id', '=', referral.id).executeTakeFirstOrThrow();
  assert.ok(stored.snapshot_ct && !Buffer.from(stored.snapshot_ct).toString('latin1').includes(PHONE), 'sealed, not plaintext');
  const opened = app.services.persons.sealer.open<Record<string, string>>(`referral/${referral.id}`, { ciphertext: Buffer.from(stored.snapshot_ct), wrappedKey: Buffer.from(stored.snapshot_dek!) });
  assert.deepEqual(Object.keys(opened).sort(), ['caseCode', 'fullName', 'phone']);
  assert.deepEqual([opened.caseCode, opened.phone], [mine.caseCode, PHONE]);

  // The PDF: only for whoever manages the case; audited as a reveal with the field names.
  assert.equal((await head.get(`/api/referrals/${referral.id}/pdf`)).statusCode, 403);
  const pdf = await worker.get(`/api/referrals/${referral.id}/pdf`);
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const reveal = await db.selectFrom('audit_event').select(['summary']).where('action', '=', 'referral.snapshot_revealed').executeTakeFirstOrThrow();
  assert.deepEqual((reveal.summary as { fields: string[] }).fields, ['caseCode', 'fullName', 'phone']);

  // The receiving party's response.
  assert.equal((await worker.send(`/api/referrals/${referral.id}/response`, { response: 'accepted', respondedOn: '2019-03-02' })).json().error.fields[0].field, 'body.respondedOn');
  const responded = await worker.send(`/api/referrals/${referral.id}/response`, { response: 'service_given', respondedOn: '2019-03-01', note: 'Pemeriksaan selesai' });
  assert.deepEqual([responded.json().response, responded.json().respondedOn], ['service_given', '2019-03-01']);

  // Without consent: waits for a head of office, who approves with a reason.
  const pending = (await worker.send(url, { ...base, service: 'legal_aid', organisation: 'LBH Nunukan', sharedFields: ['caseCode', 'address'], overrideRequestReason: 'Ia tidak dapat dihubungi untuk menandatangani' })).json();
  assert.deepEqual([pending.status, pending.actions], ['pending_override', ['revoke']]);
  assert.equal((await worker.get(`/api/referrals/${pending.id}/pdf`)).json().error.code, 'referral.not_active');
  assert.equal((await worker.send(`/api/referrals/${pending.id}/override`, { reason: 'Perlindungan hukum mendesak' })).statusCode, 403);
  const headSees = (await head.get(`/api/referrals/${pending.id}`)).json();
  assert.deepEqual(headSees.actions, ['override']);
  assert.equal((await head.send(`/api/referrals/${pending.id}/override`, { reason: 'short' })).statusCode, 400);
  const approved = await head.send(`/api/referrals/${pending.id}/override`, { reason: 'Perlindungan hukum mendesak bagi korban' });
  assert.deepEqual([approved.json().status, approved.json().overrideBy], ['active', headSession.user.username]);
  assert.equal((await head.send(`/api/referrals/${pending.id}/override`, { reason: 'Perlindungan hukum mendesak bagi korban' })).json().error.code, 'referral.not_pending');

  // Revocation shreds at once.
  const toRevoke = (await worker.send(url, { ...base, service: 'shelter', organisation: 'Rumah Aman', sharedFields: ['caseCode'], consentId: consent.id, expiresOn: '2019-06-01' })).json();
  const revoked = await worker.send(`/api/referrals/${toRevoke.id}/revoke`, { reason: 'Tidak lagi membutuhkan layanan' });
  assert.deepEqual([revoked.json().status, revoked.json().shredded, revoked.json().shredReason, revoked.json().actions], ['revoked', true, 'revoked', []]);
  assert.equal((await worker.send(`/api/referrals/${toRevoke.id}/revoke`, { reason: 'Tidak lagi membutuhkan layanan' })).json().error.code, 'referral.already_revoked');

  // The office's list, within reach.
  const officeList = (await officer.get('/api/referrals')).json();
  assert.equal(officeList.total, 3);
  assert.equal((await bulungan.get('/api/referrals')).json().total, 0);
  assert.equal((await officer.get('/api/referrals?status=revoked')).json().total, 1);
  assert.equal((await officer.get('/api/referrals?awaitingResponse=true')).json().total, 2);

  // Past the expiry date, the next access shreds the snapshot; it is no longer readable.
  now = new Date('2019-04-02T03:00:00Z');
  await worker.signInAgain();
  const expired = (await worker.get(`/api/referrals/${referral.id}`)).json();
  assert.deepEqual([expired.status, expired.shredded, expired.shredReason, expired.actions], ['expired', true, 'expired', ['respond']]);
  assert.equal((await worker.get(`/api/referrals/${referral.id}/pdf`)).json().error.code, 'referral.not_active');
  const rows = await db.selectFrom('referral').select(['id', 'snapshot_ct', 'snapshot_dek']).orderBy('id').execute();
  assert.deepEqual(
    rows.map((r) => [r.id, r.snapshot_ct === null, r.snapshot_dek === null]),
    [
      [referral.id, true, true],
      [pending.id, true, true],
      [toRevoke.id, true, true],
    ],
  );

  // Withdrawing the consent revokes and shreds a still-active referral resting on it.
  const longer = (await worker.send(url, { ...base, sharedFields: ['caseCode', 'phone'], consentId: consent.id, expiresOn: '2019-12-31' })).json();
  await app.services.consents.withdraw(SYSTEM, mine.personId, consent.id, { withdrawnOn: '2019-04-02' });
  const afterWithdrawal = (await worker.get(`/api/referrals/${longer.id}`)).json();
  assert.deepEqual([afterWithdrawal.status, afterWithdrawal.shredReason, afterWithdrawal.consent.active], ['revoked', 'consent_withdrawn', false]);

  // Audited throughout; no identity value anywhere in the audit log.
  const events = await db.selectFrom('audit_event').select(['action', 'summary']).where('entity_type', 'in', ['referral', 'case']).execute();
  const actions = new Set(events.map((e) => e.action));
  for (const a of ['case.referrals_viewed', 'referral.created', 'referral.snapshot_revealed', 'referral.response_recorded', 'referral.override_approved', 'referral.revoked', 'referral.shredded'])
    assert.ok(actions.has(a), `audited: ${a}`);
  assert.doesNotMatch(JSON.stringify(events), new RegExp(`${PHONE}|Orang Uji|Pelabuhan`));
});

test('the daily sweep job shreds expired snapshots without anyone opening the module', async (t) => {
  const { app, database } = await build(t, { regions: true, clock: () => new Date('2019-03-01T03:00:00Z') });
  const c = await makeCase(app, database.db, { regencyCode: '65.03', nikDistrict: null, phone: PHONE });
  const consent = await app.services.consents.add(SYSTEM, c.personId, { purpose: 'Rujukan layanan kesehatan', givenOn: '2019-02-20', documentRef: undefined });
  const r = await app.services.referrals.create(SYSTEM, c.caseId, {
    service: 'health',
    purpose: 'Pemeriksaan kesehatan',
    organisation: 'Puskesmas Nunukan',
    organisationContact: '',
    sharedFields: ['caseCode', 'phone'],
    consentId: consent.id,
    expiresOn: '2019-03-31',
  });
  // The job runs on the real date, long after 2019-03-31.
  await app.services.jobs.enqueue(referralSweepJob, {});
  await app.services.jobs.runUntilIdle();
  const row = await database.db.selectFrom('referral').select(['snapshot_ct', 'snapshot_dek', 'shred_reason']).where('id', '=', r.id).executeTakeFirstOrThrow();
  assert.deepEqual([row.snapshot_ct, row.snapshot_dek, row.shred_reason], [null, null, 'expired']);
  const event = await database.db.selectFrom('audit_event').select(['actor_username', 'summary']).where('action', '=', 'referral.shredded').executeTakeFirstOrThrow();
  assert.equal(event.actor_username, 'scheduler');
});
