// `tuntas keys rotate` over every sealed kind, through the real command: one record
// of each kind is made through the services under key A (the 2019 demo: persons, bank
// accounts, assessments, plans, notes, visit notes; then a referral, a TOTP secret, an
// upload waiting to be committed and one staged but not moved); the command refuses a
// database with an undeclared sealed-looking column; after the rotation every row is
// under key B and an app holding B alone opens each kind through its service, the
// staged import is staged again and committed; --reencrypt, interrupted and resumed,
// gives every record a fresh ciphertext.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { seedDemo } from '../server/modules/demo/demo.seed.ts';
import { TOTP_PURPOSE } from '../server/modules/auth/totp-sealing.ts';
import { personsOfImport } from '../server/modules/imports/imports.repository.ts';
import { rotateKeys, SEALED_COLUMNS } from '../server/modules/keys/keys.rotation.ts';
import { cliContext } from '../server/platform/auth/actor.ts';
import { keyRing, type KeyProvider } from '../server/platform/crypto/key-provider.ts';
import { masterKeyFrom } from '../server/platform/crypto/master-key.ts';
import type { SealedColumns } from '../server/platform/crypto/sealed-columns.ts';
import { SecretBox } from '../server/platform/crypto/secret-box.ts';
import { openDatabase, type Database, type DatabaseOptions } from '../server/platform/db/database.ts';
import { testConfig } from '../server/test/build-app.ts';
import { preparedData } from '../server/test/prepared-data.ts';
import { tuntas } from '../server/test/processes.ts';
import { csvOf, rowOf } from '../server/modules/imports/imports.fixtures.ts';

const A = masterKeyFrom(Buffer.alloc(32, 11).toString('base64'));
const B = masterKeyFrom(Buffer.alloc(32, 22).toString('base64'));
const SYSTEM = cliContext('test');
const REASON = 'Uji rotasi kunci induk';
const TOTP = 'JBSWY3DPEHPK3PXP';
/** Every kind the application seals; the test fails if one is left unseeded or undeclared. */
const KINDS = [
  'cryptoKeys',
  'totpSecrets',
  'stagedImportRows',
  'importChunks',
  'persons',
  'bankAccounts',
  'referralSnapshots',
  'caseAssessments',
  'casePlans',
  'caseNotes',
  'followUpNotes',
  'storedFiles',
];
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function withDb<T>(options: DatabaseOptions, work: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase(options);
  try {
    return await work(d);
  } finally {
    await d.close();
  }
}

async function withApp<T>(options: DatabaseOptions, keys: KeyProvider, work: (app: FastifyInstance, d: Database) => Promise<T>): Promise<T> {
  return withDb(options, async (d) => {
    const app = await buildApp({ config: testConfig(), database: d, logger: false, masterKey: keys.current(), keys });
    try {
      return await work(app, d);
    } finally {
      await app.close();
    }
  });
}

const ids = async (d: Database, query: string) => (await sql<{ id: number }>`${sql.raw(query)}`.execute(d.db)).rows.map((r) => Number(r.id));
const idPairs = async (d: Database, query: string) => (await sql<{ case_id: number; id: number }>`${sql.raw(query)}`.execute(d.db)).rows.map((r) => [Number(r.case_id), Number(r.id)] as const);

