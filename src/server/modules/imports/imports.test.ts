// Person imports through the API: dry run, commit, all-or-nothing, cancel, scope,
// the registry opening imported records, resuming a stopped commit, and the
// plaintext scan. One app for the file; jobs run when the test says so.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { inTransaction, type Database } from '../../platform/db/database.ts';
import ExcelJS from 'exceljs';
import { KeyWrapper } from '../../platform/crypto/envelope.ts';
import { keyRing } from '../../platform/crypto/key-provider.ts';
import { build, TEST_MASTER_KEY } from '../../test/build-app.ts';
import { scanDatabase } from '../../test/plaintext-scan.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { makeSite } from '../sites/sites.matrix.ts';
import { csvOf, nikOf, rowOf, uploadBody } from './imports.fixtures.ts';
import { discardStaged, personsOfImport } from './imports.repository.ts';
import { CHUNK_BYTES, sealedUpload } from './import-files.ts';

let app: FastifyInstance;
let database: Database;
let officer: SignedIn;
let siteId: number;
let otherSiteId: number;

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const h of cleanup.reverse()) await h();
});
before(async () => {
  ({ app, database } = await build({ after: (fn: () => Promise<void>) => cleanup.push(fn) }, { regions: true }));
  officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  siteId = await makeSite(app, '65.03.02');
  otherSiteId = await makeSite(app, '65.01.01');
});

async function upload(bytes: Buffer, opts: { dryRun?: boolean; site?: number; name?: string } = {}) {
  const body = uploadBody({ siteId: String(opts.site ?? siteId), dryRun: String(opts.dryRun ?? true), lawfulBasis: 'public_task' }, { name: opts.name ?? 'daftar.csv', bytes });
  return app.inject({ method: 'POST', url: '/api/imports', headers: { ...officer.headers, ...body.headers }, payload: body.payload });
}
const get = (url: string) => app.inject({ method: 'GET', url, headers: officer.headers });
const post = (url: string) => app.inject({ method: 'POST', url, headers: officer.headers, payload: {} });
const personCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from person`.execute(database.db)).rows[0]!.n);
const stagingCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from person_import_row`.execute(database.db)).rows[0]!.n);
const chunkCount = async (id: number) => Number((await sql<{ n: number }>`select count(*)::int as n from person_import_chunk where import_id = ${id}`.execute(database.db)).rows[0]!.n);

async function uploadAndRun(bytes: Buffer, opts: { dryRun?: boolean; site?: number; name?: string } = {}) {
  const res = await upload(bytes, opts);
  assert.equal(res.statusCode, 200, res.body);
  const { importId, jobId } = res.json();
  await app.services.jobs.runUntilIdle();
  const job = (await get(`/api/jobs/${jobId}`)).json();
  assert.equal(job.status, 'succeeded', JSON.stringify(job));
  return (await get(`/api/imports/${importId}`)).json();
}

test('a dry run reports each row’s problems (row, column, message) and stores nothing in person', async () => {
  const before = await personCount();
  const imp = await uploadAndRun(csvOf([rowOf(1), 'Zaenab Quorra,,X,6503025708910000,123,31/02/1991,12,Jalan', rowOf(3)]));
  assert.equal(imp.status, 'invalid');
  assert.deepEqual([imp.totalRows, imp.validRows, imp.errorRows], [3, 2, 1]);
  assert.ok(imp.errorCount >= 4, `errors: ${imp.errorCount}`);
  assert.equal(imp.preview.length, 3);
  assert.equal(imp.preview[1].row, 3);
  assert.equal(imp.preview[1].status, 'error');
  assert.ok(imp.preview[1].issues.some((i: { column: string }) => i.column === 'jenis_kelamin'));
  assert.deepEqual(imp.actions, ['cancel', 'download_errors']);
  assert.equal(await personCount(), before);
  assert.equal(await chunkCount(imp.id), 0, 'a failed dry run ends the import: its file is deleted');
  const report = await get(`/api/imports/${imp.id}/errors.xlsx?lang=en`);
  assert.equal(report.statusCode, 200);
  assert.match(String(report.headers['content-type']), /spreadsheetml/);
  const issues = (await app.services.imports.issues({ actor: { kind: 'system', username: 't' }, request: { requestId: null, ip: null, userAgent: null } }, imp.id)).issues;
  assert.ok(issues.some((i) => i.row === 3 && i.column === 'jenis_kelamin' && /P \(female\)/.test(i.message.en)));
  assert.ok(issues.every((i) => !JSON.stringify(i).includes('Zaenab')), 'no cell value in the issues');
});

