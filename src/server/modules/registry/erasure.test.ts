// A deletion request erases every sealed copy of the person's identity, through HTTP:
// her case-note attachments, referral snapshots and bank accounts with the person row,
// all or nothing; refused while a payment of hers is in flight.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { OpenCaseSchema } from '../../../common/cases.ts';
import { SEALED_LOOKING, SEALED_LOOKING_TYPES } from '../../platform/crypto/sealed-columns.ts';
import type { Executor } from '../../platform/db/database.ts';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { SEALED_COLUMNS } from '../keys/keys.rotation.ts';
import { call, key, scenario, sentBatch } from '../payments/payments.test-support.ts';
import { multipart } from '../sites/sites.matrix.ts';
import { makeProgramme, SYSTEM } from '../verval/verval.test-support.ts';
import { ERASURE_STEPS, KEPT_ON_ERASURE } from './erasure-steps.ts';

const IDENTITY = {
  fullName: 'Wulandari Oktaviana Pramesti',
  nik: '6503025911880003',
  kk: '6503021908880009',
  birthDate: '1988-11-19',
  phone: '081355544477',
  address: 'Jalan Nipah Biru Nomor 19',
};
/** A small PNG (the sniffed type decides): an "ID scan". */
const SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('KTP Wulandari 6503025911880003')]);
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object) => app.inject({ method: 'POST', url, headers: who.headers, payload }),
    patch: (url: string, payload: object) => app.inject({ method: 'PATCH', url, headers: who.headers, payload }),
    upload: (url: string, file: { name: string; type: string; bytes: Buffer }) => {
      const body = multipart(file);
      return app.inject({ method: 'POST', url, headers: { ...who.headers, ...body.headers }, payload: body.payload });
    },
    reauth: () => app.inject({ method: 'POST', url: '/api/auth/reauth', headers: who.headers, payload: { password: who.password } }),
  };
}

