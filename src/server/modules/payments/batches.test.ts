// Payment batches through HTTP: prepare, two-person approval with re-authentication and
// the budget, concurrent approvals, the bank file, sending and the year-end return.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asUser } from '../../test/users.ts';
import { call, key, reauthed, scenario } from './payments.test-support.ts';

test('a finance officer prepares a batch; people without an account stay out and are listed; a replay gets the same batch', async (t) => {
  const { app, db, p, people, noAccount, finance } = await scenario(t);
  const cand = await call(app, finance, 'GET', `/api/payment-batches/candidates?programmeId=${p.programmeId}`);
  assert.equal(cand.statusCode, 200, cand.body);
  assert.deepEqual([cand.json().count, cand.json().totalAmount, cand.json().years], [6, 11_000_000, [2018]]);
  assert.deepEqual(cand.json().withoutAccount.map((w: { caseCode: string }) => w.caseCode), [noAccount.caseCode]);

  const k = key();
  const res = await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId }, k);
  assert.equal(res.statusCode, 200, res.body);
  const { batch, withoutAccount } = res.json();
  assert.match(batch.reference, /^PB-2018-\d{6}$/);
  assert.equal(batch.status, 'prepared');
  assert.equal(batch.paymentCount, 6);
  assert.equal(batch.totalAmount, 11_000_000);
  assert.equal(batch.regionCode, '65.03');
  assert.deepEqual(batch.actions, [], 'the preparer cannot approve');
  assert.equal(withoutAccount[0].caseCode, noAccount.caseCode);
  assert.ok(batch.payments.every((y: { caseCode: string }) => people.some((x) => x.caseCode === y.caseCode)));
  const statuses = await db.selectFrom('aid_entitlement').select('status').where('id', 'in', people.flatMap((x) => x.entitlementIds)).execute();
  assert.ok(statuses.every((s) => s.status === 'in_batch'));

  const replay = await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId }, k);
  assert.equal(replay.statusCode, 200);
  assert.equal(replay.json().batch.id, batch.id);
  assert.equal(replay.headers['idempotent-replayed'], 'true');
  const again = await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'payment.nothing_due');
  assert.equal((await db.selectFrom('payment').select('id').execute()).length, 6);

  const outside = await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId, region: '65.01' });
  assert.equal(outside.statusCode, 403);
  const audits = await db.selectFrom('audit_event').select('action').where('action', '=', 'payment.batch_prepared').execute();
  assert.equal(audits.length, 1);
});

test('approval: another person, re-authenticated, within the budget; the batch and its payments move together', async (t) => {
  const { app, db, p, finance, head } = await scenario(t);
  const batch = (await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId })).json().batch;

  // The preparer cannot approve, even holding the permission.
  const both = await reauthed(app, ['finance_officer', 'head_of_office']);
  const mine = (await call(app, both, 'POST', '/api/payment-batches', { programmeId: p.programmeId })).json();
  assert.equal(mine.error?.code, 'payment.nothing_due'); // everything is already in the first batch
  await db.updateTable('payment_batch').set({ prepared_by: both.user.id }).where('id', '=', batch.id).execute();
  const self = await call(app, both, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 });
  assert.equal(self.statusCode, 403);
  assert.equal(self.json().error.code, 'payment.same_person');
  await db.updateTable('payment_batch').set({ prepared_by: finance.user.id }).where('id', '=', batch.id).execute();

  const stale = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const noReauth = await call(app, stale, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 });
  assert.equal(noReauth.statusCode, 403);
  assert.equal(noReauth.json().error.code, 'auth.reauth_required');

  const detail = (await call(app, head, 'GET', `/api/payment-batches/${batch.id}`)).json();
  assert.deepEqual(detail.actions, ['approve', 'reject']);
  const ok = await call(app, head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().status, 'approved');
  assert.equal(ok.json().approvedBy.id, head.user.id);
  assert.deepEqual(ok.json().byStatus, { approved: 6 });
  const twice = await call(app, head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 2 });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().error.code, 'payment.batch_state');
});