test('an xlsx upload larger than a chunk is validated straight from its sealed chunks, which read back by any range', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar');
  ws.addRow(['nama_lengkap', 'jenis_kelamin', 'alamat']);
  for (let i = 0; i < 40_000; i++) ws.addRow([`Orang Fiktif ${randomBytes(6).toString('hex')}`, 'P', `Jalan ${randomBytes(10).toString('base64')}`]);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  assert.ok(xlsx.length > CHUNK_BYTES, `the file spans chunks (${xlsx.length} bytes)`);
  const imp = await uploadAndRun(xlsx, { name: 'daftar.xlsx' });
  assert.equal(imp.status, 'validated', JSON.stringify(imp).slice(0, 300));
  assert.deepEqual([imp.totalRows, imp.validRows], [40_000, 40_000]);
  // The reader's view of the upload: every range equals the file's bytes.
  const upload = await sealedUpload(database.db, new KeyWrapper(keyRing(TEST_MASTER_KEY)), imp.id);
  assert.equal(upload.size, xlsx.length);
  for (const [start, end] of [[0, xlsx.length], [10, 20], [CHUNK_BYTES - 5, CHUNK_BYTES + 5], [xlsx.length - 22, xlsx.length]] as const) {
    const parts: Buffer[] = [];
    for await (const piece of upload.read(start, end)) parts.push(piece as Buffer);
    assert.ok(Buffer.concat(parts).equals(xlsx.subarray(start, end)), `range ${start}–${end}`);
  }
  upload.dispose();
  assert.equal((await post(`/api/imports/${imp.id}/cancel`)).statusCode, 200);
});

