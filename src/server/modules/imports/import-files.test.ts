import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sweepOrphanedUploads } from './import-files.ts';

test('decrypted uploads left by a process that died are removed; a live process keeps its own', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tuntas-sweep-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  // Process ids are below 2^22 on Linux: this one cannot be running.
  const dead = path.join(root, 'tuntas-import-4194399-abc');
  const mine = path.join(root, `tuntas-import-${process.pid}-def`);
  const other = path.join(root, 'unrelated');
  for (const dir of [dead, mine, other]) {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'upload.csv'), 'nama_lengkap\nSiti Fiktif\n');
  }
  assert.equal(sweepOrphanedUploads(root), 1);
  assert.deepEqual(fs.readdirSync(root).sort(), [path.basename(mine), 'unrelated'].sort());
});
