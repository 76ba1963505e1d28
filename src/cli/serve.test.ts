// `tuntas serve` as a real process: start, refuse a second opener, shut down
// cleanly, and survive SIGKILL in the middle of a background job.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PGLITE_ONLY } from '../server/test/build-app.ts';
import { test } from 'node:test';
import { preparedData } from '../server/test/prepared-data.ts';
import { startServerProcess, tempDataDir, tuntas, waitFor } from '../server/test/processes.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function json(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

test('serve prints where it listens and where the data lives; SIGTERM closes the database cleanly', PGLITE_ONLY, async (t) => {
  const dataDir = (await preparedData(t)).env.DATA_DIR!;
  const server = await startServerProcess({ DATA_DIR: dataDir });
  t.after(() => void server.child.kill('SIGKILL'));
  assert.match(server.output(), /Tuntas is running at http:\/\/localhost:\d+/);
  assert.match(server.output(), /Create the first administrator within 60 minutes at:\n {2}http:\/\/localhost:\d+\/penyiapan#token=[\w-]{43}/);
  assert.ok(server.output().includes(`Data: PGlite (embedded) in ${dataDir}`));
  assert.equal((await json(`${server.url}/api/ready`)).status, 200);

  // While the server holds the data directory, a command that needs it says so plainly.
  const started = Date.now();
  const blocked = await tuntas(['regions', '--parent', '65'], { DATA_DIR: dataDir });
  assert.equal(blocked.code, 3);
  assert.match(blocked.stderr, /in use by another Tuntas process \(pid \d+\).*stop that process first, or run Tuntas against PostgreSQL/s);
  assert.ok(Date.now() - started < 10_000);

  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0);
  assert.equal(fs.existsSync(path.join(dataDir, 'tuntas.lock')), false, 'the lock is released');
  const after = await tuntas(['regions', '--parent', '65', '--json'], { DATA_DIR: dataDir });
  assert.equal(after.code, 0, after.stderr);
  assert.equal(JSON.parse(after.stdout).length, 5);
});

test('after SIGKILL during the region import, the next start finishes it', PGLITE_ONLY, async (t) => {
  const dataDir = tempDataDir(t);
  const env = { DATA_DIR: dataDir, JOB_POLL_MS: '50', MFA_REQUIRED: 'false' };
  const first = await startServerProcess(env);
  t.after(() => void first.child.kill('SIGKILL'));
  // Kill as soon as the import has committed some rows but not all.
  await waitFor(async () => {
    const { body } = await json(`${first.url}/api/regions/summary`);
    return body.counts.regency > 0 && body.lastImport?.status === 'running' ? true : undefined;
  });
  first.child.kill('SIGKILL');
  await first.exited;

  const second = await startServerProcess(env);
  t.after(() => void second.child.kill('SIGKILL'));
  const summary = await waitFor(async () => {
    const { body } = await json(`${second.url}/api/regions/summary`);
    return body.lastImport?.status === 'succeeded' ? body : undefined;
  });
  assert.deepEqual(summary.counts, { province: 38, regency: 514, district: 7285, village: 0, former: 5 });
  assert.equal(summary.lastImport.attempts, 2);
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0);
});