/** The sealed-looking columns (as key rotation finds them) of `table` holding a value in rows `where`. */
async function sealedLeft(db: Executor, table: string, column: string, ids: readonly number[]): Promise<string[]> {
  const cols = await sql<{ column: string; type: string }>`
    select a.attname::text as "column", format_type(a.atttypid, null) as "type"
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relname = ${table} and a.attnum > 0 and not a.attisdropped`.execute(db);
  const sealed = cols.rows.filter((c) => SEALED_LOOKING_TYPES.has(c.type) && SEALED_LOOKING.test(c.column)).map((c) => c.column);
  assert.ok(sealed.length > 0, `${table} has sealed-looking columns`);
  const left: string[] = [];
  for (const c of sealed) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(ids)}) and ${sql.ref(c)} is not null`.execute(db);
    if (r.rows[0]!.n > 0) left.push(`${table}.${c}`);
  }
  return left;
}

test('every sealed kind is either shredded by an erasure step or kept on purpose, with a reason', () => {
  const kinds = SEALED_COLUMNS.map((d) => d.kind).sort();
  const shredded = ERASURE_STEPS.flatMap((s) => s.kinds);
  const kept = Object.keys(KEPT_ON_ERASURE);
  assert.deepEqual([...new Set([...shredded, ...kept])].sort(), kinds, 'a new sealed kind must be shredded on erasure or kept with its reason');
  assert.deepEqual(shredded.filter((k) => kept.includes(k)), [], 'not both');
  for (const [kind, why] of Object.entries(KEPT_ON_ERASURE)) assert.ok(why.length > 10, kind);
});

test('deletion: the case-note files, referral snapshots and bank accounts are shredded with the identity, in one transaction, counted', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const db = database.db;
  const officerS = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const officer = client(app, officerS);
  const programmeId = await makeProgramme(app, '65');
  const otherProgrammeId = await makeProgramme(app, '65');

  const person = async (identity: object) => {
    const res = await officer.post('/api/persons', { ...identity, sex: 'female', lawfulBasis: 'consent', regencyCode: '65.03' });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { id: number; caseCode: string };
  };
  const openCase = async (personId: number, programme: number) => (await app.services.cases.open(SYSTEM, OpenCaseSchema.parse({ personId, programmeId: programme }))).id;
  /** A note with an attachment on the case: returns the note, the file and the download URL. */
  const attach = async (caseId: number) => {
    const note = await officer.post(`/api/cases/${caseId}/notes`, { text: 'Salinan KTP diserahkan saat kunjungan.' });
    assert.equal(note.statusCode, 200, note.body);
    const up = await officer.upload(`/api/cases/${caseId}/notes/${note.json().id}/attachments`, { name: 'KTP_Wulandari.png', type: 'image/png', bytes: SCAN });
    assert.equal(up.statusCode, 200, up.body);
    const fileId = up.json().attachments[0].fileId as number;
    return { noteId: note.json().id as number, fileId, url: `/api/cases/${caseId}/notes/${note.json().id}/attachments/${fileId}` };
  };
  const refer = async (caseId: number, personId: number, sharedFields: string[]) => {
    const consent = await app.services.consents.add(SYSTEM, personId, { purpose: 'Rujukan layanan kesehatan', givenOn: '2019-02-20', documentRef: undefined });
    const res = await officer.post(`/api/cases/${caseId}/referrals`, {
      service: 'health',
      purpose: 'Pemeriksaan kesehatan',
      organisation: 'Puskesmas Nunukan',
      sharedFields,
      consentId: consent.id,
      expiresOn: inAMonth(),
      ...(sharedFields.includes('assessmentSummary') ? { assessmentSummary: 'Perlu pemeriksaan lanjutan' } : {}),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().id as number;
  };
  const account = async (personId: number, accountNumber: string, holderName: string) => {
    const res = await officer.post(`/api/persons/${personId}/bank-accounts`, { bankCode: 'BRI', accountNumber, holderName });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().id as number;
  };
  const reveal = (id: number) => officer.post(`/api/bank-accounts/${id}/reveal`, { reason: 'Cocokkan dengan buku tabungan' });

  // Her: two cases, an ID scan on a note, referrals on both cases, an old and a current account.
  const her = await person(IDENTITY);
  const caseA = await openCase(her.id, programmeId);
  const caseB = await openCase(her.id, otherProgrammeId);
  const scan = await attach(caseA);
  const referralA = await refer(caseA, her.id, ['caseCode', 'fullName', 'nik', 'phone']);
  const referralB = await refer(caseB, her.id, ['caseCode', 'assessmentSummary']);
  const oldAccount = await account(her.id, '012301009998877', 'Wulandari O Pramesti');
  const herAccount = await account(her.id, '012301004443322', 'Wulandari Oktaviana Pramesti');
  // Someone else, with the same kinds of records: untouched.
  const other = await person({ fullName: 'Ratna Sekar Ayuningtyas', nik: '6503024402900004', birthDate: '1990-02-04' });
  const otherCase = await openCase(other.id, programmeId);
  const otherScan = await attach(otherCase);
  const otherReferral = await refer(otherCase, other.id, ['caseCode', 'fullName']);
  const otherAccount = await account(other.id, '012301001112233', 'Ratna Sekar Ayuningtyas');

  await officer.reauth();
  assert.equal((await officer.get(scan.url)).statusCode, 200);
  assert.equal((await reveal(herAccount)).statusCode, 200);

  const request = await officer.post('/api/subject-requests', { personId: her.id, kind: 'deletion', channel: 'in_person' });
  assert.equal(request.statusCode, 200, request.body);
  const answer = () => officer.patch(`/api/subject-requests/${request.json().id}`, { status: 'answered', responseNote: 'Identitas dan salinannya dihapus' });

  // All or nothing: the last step failing (the database refuses the accounts' update) undoes the person row, the file and the referrals.
  await sql`create function erasure_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`.execute(db);
  await sql`create trigger erasure_test_refuse before update on person_bank_account for each row execute function erasure_test_refuse()`.execute(db);
  const failed = await answer();
  await sql`drop trigger erasure_test_refuse on person_bank_account`.execute(db);
  await sql`drop function erasure_test_refuse()`.execute(db);
  assert.equal(failed.statusCode, 500, failed.body);
  assert.equal((await officer.get(scan.url)).statusCode, 200, 'the file is still there');
  assert.equal((await officer.get(`/api/referrals/${referralA}`)).json().shredded, false);
  assert.equal((await reveal(herAccount)).statusCode, 200);
  const untouched = await db.selectFrom('person').select(['identity_ct', 'erased_at']).where('id', '=', her.id).executeTakeFirstOrThrow();
  assert.deepEqual([untouched.identity_ct !== null, untouched.erased_at], [true, null]);
  assert.equal((await officer.get(`/api/subject-requests/${request.json().id}`)).json().status, 'open');

  const answered = await answer();
  assert.equal(answered.statusCode, 200, answered.body);
  const counts = { caseNoteFiles: 1, referralSnapshots: 2, bankAccounts: 2 };
  assert.deepEqual(answered.json().erasure, counts);
  assert.deepEqual((await officer.get(`/api/subject-requests/${request.json().id}`)).json().erasure, counts);

  // The attachment: listed as erased, its download a clear 410.
  const dl = await officer.get(scan.url);
  assert.equal(dl.statusCode, 410, dl.body);
  assert.equal(dl.json().error.code, 'file.erased');
  assert.match(dl.json().error.message, /dihapus permanen/);
  const listed = (await officer.get(`/api/cases/${caseA}/notes`)).json().items.find((n: { id: number }) => n.id === scan.noteId);
  assert.equal(listed.text, 'Salinan KTP diserahkan saat kunjungan.', 'the note text is case content: kept');
  assert.deepEqual(listed.attachments, [{ fileId: scan.fileId, name: null, sizeBytes: SCAN.length, contentType: 'image/png', erased: true }]);
  const english = await app.inject({ method: 'GET', url: scan.url, headers: { ...officerS.headers, 'accept-language': 'en' } });
  assert.match(english.json().error.message, /erased for good/);

  // The referrals of both cases: shredded, no PDF.
  for (const id of [referralA, referralB]) {
    const r = (await officer.get(`/api/referrals/${id}`)).json();
    assert.deepEqual([r.shredded, r.shredReason, r.actions.includes('pdf')], [true, 'person_erased', false]);
  }
  assert.equal((await officer.get(`/api/referrals/${referralA}/pdf`)).statusCode, 409);

  // The bank accounts: erased, inactive, no mask, no reveal.
  for (const id of [oldAccount, herAccount]) {
    const res = await reveal(id);
    assert.equal(res.statusCode, 410, res.body);
    assert.equal(res.json().error.code, 'bank_account.erased');
  }
  const accounts = (await officer.get(`/api/persons/${her.id}/bank-accounts`)).json();
  assert.deepEqual(
    accounts.items.map((a: { erased: boolean; accountMasked: string | null; status: string; actions: string[] }) => [a.erased, a.accountMasked, a.status, a.actions]),
    [
      [true, null, 'inactive', []],
      [true, null, 'inactive', []],
    ],
  );
  assert.equal(accounts.canCreate, false);

  // The database holds nothing sealed for those rows any more: no ciphertext, wrapped key or match value.
  assert.deepEqual(await sealedLeft(db, 'person', 'id', [her.id]), []);
  assert.deepEqual(await sealedLeft(db, 'stored_file', 'id', [scan.fileId]), []);
  assert.deepEqual(await sealedLeft(db, 'referral', 'id', [referralA, referralB]), []);
  assert.deepEqual(await sealedLeft(db, 'person_bank_account', 'person_id', [her.id]), []);
  const file = await db.selectFrom('stored_file').selectAll().where('id', '=', scan.fileId).executeTakeFirstOrThrow();
  assert.deepEqual([file.content, file.original_name, file.sha256, file.key_id, file.size_bytes], [null, null, null, null, SCAN.length]);
  assert.ok(file.erased_at);
  const accountsRows = await db.selectFrom('person_bank_account').selectAll().where('person_id', '=', her.id).execute();
  for (const a of accountsRows) assert.deepEqual([a.key_id, a.account_match, a.review_note, a.bank_code, a.status, Boolean(a.erased_at)], [null, null, '', 'BRI', 'inactive', true]);
  const referralRows = await db.selectFrom('referral').selectAll().where('id', 'in', [referralA, referralB]).execute();
  for (const r of referralRows) assert.deepEqual([r.snapshot_key_id, r.shred_reason, Boolean(r.shredded_at)], [null, 'person_erased', true]);

  // The other person keeps everything.
  const otherDl = await officer.get(otherScan.url);
  assert.equal(otherDl.statusCode, 200);
  assert.deepEqual(otherDl.rawPayload, SCAN);
  assert.equal((await officer.get(`/api/referrals/${otherReferral}`)).json().shredded, false);
  assert.equal((await reveal(otherAccount)).json().accountNumber, '012301001112233');

  // Audited: the erasure with its counts, a referral.shredded per snapshot; no identity anywhere in them.
  const events = await db.selectFrom('audit_event').select(['action', 'entity_id', 'summary']).where('action', 'in', ['person.erased', 'referral.shredded']).orderBy('seq').execute();
  const summaryOf = (s: unknown) => (typeof s === 'string' ? JSON.parse(s) : s) as Record<string, unknown>;
  assert.deepEqual(
    events.map((e) => [e.action, e.entity_id, summaryOf(e.summary)]),
    [
      ['referral.shredded', String(referralA), { caseId: caseA, reason: 'person_erased' }],
      ['referral.shredded', String(referralB), { caseId: caseB, reason: 'person_erased' }],
      ['person.erased', String(her.id), { caseCode: her.caseCode, subjectRequestId: request.json().id, shredded: counts }],
    ],
  );
  const all = JSON.stringify(await db.selectFrom('audit_event').select(['summary', 'reason']).execute());
  for (const value of [IDENTITY.fullName, IDENTITY.nik, '012301004443322', 'KTP_Wulandari']) assert.ok(!all.includes(value), `audit holds ${value}`);

  // A second deletion request for her changes and counts nothing.
  const again = await officer.post('/api/subject-requests', { personId: her.id, kind: 'deletion', channel: 'letter' });
  const second = await officer.patch(`/api/subject-requests/${again.json().id}`, { status: 'answered', responseNote: 'Sudah dihapus sebelumnya' });
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(second.json().erasure, null);
  assert.equal((await db.selectFrom('audit_event').select('seq').where('action', '=', 'person.erased').execute()).length, 1);
});

test('deletion is refused while a payment of hers is in flight, changing nothing; answered once the batch is reconciled', async (t) => {
  const { app, db, finance, batch, people } = await sentBatch(t);
  const officerS = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const officer = client(app, officerS);
  await officer.reauth();
  const her = people[0]!;
  const account = await db.selectFrom('person_bank_account').select('id').where('person_id', '=', her.personId).executeTakeFirstOrThrow();
  const request = (await officer.post('/api/subject-requests', { personId: her.personId, kind: 'deletion', channel: 'in_person' })).json();
  const answer = () => officer.patch(`/api/subject-requests/${request.id}`, { status: 'answered', responseNote: 'Identitas dihapus' });

  const snapshot = async () => ({
    person: await db.selectFrom('person').select(['identity_ct', 'dek_wrapped', 'nik_match', 'erased_at', 'version']).where('id', '=', her.personId).executeTakeFirstOrThrow(),
    accounts: await db.selectFrom('person_bank_account').selectAll().where('person_id', '=', her.personId).execute(),
    request: await db.selectFrom('subject_request').selectAll().where('id', '=', request.id).executeTakeFirstOrThrow(),
    audit: Number((await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  });
  const before = await snapshot();
  const refused = await answer();
  assert.equal(refused.statusCode, 409, refused.body);
  assert.equal(refused.json().error.code, 'person.erasure_payment_in_flight');
  assert.ok(refused.json().error.message.includes(batch.reference), 'names the batch');
  const english = await app.inject({ method: 'PATCH', url: `/api/subject-requests/${request.id}`, headers: { ...officerS.headers, 'accept-language': 'en' }, payload: { status: 'answered', responseNote: 'Identitas dihapus' } });
  assert.match(english.json().error.message, new RegExp(`in batch ${batch.reference}.*Nothing was changed`));
  assert.deepEqual(await snapshot(), before, 'nothing changed: person, accounts, request, audit');
  // Still readable: the bank file of the sent batch opens her account.
  const file = await app.inject({ method: 'GET', url: `/api/payment-batches/${batch.id}/bank-file`, headers: finance.headers });
  assert.equal(file.statusCode, 200, file.body);

  // The bank's result comes back and is reconciled: her payments are settled, the erasure goes through.
  const csv = ['reference;amount;status', ...batch.payments.map((p) => `${p.reference};${p.amount};paid`)].join('\n');
  const bytes = Buffer.from(csv);
  const body = multipart({ name: 'hasil.csv', type: 'text/csv', bytes });
  const reconciled = await app.inject({
    method: 'POST',
    url: `/api/payment-batches/${batch.id}/reconciliations?sha256=${createHash('sha256').update(bytes).digest('hex')}`,
    headers: { ...finance.headers, ...body.headers, 'idempotency-key': key() },
    payload: body.payload,
  });
  assert.equal(reconciled.statusCode, 200, reconciled.body);
  const done = await answer();
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual(done.json().erasure, { caseNoteFiles: 0, referralSnapshots: 0, bankAccounts: 1 });
  assert.equal((await officer.post(`/api/bank-accounts/${account.id}/reveal`, { reason: 'Cocokkan dengan buku tabungan' })).json().error.code, 'bank_account.erased');

  // The payments stay for the audit: amounts, dates, case code, the (shredded) account's id.
  const payments = await db.selectFrom('payment').select(['reference', 'amount', 'status', 'paid_at', 'bank_account_id', 'bank_code']).where('person_id', '=', her.personId).orderBy('reference').execute();
  assert.equal(payments.length, 3);
  for (const p of payments) assert.deepEqual([p.status, p.bank_account_id, p.bank_code, Boolean(p.paid_at)], ['paid', account.id, 'BRI', true]);
  const history = await call(app, finance, 'GET', `/api/persons/${her.personId}/payments`);
  assert.equal(history.statusCode, 200, history.body);
});

test('a batch prepared while her erasure is answered: either the batch takes her payment and the erasure is refused, or the erasure goes through and the batch leaves her out', async (t) => {
  const { app, db, p, people, finance } = await scenario(t);
  const officer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  await officer.reauth();
  const requests = [];
  for (const her of people) requests.push((await officer.post('/api/subject-requests', { personId: her.personId, kind: 'deletion', channel: 'in_person' })).json().id as number);
  // Concurrently (on PostgreSQL truly so): one erasure sent before the preparation, one after.
  const answer = (id: number) => officer.patch(`/api/subject-requests/${id}`, { status: 'answered', responseNote: 'Identitas dihapus' });
  const [first, prepared, second] = await Promise.all([answer(requests[0]!), call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId }), answer(requests[1]!)]);
  const answers = [first!, second!];
  assert.ok([200, 409].includes(prepared!.statusCode), prepared!.body);
  for (const [i, a] of answers.entries()) {
    const her = people[i]!;
    const inBatch = await db.selectFrom('payment').select('id').where('person_id', '=', her.personId).where('status', '=', 'prepared').execute();
    if (a.statusCode === 200) assert.equal(inBatch.length, 0, 'erased: her payments are not in the batch');
    else {
      assert.equal(a.json().error.code, 'person.erasure_payment_in_flight', a.body);
      assert.equal(inBatch.length, 3, 'refused: the batch holds her payments');
    }
  }
  // Whatever the order: no payment in flight points at a shredded account.
  const broken = await db
    .selectFrom('payment as y')
    .innerJoin('person_bank_account as a', 'a.id', 'y.bank_account_id')
    .select('y.id')
    .where('y.status', 'in', ['prepared', 'approved', 'sent'])
    .where('a.erased_at', 'is not', null)
    .execute();
  assert.deepEqual(broken, []);
});
