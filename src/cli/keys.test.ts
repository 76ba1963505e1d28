// `tuntas keys rotate` through the real command: a rotation killed mid-way and
// run again loses nothing and wraps nothing twice; afterwards the new key alone
// opens every person, the blind indexes are unchanged and TOTP secrets open.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PGLITE_ONLY } from '../server/test/build-app.ts';
import { test } from 'node:test';
import { cliContext } from '../server/platform/auth/actor.ts';
import { systemClock } from '../server/platform/auth/clock.ts';
import { keyRing } from '../server/platform/crypto/key-provider.ts';
import { masterKeyFrom } from '../server/platform/crypto/master-key.ts';
import { SecretBox } from '../server/platform/crypto/secret-box.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { PersonService } from '../server/modules/registry/persons.service.ts';
import { UserService } from '../server/modules/users/users.service.ts';
import { BIN, tempDataDir, tuntas } from '../server/test/processes.ts';

const A = Buffer.alloc(32, 11).toString('base64');
const B = Buffer.alloc(32, 22).toString('base64');
const SYSTEM = cliContext('test');
const COUNT = 12;
const nikOf = (i: number) => `65030245078500${String(i + 10).padStart(2, '0')}`;

async function withDb<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function seed(dataDir: string): Promise<{ bidx: (number | null)[] }> {
  return withDb(dataDir, async (database) => {
    await migrate(database.db);
    await database.db
      .insertInto('region')
      .values([
        { code: '65', parent_code: null, level: 'province', name: 'Kalimantan Utara', source: 'test' },
        { code: '65.03', parent_code: '65', level: 'regency', name: 'Nunukan', source: 'test' },
      ])
      .execute();
    const persons = new PersonService(database.db, keyRing(masterKeyFrom(A)), systemClock, 300_000);
    for (let i = 0; i < COUNT; i++)
      await persons.create(SYSTEM, {
        fullName: `Orang Rotasi ${i}`,
        nik: nikOf(i),
        kk: undefined,
        birthDate: undefined,
        phone: `08120000${String(i).padStart(4, '0')}`,
        address: undefined,
        sex: 'female',
        alias: undefined,
        regencyCode: '65.03',
        siteId: undefined,
        lawfulBasis: 'public_task',
        assignedUserId: undefined,
      });
    const { user } = await new UserService(database.db).create(SYSTEM, { username: 'mfa-user', displayName: 'MFA', roles: ['admin'], scope: 'national', password: 'kopi-tubruk-ombak-senja-17' });
    await database.db.updateTable('app_user').set({ mfa_secret_enc: new SecretBox(masterKeyFrom(A), 'totp').seal('JBSWY3DPEHPK3PXP'), mfa_enabled: true }).where('id', '=', user.id).execute();
    const rows = await database.db.selectFrom('person').select('nik_bidx').orderBy('id').execute();
    return { bidx: rows.map((r) => r.nik_bidx) };
  });
}

/** Runs rotate and SIGKILLs it after its second progress line (one batch committed). */
function rotateAndKill(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'keys', 'rotate', '--batch-size', '3', '--pause-ms', '400'], {
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/persons [1-9]\d*\/\d+/.test(err)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', () => resolve(err));
  });
}

test('keys rotate: killed mid-way and run again, every person ends under the new key, readable with it alone; indexes unchanged; TOTP re-sealed', PGLITE_ONLY, async (t) => {
  const dataDir = tempDataDir(t);
  const { bidx } = await seed(dataDir);
  const env = { DATA_DIR: dataDir, MASTER_KEY: B, MASTER_KEY_PREVIOUS: A };

  const killedOutput = await rotateAndKill(env);
  assert.match(killedOutput, /persons 3\/12/);
  const midway = await withDb(dataDir, (d) => d.db.selectFrom('person').select(['key_id']).execute());
  const underB = midway.filter((r) => r.key_id === masterKeyFrom(B).id).length;
  assert.ok(underB >= 3 && underB < COUNT, `killed mid-way: ${underB} of ${COUNT} under the new key`);

  const resumed = await tuntas(['keys', 'rotate', '--batch-size', '3', '--json'], env);
  assert.equal(resumed.code, 0, resumed.stderr);
  const result = JSON.parse(resumed.stdout);
  assert.equal(result.persons, COUNT - underB, 'the second run continues where the first stopped');
  assert.equal(result.keyId, masterKeyFrom(B).id);

  // Without the previous key now: everything opens with B alone.
  await withDb(dataDir, async (d) => {
    const persons = new PersonService(d.db, keyRing(masterKeyFrom(B)), systemClock, 300_000);
    const rows = await d.db.selectFrom('person').selectAll().orderBy('id').execute();
    assert.equal(rows.length, COUNT);
    for (const [i, r] of rows.entries()) {
      assert.equal(r.key_id, masterKeyFrom(B).id);
      const identity = persons.sealer.open<{ nik: string }>(`person/${r.case_code}`, { ciphertext: Buffer.from(r.identity_ct!), wrappedKey: Buffer.from(r.dek_wrapped!) });
      assert.equal(identity.nik, nikOf(i));
    }
    assert.deepEqual(rows.map((r) => r.nik_bidx), bidx);
    const indexer = await persons.blindIndexer();
    assert.equal(indexer.index('nik', nikOf(5)), bidx[5], 'the blind-index key survived the rotation');
    const user = await d.db.selectFrom('app_user').select('mfa_secret_enc').where('username', '=', 'mfa-user').executeTakeFirstOrThrow();
    assert.equal(new SecretBox(masterKeyFrom(B), 'totp').open(user.mfa_secret_enc!), 'JBSWY3DPEHPK3PXP');
    const audited = await d.db.selectFrom('audit_event').select('action').where('action', '=', 'keys.rotated').execute();
    assert.equal(audited.length, 1);
  });

  // Nothing left: a further run changes nothing. --reencrypt gives fresh ciphertexts, still readable with B.
  const again = await tuntas(['keys', 'rotate', '--json'], { DATA_DIR: dataDir, MASTER_KEY: B });
  assert.equal(JSON.parse(again.stdout).persons, 0, again.stderr);
  const before = await withDb(dataDir, (d) => d.db.selectFrom('person').select(['id', 'identity_ct']).orderBy('id').execute());
  const re = await tuntas(['keys', 'rotate', '--reencrypt', '--json'], { DATA_DIR: dataDir, MASTER_KEY: B });
  assert.equal(JSON.parse(re.stdout).persons, COUNT, re.stderr);
  await withDb(dataDir, async (d) => {
    const persons = new PersonService(d.db, keyRing(masterKeyFrom(B)), systemClock, 300_000);
    const rows = await d.db.selectFrom('person').selectAll().orderBy('id').execute();
    for (const [i, r] of rows.entries()) {
      assert.ok(!Buffer.from(r.identity_ct!).equals(Buffer.from(before[i]!.identity_ct!)));
      assert.equal(persons.sealer.open<{ nik: string }>(`person/${r.case_code}`, { ciphertext: Buffer.from(r.identity_ct!), wrappedKey: Buffer.from(r.dek_wrapped!) }).nik, nikOf(i));
    }
    assert.equal(await d.db.selectFrom('app_meta').select('key').where('key', '=', 'keys.reencrypt_cutoff').executeTakeFirst(), undefined);
  });

  // Rotating without the old key configured fails, naming the missing key, and changes nothing.
  const C = Buffer.alloc(32, 33).toString('base64');
  const missing = await tuntas(['keys', 'rotate'], { DATA_DIR: dataDir, MASTER_KEY: C });
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /MASTER_KEY_PREVIOUS/);
});
