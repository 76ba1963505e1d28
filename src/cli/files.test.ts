// `tuntas files seal` through the real command, on files stored in clear before
// encryption at rest: the server refuses to start while any remain; a run killed
// mid-way and run again seals each file exactly once; afterwards every file opens
// with the master key, nothing is left in clear, and the server starts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { KeyWrapper, RecordSealer } from '../server/platform/crypto/envelope.ts';
import { keyRing } from '../server/platform/crypto/key-provider.ts';
import { masterKeyFrom } from '../server/platform/crypto/master-key.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { readFile } from '../server/platform/files/files.ts';
import { PGLITE_ONLY } from '../server/test/build-app.ts';
import { scanDatabase } from '../server/test/plaintext-scan.ts';
import { BIN, startServerProcess, tempDataDir, tuntas } from '../server/test/processes.ts';

const A = Buffer.alloc(32, 44).toString('base64');
const COUNT = 6;
const MARKER = 'LEGACY-SCAN-91c2';
const bytesOf = (i: number) => Buffer.from(`%PDF-1.4\n% ${MARKER} ${i}\n%%EOF\n`);
const nameOf = (i: number) => `KTP_Warga_Fiktif_${i}.pdf`;

async function withDb<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A database as an older version left it: files in clear. */
async function seedLegacy(dataDir: string): Promise<void> {
  await withDb(dataDir, async (database) => {
    await migrate(database.db);
    for (let i = 0; i < COUNT; i++) {
      const bytes = bytesOf(i);
      await database.db
        .insertInto('stored_file')
        .values({ sha256: createHash('sha256').update(bytes).digest('hex'), size_bytes: bytes.length, content_type: 'application/pdf', original_name: nameOf(i), content: bytes, created_by: null })
        .execute();
    }
  });
}

/** Runs the command with a time limit (a server that should have refused must not hang the test). */
function run(args: string[], env: Record<string, string>, killWhen?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (killWhen?.test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    });
  });
}

test('files seal: the server refuses plaintext files; a killed run resumes; every file then opens, nothing is in clear, the server starts', PGLITE_ONLY, async (t) => {
  const dataDir = tempDataDir(t);
  await seedLegacy(dataDir);
  const env = { DATA_DIR: dataDir, MASTER_KEY: A };

  const refused = await run(['serve', '--no-build'], { ...env, PORT: '0', SERVE_WEB: 'false' });
  assert.equal(refused.code, 4, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /6 uploaded file\(s\) from before this version are still stored unencrypted\. Run `npx tuntas files seal`/);

  const killed = await run(['files', 'seal', '--batch-size', '1', '--pause-ms', '400'], env, /files [1-9]\d*\/6/);
  assert.equal(killed.code, null, 'killed mid-way');
  const midway = await withDb(dataDir, (d) => d.db.selectFrom('stored_file').select(['id', 'key_id']).orderBy('id').execute());
  const sealedFirst = midway.filter((r) => r.key_id !== null).length;
  assert.ok(sealedFirst >= 1 && sealedFirst < COUNT, `killed mid-way: ${sealedFirst} of ${COUNT} sealed`);

  const resumed = await tuntas(['files', 'seal', '--batch-size', '2', '--json'], env);
  assert.equal(resumed.code, 0, resumed.stderr);
  const result = JSON.parse(resumed.stdout);
  assert.deepEqual([result.sealed, result.remaining, result.keyId], [COUNT - sealedFirst, 0, masterKeyFrom(A).id], 'the second run seals only the rest');

  await withDb(dataDir, async (d) => {
    const sealer = new RecordSealer(new KeyWrapper(keyRing(masterKeyFrom(A))));
    const rows = await d.db.selectFrom('stored_file').selectAll().orderBy('id').execute();
    assert.equal(rows.length, COUNT);
    for (const [i, r] of rows.entries()) {
      assert.deepEqual([r.content, r.original_name, r.sha256, r.key_id], [null, null, null, masterKeyFrom(A).id]);
      const file = (await readFile(d.db, sealer, r.id))!;
      assert.deepEqual([file.content, file.originalName], [bytesOf(i), nameOf(i)]);
    }
    assert.deepEqual(await scanDatabase(d, [MARKER, 'KTP_Warga']), []);
    const events = await d.db.selectFrom('audit_event').select(['action', 'summary', 'actor_username']).where('action', '=', 'files.sealed').execute();
    assert.deepEqual(events.map((e) => e.summary), [{ sealed: COUNT - sealedFirst, remaining: 0 }], 'audited with counts only (the killed run committed no event)');
  });

  const again = await tuntas(['files', 'seal'], env);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /Sealed 0 file\(s\) under master key \w+; 0 still in clear\./);

  const server = await startServerProcess(env);
  t.after(() => void server.child.kill('SIGKILL'));
  assert.equal((await fetch(`${server.url}/api/ready`)).status, 200);
  server.child.kill('SIGTERM');
  await server.exited;
});
