import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { CreatePersonSchema } from '../../../common/persons.ts';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { decide } from '../aid/aid.test-support.ts';
import { SYSTEM, makeProgramme } from '../verval/verval.test-support.ts';
import { compareHolderName } from './holder-name.ts';

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    send: (method: 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) }),
    reauth: () => app.inject({ method: 'POST', url: '/api/auth/reauth', headers: who.headers, payload: { password: who.password } }),
  };
}

test('holder names are compared as the registry folds names', () => {
  assert.equal(compareHolderName('Hj. Nur Haliza binti Ahmad', 'NURHALIZA').check, 'match');
  assert.equal(compareHolderName('Siti Rahmawati', 'SITI RAHMAWATI S').check, 'match');
  assert.equal(compareHolderName('Siti Rahmawati', 'Dewi Lestari').check, 'mismatch');
  assert.equal(compareHolderName(undefined, 'Dewi').check, 'no_name');
});

test('bank accounts: sealed, masked, compared, revealed with re-authentication, missing list', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const db = database.db;
  const financeSession = await asUser(app, { roles: ['finance_officer'], scope: '65.03' });
  const finance = client(app, financeSession);
  const workerSession = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = client(app, workerSession);
  const person = async (fullName: string, extra: object = {}) =>
    (await app.services.persons.create(SYSTEM, CreatePersonSchema.parse({ fullName, sex: 'female', lawfulBasis: 'public_task', regencyCode: '65.03', ...extra }))).id;
  const haliza = await person('Hj. Nur Haliza binti Ahmad', { assignedUserId: workerSession.user.id });
  const siti = await person('Siti Rahmawati');
  const programme = await makeProgramme(app, '65');
  await decide(db, programme, haliza);
  await decide(db, programme, siti);

  await t.test('eligible persons without an account are listed', async () => {
    const res = await finance.get(`/api/bank-accounts/missing?programmeId=${programme}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().total, 2);
    assert.equal((await worker.get('/api/bank-accounts/missing')).json().total, 1, 'a case worker: her caseload only');
  });

  let accountId = 0;
  await t.test('a case worker records an account for her caseload only; the name matches', async () => {
    const res = await worker.send('POST', `/api/persons/${haliza}/bank-accounts`, { bankCode: 'BRI', accountNumber: '0123-01-004567-50-9', holderName: 'NURHALIZA' });
    assert.equal(res.statusCode, 200, res.body);
    const a = res.json();
    accountId = a.id;
    assert.deepEqual([a.accountMasked, a.nameCheck, a.reviewStatus], ['••••7509', 'match', 'none']);
    const other = await worker.send('POST', `/api/persons/${siti}/bank-accounts`, { bankCode: 'BRI', accountNumber: '012301004567509', holderName: 'Siti' });
    assert.equal(other.statusCode, 404);
    const bad = await worker.send('POST', `/api/persons/${haliza}/bank-accounts`, { bankCode: 'XBANK', accountNumber: '12ab', holderName: 'N' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.fields.map((f: { field: string }) => f.field).sort(), ['body.accountNumber', 'body.bankCode', 'body.holderName']);
  });

  await t.test('nothing readable in the database or the audit log', async () => {
    const rows = await db.selectFrom('person_bank_account').selectAll().execute();
    for (const r of rows) assert.ok(!Buffer.from(r.account_ct!).toString('latin1').includes('4567'));
    const events = await db.selectFrom('audit_event').select(['summary']).where('entity_type', '=', 'person_bank_account').execute();
    assert.ok(!JSON.stringify(events).includes('4567'));
    assert.ok(!JSON.stringify(events).toUpperCase().includes('NURHALIZA'));
  });

  await t.test('a different holder name, and the same account as another person, are flagged', async () => {
    const res = await finance.send('POST', `/api/persons/${siti}/bank-accounts`, { bankCode: 'BRI', accountNumber: '012301004567509', holderName: 'Dewi Lestari' });
    const a = res.json();
    assert.deepEqual([a.nameCheck, a.reviewStatus, a.sharedWithOther], ['mismatch', 'pending', true]);
    assert.deepEqual(a.actions, ['reveal', 'accept_name', 'deactivate']);
    const accepted = await finance.send('POST', `/api/bank-accounts/${a.id}/accept-name`, { note: 'Rekening atas nama saudari, surat kuasa ada', version: a.version });
    assert.equal(accepted.json().reviewStatus, 'accepted');
    assert.equal((await finance.get(`/api/bank-accounts/missing?programmeId=${programme}`)).json().total, 0);
  });

  await t.test('reading the number is a reveal: re-authentication and a reason, audited', async () => {
    const list = await finance.get(`/api/persons/${haliza}/bank-accounts`);
    assert.equal(list.json().items[0].accountMasked, '••••7509');
    const noReauth = await finance.send('POST', `/api/bank-accounts/${accountId}/reveal`, { reason: 'Cocokkan dengan buku tabungan' });
    assert.equal(noReauth.statusCode, 403);
    assert.equal((await finance.reauth()).statusCode, 200);
    const noReason = await finance.send('POST', `/api/bank-accounts/${accountId}/reveal`, { reason: 'x' });
    assert.equal(noReason.statusCode, 400);
    const res = await finance.send('POST', `/api/bank-accounts/${accountId}/reveal`, { reason: 'Cocokkan dengan buku tabungan' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().accountNumber, res.json().holderName], ['012301004567509', 'NURHALIZA']);
    const ev = await db.selectFrom('audit_event').select(['reason']).where('action', '=', 'bank_account.revealed').executeTakeFirstOrThrow();
    assert.equal(ev.reason, 'Cocokkan dengan buku tabungan');
  });

  await t.test('a new account replaces the active one', async () => {
    const res = await worker.send('POST', `/api/persons/${haliza}/bank-accounts`, { bankCode: 'BSI', accountNumber: '7123456789', holderName: 'Nur Haliza' });
    assert.equal(res.statusCode, 200, res.body);
    const items = (await worker.get(`/api/persons/${haliza}/bank-accounts`)).json().items;
    assert.deepEqual(
      items.map((i: { bankCode: string; status: string }) => `${i.bankCode}:${i.status}`),
      ['BSI:active', 'BRI:inactive'],
    );
  });
});