test('a clean file: dry run, then commit → every row in person with a case code, sealed like PersonService seals; one audit event', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => rowOf(100 + i));
  const dry = await uploadAndRun(csvOf(rows));
  assert.equal(dry.status, 'validated', JSON.stringify(dry));
  assert.deepEqual(dry.actions, ['commit', 'cancel', 'download_errors']);
  assert.ok((await chunkCount(dry.id)) > 0, 'the upload waits, encrypted, for the commit');
  const commit = await post(`/api/imports/${dry.id}/commit`);
  assert.equal(commit.statusCode, 200, commit.body);
  assert.equal((await post(`/api/imports/${dry.id}/commit`)).statusCode, 409, 'a second commit is refused');
  await app.services.jobs.runUntilIdle();
  const done = (await get(`/api/imports/${dry.id}`)).json();
  assert.equal(done.status, 'committed', JSON.stringify(done));
  assert.equal(done.committedRows, 30);
  assert.match(done.firstCaseCode, /^TNT-6503-\d{6}$/);
  const persons = await personsOfImport(database.db, dry.id);
  assert.equal(persons.length, 30);
  assert.equal(new Set(persons.map((p) => p.case_code)).size, 30);
  assert.equal(await stagingCount(), 0);
  assert.equal(await chunkCount(dry.id), 0);
  const job = (await get(`/api/jobs/${commit.json().jobId}`)).json();
  assert.equal(job.progress.total, 30);
  // The commit scheduled a deduplication run against the whole registry; it keyed every new person.
  const runs = (await get('/api/duplicates/runs')).json().items;
  assert.ok(runs.some((r: { status: string; persons: number }) => r.status === 'done' && r.persons >= 30), JSON.stringify(runs));
  const unkeyed = await database.db.selectFrom('person').select('id').where('id', 'in', persons.map((p) => p.id)).where('block_keys', 'is', null).execute();
  assert.equal(unkeyed.length, 0);

  // The registry opens them: reveal (with re-authentication) and lookup by NIK.
  const first = persons[0]!;
  const detail = (await get(`/api/persons/${first.id}`)).json();
  assert.deepEqual(detail.identityFields, ['fullName', 'nik', 'kk', 'birthDate', 'phone', 'address']);
  assert.equal(detail.alias, 'Mawar 100');
  assert.equal((await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: officer.headers, payload: { password: officer.password } })).statusCode, 200);
  const revealed = await app.inject({ method: 'POST', url: `/api/persons/${first.id}/reveal`, headers: officer.headers, payload: { fields: ['fullName', 'nik', 'phone', 'birthDate'], reason: 'Uji impor: bandingkan isi' } });
  assert.equal(revealed.statusCode, 200, revealed.body);
  assert.deepEqual(revealed.json().fields, { fullName: 'Qorina Zephyrine 100', nik: nikOf(100), phone: '081377750100', birthDate: '1991-08-17' });
  const found = await app.inject({ method: 'POST', url: '/api/persons/lookup', headers: officer.headers, payload: { nik: nikOf(117) } });
  assert.deepEqual(found.json().items.map((p: { caseCode: string }) => p.caseCode), [persons[17]!.case_code]);
  // The same NIK match token as a person created by hand with that NIK.
  const indexer = await app.services.persons.blindIndexer();
  const token = (await database.db.selectFrom('person').select('nik_match').where('id', '=', first.id).executeTakeFirstOrThrow()).nik_match;
  assert.deepEqual(Buffer.from(token!), indexer.matchToken(nikOf(100)));

  const events = await database.db.selectFrom('audit_event').select(['action', 'summary']).where('entity_type', '=', 'person_import').where('entity_id', '=', String(dry.id)).orderBy('seq').execute();
  assert.deepEqual(events.map((e) => e.action), ['person_import.uploaded', 'person_import.commit_requested', 'person_import.committed']);
  const summary = (typeof events[2]!.summary === 'string' ? JSON.parse(events[2]!.summary) : events[2]!.summary) as Record<string, unknown>;
  assert.equal(summary.rows, 30);
  assert.equal(summary.firstCaseCode, done.firstCaseCode);
});

test('case codes of a large import are one unbroken range, reserved in growing blocks whose unused end is given back', async () => {
  const counter = async () => (await database.db.selectFrom('person_code_counter').select('last_number').where('regency_code', '=', '65.03').executeTakeFirst())?.last_number ?? 0;
  const start = await counter();
  // 3,500 rows: batches of 1,000 take blocks of 1,000, 2,000 and 4,000 numbers; 500 of the last go back.
  const rows = Array.from({ length: 3500 }, (_, i) => rowOf(2000 + i, `Ratri Quinta ${i}`));
  const big = await uploadAndRun(csvOf(rows), { dryRun: false });
  assert.equal(big.status, 'committed', JSON.stringify(big));
  const numbers = (await personsOfImport(database.db, big.id)).map((p) => Number(p.case_code.slice(-6))).sort((a, b) => a - b);
  assert.equal(numbers.length, 3500);
  assert.deepEqual([numbers[0], numbers.at(-1)], [start + 1, start + 3500], 'one unbroken range');
  assert.equal(await counter(), start + 3500, 'no number reserved and left unused');
  const small = await uploadAndRun(csvOf([rowOf(5600, 'Sekar Quinta'), rowOf(5601, 'Wulan Quinta')]), { dryRun: false });
  assert.deepEqual((await personsOfImport(database.db, small.id)).map((p) => p.case_code).sort(), [start + 3501, start + 3502].map((n) => `TNT-6503-${String(n).padStart(6, '0')}`));
});

