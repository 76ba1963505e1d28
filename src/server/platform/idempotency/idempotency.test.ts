// Idempotency keys through HTTP: a test route that counts its runs in app_meta.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { IdempotencyHeaders, LEASE_MS } from './idempotency.ts';

const KEY = 'idem-key-0001';

/** POST /api/test/counter/:name {by} adds to a counter; slow when asked, fails on by < 0. */
function counterRoute(db: Db, gate: { wait?: Promise<void> }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/test/counter/:name',
      {
        config: { access: { signedIn: true }, idempotent: true },
        schema: { params: z.object({ name: z.string() }), headers: IdempotencyHeaders, body: z.object({ by: z.number().int() }) },
      },
      async (req, reply) => {
        if (req.body.by < 0) return reply.code(409).send({ error: { code: 'test.negative', message: 'no', requestId: String(req.id) } });
        return inTransaction(db, async (tx) => {
          await gate.wait;
          const row = await tx.selectFrom('app_meta').select('value').where('key', '=', req.params.name).executeTakeFirst();
          const value = Number(row?.value ?? 0) + req.body.by;
          await tx
            .insertInto('app_meta')
            .values({ key: req.params.name, value: String(value) })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
            .execute();
          const answer = { value, at: Date.now() };
          await req.idempotency!.settle(tx, answer);
          return answer;
        });
      },
    );
  };
}

async function setup(t: Parameters<typeof build>[0], options: { clock?: () => Date } = {}) {
  const { app, database } = await build(t, { clock: options.clock });
  const gate: { wait?: Promise<void> } = {};
  await app.register(counterRoute(database.db, gate));
  const a = await asUser(app, { roles: ['finance_officer'] });
  const b = await asUser(app, { roles: ['finance_officer'] });
  const counter = async (name: string) => Number((await database.db.selectFrom('app_meta').select('value').where('key', '=', name).executeTakeFirst())?.value ?? 0);
  return { app, db: database.db, gate, a, b, counter };
}

const post = (app: FastifyInstance, headers: Record<string, string>, key: string | null, by: number, name = 'c1') =>
  app.inject({ method: 'POST', url: `/api/test/counter/${name}`, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: { by } });

test('a replay with the same key and content gets the first answer; the change runs once', async (t) => {
  const { app, a, counter } = await setup(t);
  const first = await post(app, a.headers, KEY, 5);
  assert.equal(first.statusCode, 200, first.body);
  const again = await post(app, a.headers, KEY, 5);
  assert.equal(again.statusCode, 200);
  assert.equal(again.body, first.body, 'the very same body (its timestamp too)');
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(await counter('c1'), 5);
  // A new key is a new change.
  const other = await post(app, a.headers, 'idem-key-0002', 5);
  assert.equal(other.json().value, 10);
});

test('the same key with different content is refused with a clear error', async (t) => {
  const { app, a, counter } = await setup(t);
  assert.equal((await post(app, a.headers, KEY, 5)).statusCode, 200);
  for (const res of [await post(app, a.headers, KEY, 6), await post(app, a.headers, KEY, 5, 'c2')]) {
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'idempotency.key_reused');
    assert.match(res.json().error.message, /Idempotency-Key/);
  }
  assert.equal(await counter('c1'), 5);
  assert.equal(await counter('c2'), 0);
});

test('keys are per user: another user with the same key makes their own change', async (t) => {
  const { app, a, b, counter } = await setup(t);
  assert.equal((await post(app, a.headers, KEY, 5)).json().value, 5);
  const res = await post(app, b.headers, KEY, 5);
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().value, 10);
  assert.equal(res.headers['idempotent-replayed'], undefined);
  assert.equal(await counter('c1'), 10);
});

test('the header is required and checked', async (t) => {
  const { app, a } = await setup(t);
  const missing = await post(app, a.headers, null, 1);
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.fields[0].field, 'headers.idempotency-key');
  assert.equal((await post(app, a.headers, 'short', 1)).statusCode, 400);
});

test('a first answer that was an error is replayed as that error', async (t) => {
  const { app, a, counter } = await setup(t);
  const first = await post(app, a.headers, KEY, -1);
  assert.equal(first.statusCode, 409);
  const again = await post(app, a.headers, KEY, -1);
  assert.equal(again.statusCode, 409);
  assert.equal(again.body, first.body);
  assert.equal(await counter('c1'), 0);
});

test('concurrent replays of one key: only one runs, the other waits its turn or is told it is in progress', async (t) => {
  const { app, a, gate, counter } = await setup(t);
  let open!: () => void;
  gate.wait = new Promise((r) => (open = r));
  const both = Promise.all([post(app, a.headers, KEY, 5), post(app, a.headers, KEY, 5)]);
  setTimeout(() => open(), 200);
  const [r1, r2] = await both;
  const statuses = [r1.statusCode, r2.statusCode].sort();
  assert.ok(
    JSON.stringify(statuses) === '[200,409]' || (statuses[0] === 200 && statuses[1] === 200 && r1.body === r2.body),
    `${r1.statusCode} ${r1.body} / ${r2.statusCode} ${r2.body}`,
  );
  const conflict = [r1, r2].find((r) => r.statusCode === 409);
  if (conflict) assert.equal(conflict.json().error.code, 'idempotency.in_progress');
  assert.equal(await counter('c1'), 5, 'the change ran once');
  const later = await post(app, a.headers, KEY, 5);
  assert.equal(later.statusCode, 200);
  assert.equal(later.json().value, 5);
});

