// Receipts (kuitansi) and a person's payments through HTTP.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { multipart } from '../sites/sites.matrix.ts';
import { call, key, reauthed, sentBatch } from './payments.test-support.ts';

/** The text of a PDF's content streams (as the letters test reads it). */
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
  return out.join('\n');
}

async function paidScenario(t: Parameters<typeof sentBatch>[0]) {
  const s = await sentBatch(t);
  const csv = Buffer.from(['reference,amount,status,date', ...s.batch.payments.map((p) => `${p.reference},${p.amount},paid,2018-07-10`)].join('\n'));
  const body = multipart({ name: 'hasil.csv', type: 'text/csv', bytes: csv });
  const res = await s.app.inject({
    method: 'POST',
    url: `/api/payment-batches/${s.batch.id}/reconciliations?sha256=${createHash('sha256').update(csv).digest('hex')}`,
    headers: { ...s.finance.headers, ...body.headers, 'idempotency-key': key() },
    payload: body.payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  return s;
}

test('the receipt: the person’s total in figures and words, items, signature lines, the case code and not the name', async (t) => {
  const { app, db, finance, batch, people } = await paidScenario(t);
  const first = batch.payments.find((p) => p.caseCode === people[0]!.caseCode)!;
  const res = await call(app, finance, 'GET', `/api/payments/${first.id}/receipt`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const text = pdfText(res.rawPayload);
  assert.match(text, /KUITANSI/);
  assert.match(text, /Rp 5\.500\.000/);
  assert.match(text, /Lima juta lima ratus ribu rupiah/);
  assert.match(text, /Rp 3\.000\.000/);
  assert.match(text, /Kementerian Sosial Republik Indonesia/);
  assert.match(text, /Bendahara Pengeluaran/);
  assert.ok(text.includes(people[0]!.caseCode));
  assert.doesNotMatch(text, /Orang Uji|NIK/);
  assert.match(text, /Nunukan, 10 Juli 2018/);
  const printed = await db.selectFrom('audit_event').select(['summary']).where('action', '=', 'payment.receipt_printed').execute();
  assert.equal(printed.length, 1);

  // With the identity: only for someone who may reveal it, re-authenticated, with a reason.
  const denied = await call(app, finance, 'POST', `/api/payments/${first.id}/receipt`, { reason: 'Kuitansi untuk arsip bendahara' });
  assert.equal(denied.statusCode, 403);
  const officer = await reauthed(app, ['regency_officer']);
  const named = await call(app, officer, 'POST', `/api/payments/${first.id}/receipt`, { reason: 'Kuitansi untuk arsip bendahara' });
  assert.equal(named.statusCode, 200, named.body);
  const namedText = pdfText(named.rawPayload);
  assert.match(namedText, /Orang Uji Verval \(NIK \d{16}\)/);
  assert.ok(namedText.includes(people[0]!.caseCode));
  const reveal = await db.selectFrom('audit_event').select(['reason', 'summary']).where('action', '=', 'person.identity_revealed').executeTakeFirstOrThrow();
  assert.equal(reveal.reason, 'Kuitansi untuk arsip bendahara');
  assert.doesNotMatch(JSON.stringify(reveal.summary), /Orang Uji|\d{16}/);
  const short = await call(app, officer, 'POST', `/api/payments/${first.id}/receipt`, { reason: 'arsip' });
  assert.equal(short.statusCode, 400);
  assert.equal(short.json().error.fields[0].field, 'body.reason');

  const other = await reauthed(app, ['regency_officer'], '65.01');
  assert.equal((await call(app, other, 'POST', `/api/payments/${first.id}/receipt`, { reason: 'Kuitansi untuk arsip bendahara' })).statusCode, 404);
});

test('a receipt only for a paid payment; a person’s aid history', async (t) => {
  const { app, finance, batch, people } = await sentBatch(t);
  const res = await call(app, finance, 'GET', `/api/payments/${batch.payments[0]!.id}/receipt`);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'payment.receipt_not_paid');
  const history = await call(app, finance, 'GET', `/api/persons/${people[0]!.personId}/payments`);
  assert.equal(history.statusCode, 200, history.body);
  assert.equal(history.json().items.length, 3);
  assert.ok(history.json().items.every((p: { status: string; batchReference: string }) => p.status === 'sent' && p.batchReference === batch.reference));
});
