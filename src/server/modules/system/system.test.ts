import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { build } from '../../test/build-app.ts';

test('GET /api/health answers ok with a request id', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
  assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
});

test('a well-formed incoming x-request-id is kept; a malformed one is replaced', async (t) => {
  const { app } = await build(t);
  const kept = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'abc-12345678' } });
  assert.equal(kept.headers['x-request-id'], 'abc-12345678');
  const replaced = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'bad id <script>' } });
  assert.notEqual(replaced.headers['x-request-id'], 'bad id <script>');
});

test('GET /api/ready is 200 when migrated, 503 naming the reason when not', async (t) => {
  const { app, database } = await build(t);
  const ready = await app.inject({ method: 'GET', url: '/api/ready' });
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json().status, 'ready');
  assert.equal(ready.json().database, database.kind);

  await database.db.deleteFrom('schema_migration').where('version', '=', 2).execute();
  const notReady = await app.inject({ method: 'GET', url: '/api/ready', headers: { 'accept-language': 'en' } });
  assert.equal(notReady.statusCode, 503);
  assert.equal(notReady.json().error.code, 'not_ready');
  assert.match(notReady.json().error.message, /1 migration\(s\) pending/);
});

test('GET /api/openapi.json is a valid OpenAPI 3.1 document listing the routes', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  const validator = new Validator();
  const result = await validator.validate(doc);
  assert.equal(result.valid, true, JSON.stringify(result.errors));
  for (const p of ['/api/health', '/api/ready', '/api/regions', '/api/regions/{code}', '/api/jobs/{id}', '/api/about'])
    assert.ok(doc.paths[p], `missing ${p}`);
  const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);
});

test('unknown API paths get the error shape in the caller language', async (t) => {
  const { app } = await build(t);
  const id = await app.inject({ method: 'GET', url: '/api/nope' });
  assert.equal(id.statusCode, 404);
  assert.equal(id.json().error.code, 'not_found');
  assert.equal(id.json().error.message, 'Alamat tidak ditemukan.');
  assert.equal(id.json().error.requestId, id.headers['x-request-id']);
  const en = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en-US,en;q=0.9' } });
  assert.equal(en.json().error.message, 'Not found.');
});

test('security headers are set; HSTS only behind a TLS proxy', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.equal(res.headers['x-frame-options'], 'DENY');
  assert.equal(res.headers['referrer-policy'], 'no-referrer');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['strict-transport-security'], undefined);

  const behindTls = await build(t, { config: { TRUST_PROXY: 'true' } });
  const tls = await behindTls.app.inject({ method: 'GET', url: '/api/health' });
  assert.match(String(tls.headers['strict-transport-security']), /max-age=31536000/);
});

test('rate limiting answers 429 with a translated message once the limit is passed', async (t) => {
  const { app } = await build(t, { config: { RATE_LIMIT_PER_MINUTE: '3' } });
  const codes: number[] = [];
  for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'GET', url: '/api/about' })).statusCode);
  assert.deepEqual(codes, [200, 200, 200, 429]);
  const limited = await app.inject({ method: 'GET', url: '/api/about' });
  assert.equal(limited.json().error.code, 'rate_limited');
  assert.match(limited.json().error.message, /Terlalu banyak permintaan/);
  // Health checks are never limited (load balancers poll them).
  assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
});

test('request bodies over the limit are refused with 413', async (t) => {
  const { app } = await build(t, { config: { BODY_LIMIT_BYTES: '2048' } });
  app.post('/api/test-echo', { config: { access: { public: true } } }, async (req) => req.body);
  const res = await app.inject({
    method: 'POST',
    url: '/api/test-echo',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ text: 'x'.repeat(5000) }),
  });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().error.code, 'payload_too_large');
});

test('unexpected errors return a generic message, never the internal detail', async (t) => {
  const { app } = await build(t);
  app.get('/api/test-crash', { config: { access: { public: true } } }, async () => {
    throw new Error('secret internal detail: NIK 6503024505900001');
  });
  const res = await app.inject({ method: 'GET', url: '/api/test-crash' });
  assert.equal(res.statusCode, 500);
  assert.equal(res.json().error.code, 'internal');
  assert.doesNotMatch(res.body, /secret|6503/);
});

test('GET /api/about says whether the data is demo data', async (t) => {
  const { app, database } = await build(t);
  const before = await app.inject({ method: 'GET', url: '/api/about' });
  assert.deepEqual(before.json(), { name: 'Tuntas', version: before.json().version, database: database.kind, dataset: null });
});