test('a direct import (no dry run) with one bad row imports nothing', async () => {
  const before = await personCount();
  const rows = Array.from({ length: 12 }, (_, i) => rowOf(200 + i));
  rows[7] = rowOf(207).replace('17/08/1991', '17/08/2091');
  const imp = await uploadAndRun(csvOf(rows), { dryRun: false });
  assert.equal(imp.status, 'invalid');
  assert.equal(imp.errorRows, 1);
  assert.equal(await personCount(), before);
  assert.equal(await stagingCount(), 0);
  assert.equal(await chunkCount(imp.id), 0);
});

test('cancel: a validated import is cancelled, its file deleted; then it can be neither committed nor cancelled again', async () => {
  const dry = await uploadAndRun(csvOf([rowOf(300)]));
  assert.equal(dry.status, 'validated');
  const cancelled = await post(`/api/imports/${dry.id}/cancel`);
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().status, 'cancelled');
  assert.deepEqual(cancelled.json().actions, ['download_errors']);
  assert.equal(await chunkCount(dry.id), 0);
  assert.equal((await post(`/api/imports/${dry.id}/commit`)).statusCode, 409);
  assert.equal((await post(`/api/imports/${dry.id}/cancel`)).statusCode, 409);
});

test('scope: another regency’s site is refused; its imports are invisible; wrong file types are refused', async () => {
  const res = await upload(csvOf([rowOf(400)]), { site: otherSiteId });
  assert.equal(res.statusCode, 403, res.body);
  const bulungan = await asUser(app, { roles: ['regency_officer'], scope: '65.01' });
  const mine = (await get('/api/imports')).json();
  assert.ok(mine.total >= 4);
  const theirs = await app.inject({ method: 'GET', url: '/api/imports', headers: bulungan.headers });
  assert.equal(theirs.json().total, 0);
  const one = await app.inject({ method: 'GET', url: `/api/imports/${mine.items[0].id}`, headers: bulungan.headers });
  assert.equal(one.statusCode, 404);
  assert.equal((await upload(Buffer.from('x'), { name: 'daftar.pdf' })).statusCode, 415);
  const noSite = uploadBody({}, { name: 'daftar.csv', bytes: csvOf([rowOf(401)]) });
  assert.equal((await app.inject({ method: 'POST', url: '/api/imports', headers: { ...officer.headers, ...noSite.headers }, payload: noSite.payload })).statusCode, 400);
});

test('a commit stopped mid-way (server shutdown) leaves nothing in person and resumes to exactly one copy of every row', async () => {
  const n = 12_000;
  const dry = await uploadAndRun(csvOf(Array.from({ length: n }, (_, i) => rowOf(1000 + i))));
  assert.equal(dry.status, 'validated', JSON.stringify(dry).slice(0, 400));
  assert.equal((await post(`/api/imports/${dry.id}/commit`)).statusCode, 200);
  const before = await personCount();
  const stop = new AbortController();
  const stopped = app.services.imports.runner.commit(dry.id, { signal: stop.signal, progress: () => stop.abort() });
  await assert.rejects(stopped);
  const mid = (await get(`/api/imports/${dry.id}`)).json();
  assert.equal(mid.status, 'staging');
  assert.equal(await personCount(), before, 'nothing in person');
  // The job (still queued) runs again and starts the staging over.
  await app.services.jobs.runUntilIdle();
  const done = (await get(`/api/imports/${dry.id}`)).json();
  assert.equal(done.status, 'committed', JSON.stringify(done).slice(0, 400));
  assert.equal((await personsOfImport(database.db, dry.id)).length, n);
  assert.equal(await personCount(), before + n);
  assert.equal(await stagingCount(), 0);
});