test('a claim left pending by a request that died is taken over after the lease', async (t) => {
  let now = new Date('2026-01-05T03:00:00Z');
  const { app, db, a, counter } = await setup(t, { clock: () => now });
  // What a killed server leaves: the claim, no change, no answer.
  const user = a.user.id;
  const fingerprintSource = await post(app, a.headers, 'idem-probe-01', 5); // to learn the fingerprint of {by: 5}
  const probe = await db.selectFrom('idempotency_key').selectAll().where('key', '=', 'idem-probe-01').executeTakeFirstOrThrow();
  assert.equal(fingerprintSource.statusCode, 200);
  await db
    .insertInto('idempotency_key')
    .values({ user_id: user, key: KEY, method: 'POST', route: probe.route, fingerprint: probe.fingerprint, claim_token: 'dead', claimed_at: now })
    .execute();
  const during = await post(app, a.headers, KEY, 5);
  assert.equal(during.statusCode, 409);
  assert.equal(during.json().error.code, 'idempotency.in_progress');
  now = new Date(now.getTime() + LEASE_MS + 1000);
  const after = await post(app, a.headers, KEY, 5);
  assert.equal(after.statusCode, 200, after.body);
  assert.equal(after.json().value, 10);
  assert.equal(await counter('c1'), 10);
});

test('old answers and dead claims expire; recent ones stay', async (t) => {
  const { expireIdempotencyKeys, KEEP_DAYS } = await import('./idempotency.job.ts');
  const { app, db, a } = await setup(t);
  const now = new Date('2026-03-01T00:00:00Z');
  const day = 86_400_000;
  const row = (key: string, state: 'pending' | 'done', at: Date) => ({
    user_id: a.user.id,
    key,
    method: 'POST',
    route: '/x',
    fingerprint: 'f',
    state,
    claim_token: 't',
    claimed_at: at,
    ...(state === 'done' ? { status_code: 200, response: '{}', completed_at: at } : {}),
  });
  await db
    .insertInto('idempotency_key')
    .values([
      row('old-answer-1', 'done', new Date(now.getTime() - (KEEP_DAYS + 1) * day)),
      row('new-answer-1', 'done', new Date(now.getTime() - day)),
      row('dead-claim-1', 'pending', new Date(now.getTime() - 2 * day)),
      row('live-claim-1', 'pending', new Date(now.getTime() - 60_000)),
    ])
    .execute();
  assert.equal(await expireIdempotencyKeys(db, now), 2);
  const left = (await db.selectFrom('idempotency_key').select('key').orderBy('key').execute()).map((r) => r.key);
  assert.deepEqual(left, ['live-claim-1', 'new-answer-1']);
  void app;
});

/** Property names of identity data (a person's or a bank account's): never in an answer kept in idempotency_key.response. */
const IDENTITY_PROPERTIES = /^(nik|kk|fullName|birthDate|birthPlace|phone|address|motherName|identity|accountNumber|holderName|accountHolder)$/i;

test('idempotent routes answer without identity data, so their stored answers (kept in clear for 7 days) hold none', async (t) => {
  const { app } = await build(t);
  const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
    components?: { schemas?: Record<string, unknown> };
  };
  const refs = spec.components?.schemas ?? {};
  const propertyNames = (schema: unknown, seen = new Set<unknown>()): string[] => {
    if (schema === null || typeof schema !== 'object' || seen.has(schema)) return [];
    seen.add(schema);
    const s = schema as Record<string, unknown>;
    if (typeof s.$ref === 'string') return propertyNames(refs[s.$ref.split('/').pop()!], seen);
    const own = s.properties && typeof s.properties === 'object' ? Object.keys(s.properties) : [];
    return [...own, ...Object.values(s).flatMap((v) => propertyNames(v, seen))];
  };
  const idempotent: string[] = [];
  const seenNames = new Set<string>();
  for (const [path, methods] of Object.entries(spec.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (!op.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key')) continue;
      idempotent.push(`${method.toUpperCase()} ${path}`);
      const answers = Object.values(op.responses ?? {}).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema));
      const names = answers.flatMap((a) => propertyNames(a));
      for (const n of names) seenNames.add(n);
      const found = names.filter((n) => IDENTITY_PROPERTIES.test(n));
      assert.deepEqual(found, [], `${method.toUpperCase()} ${path} answers with identity data; seal its stored answer or do not store it`);
    }
  // The payment changes (bank files and receipts, which do carry names and accounts, are reads: never stored).
  assert.ok(idempotent.length >= 8, `idempotent routes found: ${idempotent.join(', ')}`);
  assert.ok(idempotent.includes('POST /api/payment-batches') && idempotent.includes('POST /api/payment-batches/{id}/reconciliations'), idempotent.join(', '));
  assert.ok(!idempotent.some((r) => /bank-file|receipt/.test(r)), 'bank files and receipts are not idempotent routes');
  assert.ok(seenNames.has('caseCode') && seenNames.has('reference'), 'the answers’ schemas were walked (persons appear by case code)');
});