/** Everything sealed, opened through the services (the system actor: the decryption is what is tested). */
async function readEverything(app: FastifyInstance, d: Database, keys: KeyProvider) {
  const s = app.services;
  const persons: Record<number, unknown> = {};
  for (const id of await ids(d, 'select id from person where erased_at is null order by id'))
    persons[id] = (await s.persons.reveal(SYSTEM, id, { fields: ['fullName', 'nik', 'phone', 'address'], reason: REASON })).fields;
  const bankAccounts: Record<number, unknown> = {};
  for (const id of await ids(d, 'select id from person_bank_account order by id')) bankAccounts[id] = await s.bankAccounts.reveal(SYSTEM, id, { reason: REASON });
  const referrals: Record<number, string> = {};
  for (const id of await ids(d, 'select id from referral where snapshot_ct is not null order by id')) referrals[id] = (await s.referrals.pdf(SYSTEM, id)).pdf.subarray(0, 5).toString();
  const assessments: Record<number, unknown> = {};
  for (const [caseId, id] of await idPairs(d, 'select case_id, id from case_assessment order by id')) assessments[id] = (await s.caseAssessments.get(SYSTEM, caseId, id)).answers;
  const plans: Record<number, unknown> = {};
  for (const caseId of await ids(d, 'select distinct case_id as id from case_plan order by 1')) plans[caseId] = (await s.casePlans.list(SYSTEM, caseId)).items;
  const notes: Record<number, unknown> = {};
  for (const caseId of await ids(d, 'select distinct case_id as id from case_note order by 1')) notes[caseId] = (await s.caseNotes.list(SYSTEM, caseId)).items.map((n) => n.text);
  const files: Record<number, string> = {};
  for (const a of (await sql<{ case_id: number; note_id: number; file_id: number }>`select n.case_id, a.note_id, a.file_id from case_note_attachment a join case_note n on n.id = a.note_id order by a.file_id`.execute(d.db)).rows)
    files[a.file_id] = (await s.caseNotes.download(SYSTEM, Number(a.case_id), Number(a.note_id), Number(a.file_id))).content.toString('latin1');
  const visits: Record<number, unknown> = {};
  for (const id of await ids(d, 'select id from follow_up where note_ct is not null order by id')) visits[id] = (await s.followUps.get(SYSTEM, id)).note;
  const nik = (Object.values(persons).find((p) => (p as { nik: string | null }).nik) as { nik: string }).nik;
  const lookup = (await s.persons.lookup(SYSTEM, { nik })).items.map((p) => p.id);
  const user = await d.db.selectFrom('app_user').select('mfa_secret_enc').where('username', '=', 'mfa-rotasi').executeTakeFirstOrThrow();
  const totp = new SecretBox(keys, TOTP_PURPOSE).open(user.mfa_secret_enc!);
  return { persons, bankAccounts, referrals, assessments, plans, notes, files, visits, lookup, totp };
}

/** Rows of each kind with something sealed, by master key id. */
async function keyIdsByKind(d: Database): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of SEALED_COLUMNS) {
    const rows =
      c.form === 'secret-box'
        ? await sql<{ id: string; n: number }>`select split_part(v, '.', 2) as id, count(*)::int as n from (${sql.join(
            c.columns.map((col) => sql`select ${sql.ref(col)} as v from ${sql.table(c.table)} where ${sql.ref(col)} is not null`),
            sql` union all `,
          )}) s group by 1`.execute(d.db)
        : await sql<{ id: string; n: number }>`select ${sql.ref(c.keyId)} as id, count(*)::int as n from ${sql.table(c.table)} where ${sql.ref(c.wrappedKey)} is not null group by 1`.execute(d.db);
    out[c.kind] = Object.fromEntries(rows.rows.map((r) => [r.id, Number(r.n)]));
  }
  return out;
}

/** Each envelope row's ciphertexts (hex) by its key, to see which changed. */
async function ciphertexts(d: Database, c: SealedColumns): Promise<Map<string, string>> {
  if (c.form === 'secret-box' || c.ciphertexts.length === 0) return new Map();
  const r = await sql<Record<string, unknown>>`select ${sql.join(c.key.map((k) => sql.ref(k)))}, ${sql.join(c.ciphertexts.map((k) => sql.ref(k)))} from ${sql.table(c.table)} where ${sql.ref(c.wrappedKey)} is not null`.execute(d.db);
  return new Map(r.rows.map((row) => [c.key.map((k) => String(row[k])).join('/'), c.ciphertexts.map((k) => Buffer.from(row[k] as Uint8Array).toString('hex')).join('.')]));
}

async function upload(app: FastifyInstance, siteId: number, first: number): Promise<number> {
  const bytes = csvOf([rowOf(first, `Quilla Zafirah ${first}`), rowOf(first + 1, `Quilla Zafirah ${first + 1}`), rowOf(first + 2, `Quilla Zafirah ${first + 2}`)]);
  const { importId } = await app.services.imports.upload(SYSTEM, {
    siteId,
    dryRun: true,
    lawfulBasis: 'public_task',
    filename: 'daftar.csv',
    bytes: (async function* () {
      yield bytes;
    })(),
  });
  await app.services.jobs.runUntilIdle();
  assert.equal((await app.services.imports.get(SYSTEM, importId)).status, 'validated');
  return importId;
}

