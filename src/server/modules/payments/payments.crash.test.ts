// Reliability: `kill -9` of the real server process during a batch approval and during a
// reconciliation import, then a restart. Each time: no payment lost or duplicated, and
// the batch in one consistent state (all its payments in the batch's stage). The kill
// lands at growing delays after the request was sent; a claimed idempotency key without
// an answer shows that a request was cut off while it ran.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { openDatabase, type DatabaseOptions } from '../../platform/db/database.ts';
import { TEST_MASTER_KEY, testConfig } from '../../test/build-app.ts';
import { preparedData } from '../../test/prepared-data.ts';
import { startServerProcess, type ServerProcess } from '../../test/processes.ts';
import { createUser, signIn } from '../../test/users.ts';
import { fund, makeAidProgramme, makeBeneficiary } from './payments.test-support.ts';

const PERSONS = 40; // × 3 components = 120 payments
const MASTER_KEY = TEST_MASTER_KEY.key.toString('base64');

async function seed(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    const app = await buildApp({ config: testConfig(), database, logger: false, masterKey: TEST_MASTER_KEY });
    try {
      const p = await makeAidProgramme(app, database.db);
      for (let i = 0; i < PERSONS; i++) await makeBeneficiary(app, database.db, p);
      await fund(database.db, p, 1_000_000_000);
      const finance = await createUser(app, { roles: ['finance_officer'], scope: '65.03', username: 'keuangan' });
      await createUser(app, { roles: ['head_of_office'], scope: '65.03', username: 'kepala' });
      const s = await signIn(app, finance.username, finance.password);
      const res = await app.inject({ method: 'POST', url: '/api/payment-batches', headers: { ...s.headers, 'idempotency-key': 'seed-prepare-1' }, payload: { programmeId: p.programmeId } });
      assert.equal(res.statusCode, 200, res.body);
      return { batchId: res.json().batch.id as number, password: finance.password };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

async function httpSignIn(server: ServerProcess, username: string, password: string, reauth = false) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers = { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
  if (reauth) {
    const r = await fetch(`${server.url}/api/auth/reauth`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
    assert.equal(r.status, 200);
  }
  return headers;
}

/** The batch's state, read directly: it must be one of the consistent states. */
async function inspect(options: DatabaseOptions, batchId: number) {
  const database = await openDatabase(options);
  try {
    const db = database.db;
    const batch = await db.selectFrom('payment_batch').select(['status', 'payment_count']).where('id', '=', batchId).executeTakeFirstOrThrow();
    const payments = await db.selectFrom('payment').select(['entitlement_id', 'status']).where('batch_id', '=', batchId).execute();
    const all = await db.selectFrom('payment').select('entitlement_id').execute();
    const entitlements = await db.selectFrom('aid_entitlement').select(['status']).execute();
    const recs = await db.selectFrom('payment_reconciliation').select('id').where('batch_id', '=', batchId).execute();
    const pending = await db.selectFrom('idempotency_key').select('key').where('state', '=', 'pending').execute();
    assert.equal(payments.length, PERSONS * 3, 'no payment lost');
    assert.equal(all.length, new Set(all.map((p) => p.entitlement_id)).size, 'no entitlement paid twice');
    assert.equal(batch.payment_count, payments.length);
    const statuses = [...new Set(payments.map((p) => p.status))];
    assert.equal(statuses.length, 1, `one state for all payments: ${statuses.join(', ')}`);
    const expected: Record<string, string> = { prepared: 'prepared', approved: 'approved', sent: 'sent', closed: 'paid' };
    assert.equal(statuses[0], expected[batch.status], `batch ${batch.status} with payments ${statuses[0]}`);
    const entitlementStates = [...new Set(entitlements.map((e) => e.status))];
    assert.deepEqual(entitlementStates, [statuses[0] === 'paid' ? 'paid' : 'in_batch']);
    assert.equal(recs.length, statuses[0] === 'paid' ? 1 : 0, 'one reconciliation or none');
    return { status: batch.status, pendingKeys: pending.map((k) => k.key) };
  } finally {
    await database.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('kill -9 during approval and during the reconciliation import: nothing lost, nothing twice, one consistent state', { timeout: 600_000 }, async (t) => {
  const prepared = await preparedData(t);
  const options = prepared.options;
  const env = { ...prepared.env, MASTER_KEY, MFA_REQUIRED: 'false', JOBS_ENABLED: 'false', RATE_LIMIT_PER_MINUTE: '100000' };
  const { batchId } = await seed(options);
  const password = 'kopi-tubruk-ombak-senja-17';
  let cutOff = 0;

  async function crashLoop(stage: 'approve' | 'reconcile', done: string) {
    // Kills at 0, 30 and 120 ms; then a last run that is left to finish (each attempt restarts a server: keep CI short).
    for (let attempt = 0, delay = 0; attempt < 4; attempt++, delay = delay === 0 ? 30 : delay * 4) {
      const last = attempt === 3;
      const server = await startServerProcess(env);
      t.after(() => void server.child.kill('SIGKILL'));
      const head = await httpSignIn(server, 'kepala', password, true);
      const finance = await httpSignIn(server, 'keuangan', password, true);
      let request: Promise<unknown>;
      if (stage === 'approve') {
        request = fetch(`${server.url}/api/payment-batches/${batchId}/approve`, {
          method: 'POST',
          headers: { ...head, 'content-type': 'application/json', 'idempotency-key': `approve-${attempt}-run` },
          body: JSON.stringify({ version: 1 }),
        });
      } else {
        const csv = await resultFile(server, finance);
        const form = new FormData();
        form.set('file', new Blob([csv], { type: 'text/csv' }), 'hasil.csv');
        request = fetch(`${server.url}/api/payment-batches/${batchId}/reconciliations?sha256=${createHash('sha256').update(csv).digest('hex')}`, {
          method: 'POST',
          headers: { ...finance, 'idempotency-key': `reconcile-${attempt}-run` },
          body: form,
        });
      }
      const settled = request.then(
        () => 'answered',
        () => 'cut off',
      );
      if (last) {
        const res = (await request) as Response;
        assert.equal(res.status, 200, await res.text());
        server.child.kill('SIGTERM');
      } else {
        await sleep(delay);
        server.child.kill('SIGKILL');
      }
      await server.exited;
      await settled;
      const state = await inspect(options, batchId);
      if (state.pendingKeys.includes(`${stage}-${attempt}-run`)) cutOff++; // this request was running when killed
      if (state.status === done) return;
      assert.ok(!last, `the ${stage} did not complete`);
    }
  }

  /** The bank's file for every payment of the batch (read through the API). */
  async function resultFile(server: ServerProcess, headers: Record<string, string>) {
    const res = await fetch(`${server.url}/api/payment-batches/${batchId}`, { headers });
    const batch = (await res.json()) as { payments: { reference: string; amount: number }[] };
    return ['reference,amount,status', ...batch.payments.map((p) => `${p.reference},${p.amount},paid`)].join('\n');
  }

  await crashLoop('approve', 'approved');
  // Send (no crash here), then the reconciliation under fire.
  {
    const server = await startServerProcess(env);
    t.after(() => void server.child.kill('SIGKILL'));
    const finance = await httpSignIn(server, 'keuangan', password);
    const res = await fetch(`${server.url}/api/payment-batches/${batchId}/send`, {
      method: 'POST',
      headers: { ...finance, 'content-type': 'application/json', 'idempotency-key': 'send-once-1' },
      body: JSON.stringify({ version: 2 }),
    });
    assert.equal(res.status, 200, await res.text());
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await crashLoop('reconcile', 'closed');
  // The same file again after all that: refused, never applied twice.
  const server = await startServerProcess(env);
  t.after(() => void server.child.kill('SIGKILL'));
  const finance = await httpSignIn(server, 'keuangan', password);
  const csv = await resultFile(server, finance);
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'hasil.csv');
  const again = await fetch(`${server.url}/api/payment-batches/${batchId}/reconciliations?sha256=${createHash('sha256').update(csv).digest('hex')}`, {
    method: 'POST',
    headers: { ...finance, 'idempotency-key': 'reconcile-final' },
    body: form,
  });
  assert.equal(again.status, 409);
  assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'payment.file_applied');
  server.child.kill('SIGTERM');
  await server.exited;
  await inspect(options, batchId);
  t.diagnostic(`requests cut off while running: ${cutOff}`);
  assert.ok(cutOff > 0, 'at least one kill landed while a request ran');
});