test('approval is refused when the budget would be exceeded', async (t) => {
  const { app, db, p, finance, head } = await scenario(t, 5_000_000); // UEP needs 6,000,000
  const batch = (await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId })).json().batch;
  const res = await call(app, head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'payment.budget_exceeded');
  assert.match(res.json().error.message, /UEP.*Rp 5\.000\.000.*Rp 6\.000\.000/);
  const b = await db.selectFrom('payment_batch').select('status').where('id', '=', batch.id).executeTakeFirstOrThrow();
  assert.equal(b.status, 'prepared');
  const payments = await db.selectFrom('payment').select('status').where('batch_id', '=', batch.id).execute();
  assert.ok(payments.every((y) => y.status === 'prepared'));
  // Rejecting frees the entitlements for another batch.
  const rej = await call(app, head, 'POST', `/api/payment-batches/${batch.id}/reject`, { version: 1, reason: 'Anggaran belum cukup, tunggu APBN-P' });
  assert.equal(rej.statusCode, 200, rej.body);
  assert.equal(rej.json().status, 'rejected');
  const cand = await call(app, finance, 'GET', `/api/payment-batches/candidates?programmeId=${p.programmeId}`);
  assert.equal(cand.json().count, 6);
});

test('two approvals of the same batch at the same moment: exactly one succeeds', async (t) => {
  const { app, db, p, finance, head } = await scenario(t);
  const head2 = await reauthed(app, ['head_of_office']);
  const batch = (await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId })).json().batch;
  const [a, b] = await Promise.all([
    call(app, head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 }),
    call(app, head2, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 }),
  ]);
  const codes = [a.statusCode, b.statusCode].sort();
  assert.deepEqual(codes, [200, 409], `${a.body} / ${b.body}`);
  const loser = a.statusCode === 409 ? a : b;
  assert.match(loser.json().error.code, /payment\.(batch_state|stale)/);
  const audits = await db.selectFrom('audit_event').select('seq').where('action', '=', 'payment.batch_approved').execute();
  assert.equal(audits.length, 1);
  const payments = await db.selectFrom('payment').select('status').where('batch_id', '=', batch.id).execute();
  assert.ok(payments.every((y) => y.status === 'approved'));
});

