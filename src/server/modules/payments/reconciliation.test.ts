// Reconciliation through HTTP: the bank's result file (multipart, streamed), all or nothing,
// row errors in the user's language, mismatches listed and resolved, the same file once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { multipart } from '../sites/sites.matrix.ts';
import type { SignedIn } from '../../test/users.ts';
import { BankFormatListSchema, BatchDetailSchema, BatchListSchema, PreparedSchema, ReconcileResultSchema } from '../../../common/payments.ts';
import { call, key, scenario, sentBatch } from './payments.test-support.ts';

function upload(app: FastifyInstance, s: SignedIn, batchId: number, csv: string, opts: { lang?: string; idem?: string; sha?: string } = {}) {
  const bytes = Buffer.from(csv);
  const body = multipart({ name: 'hasil.csv', type: 'text/csv', bytes });
  const sha = opts.sha ?? createHash('sha256').update(bytes).digest('hex');
  return app.inject({
    method: 'POST',
    url: `/api/payment-batches/${batchId}/reconciliations?sha256=${sha}`,
    headers: { ...s.headers, ...body.headers, 'idempotency-key': opts.idem ?? key(), ...(opts.lang ? { 'accept-language': opts.lang } : {}) },
    payload: body.payload,
  });
}

test('a result file with one failure and one mismatch: statuses set, mismatches listed and resolved, the batch closes when nothing waits', async (t) => {
  const { app, db, finance, batch } = await sentBatch(t);
  const [a, b, c, ...rest] = batch.payments;
  const csv = [
    'reference;amount;status;date;bank_reference',
    `${a!.reference};${a!.amount};BERHASIL;2018-07-10;TRX1`,
    `${b!.reference};${b!.amount};gagal;;`,
    `${c!.reference};${c!.amount + 1000};paid;;`, // amount differs
    `PB-2018-999999-0001;250000;paid;;`, // unknown
    `${a!.reference};${a!.amount};paid;;`, // a second credit
    ...rest.map((p) => `${p.reference};${p.amount};paid;2018-07-10;`),
  ].join('\n');
  const idem = key();
  const res = await upload(app, finance, batch.id, csv, { idem });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.deepEqual([r.rows, r.paid, r.failed, r.returned], [8, 4, 1, 0]);
  assert.deepEqual(r.mismatches.map((m: { kind: string; rowNumber: number }) => [m.kind, m.rowNumber]), [
    ['amount_differs', 4],
    ['unknown_reference', 5],
    ['duplicate_credit', 6],
  ]);
  assert.equal(r.batch.status, 'sent', 'one payment still waits (the amount mismatch)');
  assert.equal(r.batch.openMismatches, 3);
  const ent = await db.selectFrom('payment as y').innerJoin('aid_entitlement as e', 'e.id', 'y.entitlement_id').select(['y.reference', 'y.status', 'e.status as es', 'y.paid_at']).execute();
  const of = (ref: string) => ent.find((x) => x.reference === ref)!;
  assert.deepEqual([of(a!.reference).status, of(a!.reference).es], ['paid', 'paid']);
  assert.equal(new Date(of(a!.reference).paid_at!).toISOString(), '2018-07-09T17:00:00.000Z');
  assert.deepEqual([of(b!.reference).status, of(b!.reference).es], ['failed', 'failed']);
  assert.equal(of(c!.reference).status, 'sent');

  // The same request again: the first answer; the same file under a new key: refused.
  const replay = await upload(app, finance, batch.id, csv, { idem });
  assert.equal(replay.body, res.body);
  const again = await upload(app, finance, batch.id, csv);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'payment.file_applied');

  // Resolve the mismatches; the bank confirms the third payment in a later file.
  for (const m of r.mismatches) {
    const ok = await app.inject({ method: 'POST', url: `/api/payment-mismatches/${m.id}/resolve`, headers: { ...finance.headers, 'idempotency-key': key() }, payload: { resolution: 'Dicek dengan bank, sudah dikoreksi' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'resolved');
  }
  const later = await upload(app, finance, batch.id, `reference,amount,status\n${c!.reference},${c!.amount},paid\n`);
  assert.equal(later.statusCode, 200, later.body);
  assert.equal(later.json().batch.status, 'closed');
  assert.deepEqual(later.json().batch.byStatus, { paid: 5, failed: 1 });
  const audits = await db.selectFrom('audit_event').select('summary').where('action', '=', 'payment.reconciled').execute();
  assert.equal(audits.length, 2);
});

test('a file with errors applies nothing; each error names its row and column in the user’s language', async (t) => {
  const { app, db, finance, batch } = await sentBatch(t);
  const [a, b] = batch.payments;
  const csv = ['reference,amount,status', `${a!.reference},${a!.amount},paid`, `${b!.reference},lima juta,paid`, `,1000,paid`, `${b!.reference},${b!.amount},maybe`].join('\n');
  const id = await upload(app, finance, batch.id, csv);
  assert.equal(id.statusCode, 422);
  assert.equal(id.json().error.code, 'payment.file_invalid');
  const fields = id.json().error.fields as { field: string; message: string }[];
  assert.deepEqual(fields.map((f) => f.field), ['file.row.3.amount', 'file.row.4.reference', 'file.row.5.status']);
  assert.match(fields[0]!.message, /^Baris 3, kolom amount: jumlah harus bilangan bulat rupiah/);
  const en = await upload(app, finance, batch.id, csv, { lang: 'en' });
  assert.match(en.json().error.fields[0].message, /^Row 3, column amount: the amount must be whole rupiah/);
  const paid = await db.selectFrom('payment').select('id').where('status', '=', 'paid').execute();
  assert.equal(paid.length, 0, 'nothing applied');
  assert.equal((await db.selectFrom('payment_reconciliation').select('id').execute()).length, 0);

  const header = await upload(app, finance, batch.id, 'ref;jumlah\nx;1\n');
  assert.equal(header.statusCode, 422);
  assert.equal(header.json().error.fields[0].field, 'file.row.1.status');
  const wrongHash = await upload(app, finance, batch.id, `reference,amount,status\n${a!.reference},${a!.amount},paid\n`, { sha: 'a'.repeat(64) });
  assert.equal(wrongHash.statusCode, 400);
  assert.equal(wrongHash.json().error.code, 'payment.file_hash');
});

test('the answers parse with the shared schemas the web app validates them with (instants as ISO text, not Date)', async (t) => {
  const { app, p, finance, head } = await scenario(t);
  const prepared = await call(app, finance, 'POST', '/api/payment-batches', { programmeId: p.programmeId });
  const { batch } = PreparedSchema.parse(prepared.json());
  assert.match(batch.preparedAt, /^\d{4}-\d{2}-\d{2}T/);
  await call(app, head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: batch.version });
  const sent = BatchDetailSchema.parse((await call(app, finance, 'POST', `/api/payment-batches/${batch.id}/send`, { version: batch.version + 1 })).json());
  const [first, second, ...rest] = sent.payments;
  const csv = ['reference,amount,status', `${first!.reference},${first!.amount},gagal`, `${second!.reference},${second!.amount + 1},berhasil`, ...rest.map((y) => `${y.reference},${y.amount},berhasil`)].join('\n');
  ReconcileResultSchema.parse((await upload(app, finance, batch.id, csv)).json());
  const detail = BatchDetailSchema.parse((await call(app, finance, 'GET', `/api/payment-batches/${batch.id}`)).json());
  assert.deepEqual([detail.mismatches.length, detail.reconciliations.length, detail.payments.filter((y) => y.paidAt !== null).length], [1, 1, rest.length]);
  BatchListSchema.parse((await call(app, finance, 'GET', '/api/payment-batches')).json());
  BankFormatListSchema.parse((await call(app, finance, 'GET', '/api/payment-bank-formats')).json());
});
