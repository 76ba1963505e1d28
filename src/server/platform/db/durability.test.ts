// The embedded database across real processes: SIGKILL mid-writes loses no
// committed row, and a second process on the same data directory is refused.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGLITE_ONLY } from '../../test/build-app.ts';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './database.ts';
import { DataDirLockedError } from './data-dir-lock.ts';

const WRITER = fileURLToPath(new URL('../../test/fixtures/committing-writer.ts', import.meta.url));

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuntas-durability-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts the writer and resolves once it has committed `rows` rows. */
function startWriter(dataDir: string, rows: number): Promise<{ child: ChildProcess; committed: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const committed: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('write-')) committed.push(line);
      if (committed.length >= rows) resolve({ child, committed });
    });
    child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

test('after SIGKILL mid-writes, every committed row is there on the next open', PGLITE_ONLY, async (t) => {
  const dataDir = tempDir(t);
  const { child, committed } = await startWriter(dataDir, 300);
  child.kill('SIGKILL');
  await exited(child);
  assert.equal(child.signalCode, 'SIGKILL');

  // The lock left by the killed process is stale and taken over.
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const rows = await database.db.selectFrom('app_meta').select('key').where('key', 'like', 'write-%').execute();
    const present = new Set(rows.map((r) => r.key));
    const lost = committed.filter((k) => !present.has(k));
    assert.deepEqual(lost, [], `${lost.length} committed rows lost`);
    assert.ok(present.size >= committed.length);
  } finally {
    await database.close();
  }
});

test('a second process on the same data directory is refused at once with a clear message', PGLITE_ONLY, async (t) => {
  const dataDir = tempDir(t);
  const { child } = await startWriter(dataDir, 1);
  t.after(() => void child.kill('SIGKILL'));
  const started = Date.now();
  await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), (err: Error) => {
    assert.ok(err instanceof DataDirLockedError);
    assert.equal(err.ownerPid, child.pid);
    assert.match(err.message, /is in use by another Tuntas process \(pid \d+\)/);
    assert.match(err.message, /DATABASE_URL/);
    return true;
  });
  assert.ok(Date.now() - started < 1000, 'the refusal must not wait');
  child.kill('SIGKILL');
  await exited(child);
});