test('the bank file follows the bank’s format with a neutral narrative; sending; the year-end return of unclaimed money', async (t) => {
  let now = new Date('2018-07-05T03:00:00Z');
  const { app, db, p, finance, head } = await scenario(t, 100_000_000, () => now);
  const batch = (await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId })).json().batch;
  assert.equal((await call(app, finance, 'GET', `/api/payment-batches/${batch.id}/bank-file?bank=BRI`)).statusCode, 409, 'not before approval');
  await call(app, head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 });
  const file = await call(app, finance, 'GET', `/api/payment-batches/${batch.id}/bank-file?bank=BRI`);
  assert.equal(file.statusCode, 200, file.body);
  assert.match(String(file.headers['content-type']), /text\/csv/);
  const lines = file.body.trim().split('\r\n');
  assert.equal(lines[0], 'NO_REKENING;NAMA;NOMINAL;KETERANGAN;REF;TANGGAL');
  assert.equal(lines.length, 7);
  assert.match(lines[1]!, /^0123\d{11};ORANG UJI VERVAL;\d+;BANTUAN SOSIAL PB-2018-\d{6};PB-2018-\d{6}-0001;05\/07\/2018$/);
  assert.doesNotMatch(file.body, /lokalisasi|pekerja|seks|penutupan|TNT-/i);
  const exported = await db.selectFrom('audit_event').select('summary').where('action', '=', 'payment.bank_file_exported').executeTakeFirstOrThrow();
  assert.doesNotMatch(JSON.stringify(exported.summary), /0123/);

  // A bank's own format.
  const fmt = await call(app, finance, 'PUT', '/api/payment-bank-formats/BNI', {
    name: 'Bank Negara Indonesia',
    separator: '|',
    header: false,
    dateFormat: 'YYYYMMDD',
    columns: [{ header: 'REF', field: 'reference' }, { header: 'AMT', field: 'amount' }, { header: 'TGL', field: 'transfer_date' }],
  });
  assert.equal(fmt.statusCode, 200, fmt.body);
  await db.updateTable('payment').set({ bank_code: 'BNI' }).where('batch_id', '=', batch.id).execute();
  const bni = await call(app, finance, 'GET', `/api/payment-batches/${batch.id}/bank-file?bank=BNI`);
  assert.match(bni.body.split('\r\n')[0]!, /^PB-2018-\d{6}-0001\|\d+\|20180705$/);

  const sent = await call(app, finance, 'POST', `/api/payment-batches/${batch.id}/send`, { version: 2 });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(sent.json().status, 'sent');

  const early = await call(app, finance, 'POST', '/api/payment-batches/return-unclaimed', { year: 2018 });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'payment.year_not_over');
  now = new Date('2018-12-31T17:00:00Z'); // 1 January 2019, 00:00 WIB
  const later = await reauthed(app, ['finance_officer']);
  const ret = await call(app, later, 'POST', '/api/payment-batches/return-unclaimed', { year: 2018 });
  assert.equal(ret.statusCode, 200, ret.body);
  assert.deepEqual(ret.json(), { year: 2018, returned: 6, amount: 11_000_000, batches: 1 });
  const after = (await call(app, later, 'GET', `/api/payment-batches/${batch.id}`)).json();
  assert.equal(after.status, 'closed');
  assert.deepEqual(after.byStatus, { returned: 6 });
  const ents = await db.selectFrom('aid_entitlement').select('status').where('status', '=', 'returned').execute();
  assert.equal(ents.length, 6);
});

test('finance screens need MFA: with MFA required, a finance officer who has not enrolled cannot reach payments', async (t) => {
  const { build } = await import('../../test/build-app.ts');
  const { app } = await build(t, { regions: true, config: { MFA_REQUIRED: 'true' } });
  const finance = await asUser(app, { roles: ['finance_officer'], scope: '65.03' });
  assert.notEqual(finance.state, 'active');
  const res = await app.inject({ method: 'GET', url: '/api/payment-batches', headers: finance.headers });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'auth.step_incomplete');
});

test('two batches drawing on the same budget approved at the same moment: the allocation is spent once', async (t) => {
  const { makeBeneficiary } = await import('./payments.test-support.ts');
  const { app, db, p, finance, head } = await scenario(t, 7_000_000); // UEP: 7,000,000
  const head2 = await reauthed(app, ['head_of_office']);
  const first = (await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId, componentId: p.components.UEP })).json().batch; // 2 × 3,000,000
  await makeBeneficiary(app, db, p, { codes: ['UEP'] });
  await makeBeneficiary(app, db, p, { codes: ['UEP'] });
  const second = (await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId, componentId: p.components.UEP })).json().batch; // 2 × 3,000,000
  assert.deepEqual([first.totalAmount, second.totalAmount], [6_000_000, 6_000_000]);
  const [a, b] = await Promise.all([
    call(app, head, 'POST', `/api/payment-batches/${first.id}/approve`, { version: 1 }),
    call(app, head2, 'POST', `/api/payment-batches/${second.id}/approve`, { version: 1 }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `${a.body} / ${b.body}`);
  assert.equal((a.statusCode === 409 ? a : b).json().error.code, 'payment.budget_exceeded');
  const committed = await db.selectFrom('payment').select('amount').where('status', '=', 'approved').execute();
  assert.equal(committed.reduce((s, r) => s + Number(r.amount), 0), 6_000_000);
});