test('staged rows discarded just before the move (master-key rotation): the commit stages again and moves every row once', async () => {
  const n = 5;
  const dry = await uploadAndRun(csvOf(Array.from({ length: n }, (_, i) => rowOf(40_000 + i))));
  assert.equal(dry.status, 'validated');
  assert.equal((await post(`/api/imports/${dry.id}/commit`)).statusCode, 200);
  const before = await personCount();
  let discarded = 0;
  const outcome = await app.services.imports.runner.commit(dry.id, {
    progress: async (_done, _total, message) => {
      if (message === 'committing' && discarded === 0) discarded = await inTransaction(database.db, (tx) => discardStaged(tx, dry.id));
    },
  });
  assert.equal(discarded, n);
  assert.equal(outcome.status, 'committed');
  assert.equal((await personsOfImport(database.db, dry.id)).length, n);
  assert.equal(await personCount(), before + n);
  assert.equal(await stagingCount(), 0);
});

test('cancelling while the commit stages stops it: nothing in person, staging and file deleted', async () => {
  const dry = await uploadAndRun(csvOf(Array.from({ length: 11_000 }, (_, i) => rowOf(20_000 + i))));
  assert.equal(dry.status, 'validated');
  assert.equal((await post(`/api/imports/${dry.id}/commit`)).statusCode, 200);
  const before = await personCount();
  let cancelled = 0;
  const outcome = await app.services.imports.runner.commit(dry.id, {
    progress: async () => {
      if (cancelled++ === 0) assert.equal((await post(`/api/imports/${dry.id}/cancel`)).statusCode, 200);
    },
  });
  assert.equal(outcome.status, 'cancelled');
  assert.equal((await get(`/api/imports/${dry.id}`)).json().status, 'cancelled');
  assert.equal(await personCount(), before);
  assert.equal(await stagingCount(), 0);
  assert.equal(await chunkCount(dry.id), 0);
  await app.services.jobs.runUntilIdle(); // the queued job finds it cancelled and does nothing
  assert.equal(await personCount(), before);
});

test('an upload over IMPORT_MAX_BYTES is refused with 413 naming the limit, and leaves no import behind', async (t) => {
  const small = await build(t, { regions: true, config: { IMPORT_MAX_BYTES: '4096' } });
  const who = await asUser(small.app, { roles: ['regency_officer'], scope: '65.03' });
  const site = await makeSite(small.app, '65.03.02');
  const body = uploadBody({ siteId: String(site), dryRun: 'true', lawfulBasis: 'public_task' }, { name: 'besar.csv', bytes: csvOf(Array.from({ length: 100 }, (_, i) => rowOf(600 + i))) });
  const res = await small.app.inject({ method: 'POST', url: '/api/imports', headers: { ...who.headers, ...body.headers, 'accept-language': 'en' }, payload: body.payload });
  assert.equal(res.statusCode, 413, res.body);
  assert.match(res.json().error.message, /4 KB limit/);
  assert.equal(Number((await sql<{ n: number }>`select count(*)::int as n from person_import`.execute(small.database.db)).rows[0]!.n), 0);
  assert.equal(Number((await sql<{ n: number }>`select count(*)::int as n from person_import_chunk`.execute(small.database.db)).rows[0]!.n), 0);
});

test('after imports, no table holds a name, NIK, KK, phone or address in plaintext (jobs, staging, chunks included)', async () => {
  // A file left waiting (validated, not committed) keeps its encrypted chunks: scan those too.
  const waiting = await uploadAndRun(csvOf([rowOf(500, 'Xiomara Quetzalli Brontosa')]));
  assert.ok((await chunkCount(waiting.id)) > 0);
  const needles = ['Qorina', 'Zephyrine', 'Xiomara', 'Quetzalli', nikOf(100), nikOf(500), '6503021708190101', '081377750100', '0813777', 'Kenari Ungu', 'Zaenab'];
  assert.deepEqual(await scanDatabase(database, needles), []);
});
