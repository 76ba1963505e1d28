// POST /api/nik/validate: the NIK rules over HTTP, in the caller's language,
// for readers of persons; nothing audited, nothing logged.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { redactPaths } from '../../platform/logging/logger.ts';
import './nik.routes.ts';

async function setup(t: Parameters<typeof build>[0], clock?: () => Date) {
  const { app, database } = await build(t, { clock });
  const { headers } = await asUser(app, { roles: ['regency_officer'], scope: 'national' });
  const validate = (payload: object, extra: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/nik/validate', headers: { ...headers, ...extra }, payload });
  return { app, database, headers, validate };
}

test('a valid NIK: derived sex, birth date and region, messages in Indonesian by default', async (t) => {
  const { validate } = await setup(t);
  const res = await validate({ nik: '65.0302 450785 0001', sex: 'female', birthDate: '1985-07-05', domicileRegionCode: '65.03' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), {
    input: '65.0302 450785 0001',
    normalized: '6503024507850001',
    valid: true,
    sex: 'female',
    birthDate: '1985-07-05',
    regionCode: '65.03.02',
    errors: [],
    warnings: [],
  });
});

test('invalid NIKs answer 200 with codes and messages in the caller’s language', async (t) => {
  const { validate } = await setup(t);
  const excel = await validate({ nik: '6.50302E+15' });
  assert.equal(excel.statusCode, 200);
  assert.equal(excel.json().valid, false);
  assert.deepEqual(excel.json().errors, [
    { code: 'nik.excel_damaged', message: 'NIK tertulis sebagai angka Excel dan angka terakhirnya hilang; kemungkinan rusak oleh Excel: format kolom sebagai Teks' },
  ]);
  const en = await validate({ nik: '6503024507850000', sex: 'male' }, { 'accept-language': 'en-US,en;q=0.9' });
  assert.deepEqual(
    en.json().errors.map((e: { code: string }) => e.code),
    ['nik.serial_zero', 'nik.sex_mismatch'],
  );
  assert.match(en.json().errors[0].message, /probably damaged by Excel: format the column as Text/);
  const former = (await validate({ nik: '6405024507850001', birthDate: '1985-07-05' })).json();
  assert.equal(former.valid, true);
  assert.deepEqual(former.warnings.map((w: { code: string }) => w.code), ['nik.former_region']);
  const unknown = (await validate({ nik: '6503994507850001' })).json();
  assert.deepEqual(unknown.errors.map((e: { code: string }) => e.code), ['nik.region_unknown']);
  const mismatch = (await validate({ nik: '6503024507850001', birthDate: '1985-05-07' })).json();
  assert.deepEqual(mismatch.errors.map((e: { code: string }) => e.code), ['nik.birth_date_mismatch']);
});

test('“today” is the server clock: a birth date after it is in the future', async (t) => {
  const { validate } = await setup(t, () => new Date('2018-05-18T05:00:00Z'));
  assert.equal((await validate({ nik: '6503025805180001' })).json().birthDate, '2018-05-18');
  assert.deepEqual((await validate({ nik: '6503025905180001' })).json().errors.map((e: { code: string }) => e.code), ['nik.birth_date_future']);
});

test('malformed requests are 400 naming the field; the session and its permission are required', async (t) => {
  const { app, headers, validate } = await setup(t);
  const bad = await validate({ nik: '6503024507850001', birthDate: '05/07/1985', sex: 'perempuan' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields.map((f: { field: string }) => f.field).sort(), ['body.birthDate', 'body.sex']);
  assert.doesNotMatch(bad.body, /6503024507850001/);
  assert.equal((await validate({})).statusCode, 400);
  assert.equal((await app.inject({ method: 'POST', url: '/api/nik/validate', payload: { nik: '6503024507850001' } })).statusCode, 401);
  const { 'x-csrf-token': _csrf, ...noCsrf } = headers;
  assert.equal((await app.inject({ method: 'POST', url: '/api/nik/validate', headers: noCsrf, payload: { nik: '6503024507850001' } })).statusCode, 403);
  const ministry = await asUser(app, { roles: ['ministry_officer'], scope: 'national' }); // no person.read
  const refused = await app.inject({ method: 'POST', url: '/api/nik/validate', headers: ministry.headers, payload: { nik: '6503024507850001' } });
  assert.equal(refused.statusCode, 403);
});

test('validating writes no audit event', async (t) => {
  const { database, validate } = await setup(t);
  const count = async () => Number((await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  assert.equal((await validate({ nik: '6503024507850001' })).statusCode, 200);
  assert.equal((await validate({ nik: '6503994507850000' })).statusCode, 200);
  assert.equal(await count(), before);
});

test('the log redaction list covers nik and birthDate fields', () => {
  assert.ok(redactPaths().includes('*.nik'));
  let out = '';
  const log = pino({ redact: { paths: redactPaths(), censor: '[redacted]' } }, new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }));
  log.info({ body: { nik: '6503024507850001', birthDate: '1985-07-05' }, req: { body: { nik: '6503024507850001' } } }, 'x');
  assert.doesNotMatch(out, /6503024507850001|1985-07-05/);
  assert.match(out, /\[redacted\]/);
});

test('no log line of a real app at trace level holds the NIK or its birth date', { timeout: 120_000 }, async () => {
  const fixture = fileURLToPath(new URL('../../test/fixtures/nik-logging-app.ts', import.meta.url));
  const child = spawn(process.execPath, ['--no-wasm-code-gc', '--import', 'tsx', fixture], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.match(stderr, /statuses 200 200 400 400\ndone/);
  const lines = stdout.split('\n').filter(Boolean);
  // Logging was on: each request's start, end and (for the 400s) rejection.
  assert.equal(lines.filter((l) => l.includes('/api/nik/validate') && l.includes('incoming request')).length, 4, stdout.slice(0, 2000));
  assert.equal(lines.filter((l) => l.includes('request rejected')).length, 2);
  for (const line of lines) assert.doesNotMatch(line, /6503024507850001|6503024507850000|450785|1985-07-05|05\/07\/1985/, line);
});