test('keys rotate moves every sealed kind to the new key; an app with the new key alone opens each; --reencrypt resumes', async (t) => {
  const data = await preparedData(t);
  const env = { ...data.env, MASTER_KEY: B.key.toString('base64'), MASTER_KEY_PREVIOUS: A.key.toString('base64') };
  const underA = keyRing(A);

  // 1. One record of every kind, sealed under A.
  await withDb(data.options, (d) => seedDemo(d.db, testConfig(), async () => {}, { asOf: 2019, keys: underA }));
  const made = await withApp(data.options, underA, async (app, d) => {
    const c = await d.db.selectFrom('rehab_case').select(['id', 'person_id']).orderBy('id').executeTakeFirstOrThrow();
    const consent = await app.services.consents.add(SYSTEM, c.person_id, { purpose: 'Rujukan layanan kesehatan', givenOn: '2019-02-20', documentRef: undefined });
    await app.services.referrals.create(SYSTEM, c.id, {
      service: 'health',
      purpose: 'Pemeriksaan kesehatan',
      organisation: 'Puskesmas Nunukan',
      organisationContact: '',
      sharedFields: ['caseCode', 'fullName'],
      consentId: consent.id,
      expiresOn: inDays(30),
    });
    // A scan attached to a case note (the file store).
    const note = await d.db.selectFrom('case_note').select(['id', 'case_id']).orderBy('id').executeTakeFirstOrThrow();
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Pindaian KTP fiktif untuk uji rotasi\n%%EOF\n')]);
    await app.services.caseNotes.attach(SYSTEM, note.case_id, note.id, { filename: 'ktp.pdf', declaredType: 'application/pdf', bytes: scan });
    const { user } = await app.services.users.create(SYSTEM, { username: 'mfa-rotasi', displayName: 'MFA', roles: ['admin'], scope: 'national', password: 'kopi-tubruk-ombak-senja-17' });
    await d.db.updateTable('app_user').set({ mfa_secret_enc: new SecretBox(underA, TOTP_PURPOSE).seal(TOTP), mfa_enabled: true }).where('id', '=', user.id).execute();
    const site = await d.db.selectFrom('site').select('id').where('regency_code', '=', '65.03').orderBy('id').executeTakeFirstOrThrow();
    // An upload checked and waiting for its commit (its file in sealed chunks) …
    const waiting = await upload(app, site.id, 7100);
    // … and one whose commit staged its rows and stopped before moving them (a killed process).
    const staged = await upload(app, site.id, 7200);
    await app.services.imports.commit(SYSTEM, staged);
    const stop = new AbortController();
    await assert.rejects(
      app.services.imports.runner.commit(staged, {
        signal: stop.signal,
        progress: (_done, _total, message) => {
          if (message === 'committing') {
            stop.abort();
            throw new Error('killed before the move');
          }
        },
      }),
    );
    assert.equal((await app.services.imports.get(SYSTEM, staged)).status, 'committing');
    return { waiting, staged };
  });

  const before = await withDb(data.options, async (d) => {
    const keyIds = await keyIdsByKind(d);
    for (const kind of KINDS) assert.ok((keyIds[kind]?.[A.id] ?? 0) > 0, `${kind}: seeded under A (${JSON.stringify(keyIds[kind])})`);
    assert.deepEqual(
      SEALED_COLUMNS.map((c) => c.kind).sort(),
      [...KINDS].sort(),
      'every declared kind is seeded here',
    );
    return keyIds;
  });
  const plain = await withApp(data.options, underA, (app, d) => readEverything(app, d, underA));
  assert.ok(Object.keys(plain.persons).length > 50 && Object.keys(plain.bankAccounts).length > 0 && Object.keys(plain.visits).length > 0 && Object.values(plain.files).some((f) => f.includes('Pindaian KTP')));

  // 2. A sealed-looking column no module declares: refused, nothing changed.
  await withDb(data.options, (d) => sql`create table rogue_store (id bigint primary key, secret_ct bytea, note_dek_wrapped bytea)`.execute(d.db));
  const refused = await tuntas(['keys', 'rotate', '--json'], env);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /rogue_store\.note_dek_wrapped, rogue_store\.secret_ct look sealed but no declaration covers them/);
  await withDb(data.options, async (d) => {
    assert.deepEqual(await keyIdsByKind(d), before, 'refused before changing anything');
    await sql`drop table rogue_store`.execute(d.db);
  });

  // 3. The rotation: every kind under B, counted per kind; staged rows discarded.
  const rotated = await tuntas(['keys', 'rotate', '--json', '--batch-size', '7'], env);
  assert.equal(rotated.code, 0, rotated.stderr);
  const result = JSON.parse(rotated.stdout) as Record<string, unknown>;
  assert.equal(result.keyId, B.id);
  for (const kind of KINDS) {
    const expected = Object.values(before[kind]!).reduce((a, b) => a + b, 0);
    assert.equal(result[kind], expected, `${kind}: every row moved (or, staged, discarded)`);
    assert.match(rotated.stderr, new RegExp(`^${kind} ${expected}/${expected}$`, 'm'), `${kind}: progress on stderr`);
  }
  await withDb(data.options, async (d) => {
    const after = await keyIdsByKind(d);
    for (const kind of KINDS.filter((k) => k !== 'stagedImportRows')) assert.deepEqual(after[kind], { [B.id]: Object.values(before[kind]!).reduce((a, b) => a + b, 0) }, kind);
    assert.deepEqual(after.stagedImportRows, {}, 'staged rows under the old key discarded');
    const event = await d.db.selectFrom('audit_event').select('summary').where('action', '=', 'keys.rotated').executeTakeFirstOrThrow();
    assert.deepEqual(event.summary, result, 'the audit event holds the counts');
  });

  // 4. Only B: every kind opens through its service, to the same values; the imports commit from their re-wrapped files.
  const onlyB = keyRing(B);
  await withApp(data.options, onlyB, async (app, d) => {
    assert.deepEqual(await readEverything(app, d, onlyB), plain);
    await app.services.imports.commit(SYSTEM, made.waiting);
    await app.services.jobs.runUntilIdle(); // both commit jobs: the staged import is staged again
    for (const id of [made.waiting, made.staged]) {
      assert.equal((await app.services.imports.get(SYSTEM, id)).status, 'committed', `import ${id}`);
      const persons = await personsOfImport(d.db, id);
      assert.equal(persons.length, 3);
      for (const p of persons) assert.match(String((await app.services.persons.reveal(SYSTEM, p.id, { fields: ['fullName'], reason: REASON })).fields.fullName), /^Quilla Zafirah 7[12]0[0-2]$/);
    }
  });
  const plainAfterImports = await withApp(data.options, onlyB, (app, d) => readEverything(app, d, onlyB));

  // 5. --reencrypt, interrupted in the bank accounts and resumed by the command: fresh ciphertexts everywhere, same values.
  const sealedBefore = await withDb(data.options, async (d) => new Map(await Promise.all(SEALED_COLUMNS.map(async (c) => [c.kind, await ciphertexts(d, c)] as const))));
  await withDb(data.options, async (d) => {
    await assert.rejects(
      rotateKeys(d.db, onlyB, SYSTEM, {
        reencrypt: true,
        batchSize: 1,
        pauseMs: 0,
        progress: (kind, done) => {
          if (kind === 'bankAccounts' && done === 1) throw new Error('interrupted');
        },
      }),
      /interrupted/,
    );
    const meta = (await d.db.selectFrom('app_meta').select('key').where('key', 'like', 'keys.reencrypt%').orderBy('key').execute()).map((m) => m.key);
    assert.deepEqual(meta, ['keys.reencrypt_cutoff', 'keys.reencrypt_position.bankAccounts']);
  });
  const resumed = await tuntas(['keys', 'rotate', '--reencrypt', '--json'], { ...data.env, MASTER_KEY: B.key.toString('base64') });
  assert.equal(resumed.code, 0, resumed.stderr);
  const re = JSON.parse(resumed.stdout) as Record<string, number>;
  const bankAccounts = sealedBefore.get('bankAccounts')!.size;
  assert.equal(re.persons, 0, 'persons were done before the interruption (their data keys are newer than the cut-off)');
  assert.equal(re.bankAccounts, bankAccounts - 1, 'the bank accounts continue after the one done');
  assert.equal(re.caseNotes, sealedBefore.get('caseNotes')!.size);
  assert.equal(re.cryptoKeys, 0, 'the blind-index key is only ever re-wrapped');
  await withDb(data.options, async (d) => {
    for (const c of SEALED_COLUMNS) {
      const now = await ciphertexts(d, c);
      for (const [key, hex] of sealedBefore.get(c.kind)!) if (now.has(key)) assert.notEqual(now.get(key), hex, `${c.kind} ${key}: a fresh ciphertext`);
    }
    assert.deepEqual(await d.db.selectFrom('app_meta').select('key').where('key', 'like', 'keys.reencrypt%').execute(), [], 'the run’s cut-off and positions are gone');
  });
  await withApp(data.options, onlyB, async (app, d) => {
    assert.deepEqual(await readEverything(app, d, onlyB), plainAfterImports);
  });
});
