#!/usr/bin/env node
// npm test: every *.test.ts under src/ with node's test runner, on embedded
// PGlite; then, when TEST_DATABASE_URL or DATABASE_URL is set, again on that
// PostgreSQL server. --postgres: PostgreSQL only. --e2e: browser tests.
// --isolated: a process per test file (slower; for a test that misbehaves shared).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('test-worker.mjs', import.meta.url));
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const only = args.filter((a) => !a.startsWith('--'));

function find(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix) && !f.includes('node_modules'))
    .map((f) => path.join(dir, f))
    .sort();
}

// V8 (Node 22+) can abort with "Check failed: jit_page_->allocations_.erase(addr)"
// when it frees WebAssembly code while many PGlite instances come and go in
// one process (nodejs/node#64500). Test processes keep their wasm code instead;
// PGlite compiles its module once per process, so the cost is small.
const V8_FLAGS = ['--no-wasm-code-gc'];

/** Browser tests, or --isolated: one process per file (node --test). */
function runIsolated(files, env, label, concurrency) {
  console.log(`\n# ${label}: ${files.length} file(s), a process each`);
  const result = spawnSync(
    process.execPath,
    [...V8_FLAGS, '--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  return result.status ?? 1;
}

/**
 * The suite: two long-lived processes (one per core) that each take the next file when
 * they finish one (test-worker.mjs). The app's modules and PGlite's WebAssembly load
 * once per process instead of once per file (measured: about a minute less on
 * PostgreSQL; on PGlite the database work itself dominates). Files that start processes
 * or run the authorization matrix go first, so the two end at about the same time.
 */
async function runShared(files, env, label) {
  const queue = [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  const processes = Math.min(2, queue.length);
  console.log(`\n# ${label}: ${files.length} file(s) in ${processes} processes`);
  const workers = Array.from({ length: processes }, () =>
    spawn(process.execPath, [...V8_FLAGS, '--import', 'tsx', '--test-reporter=spec', WORKER], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    }),
  );
  for (const worker of workers) worker.on('message', () => worker.send({ file: queue.shift() ?? null }));
  const codes = await Promise.all(workers.map((w) => new Promise((resolve) => w.on('exit', (code) => resolve(code ?? 1)))));
  console.log(`# ${label}: ${codes.every((c) => c === 0) ? 'passed' : `FAILED (exit codes ${codes.join(', ')})`}`);
  return codes.find((c) => c !== 0) ?? 0;
}

function weight(file) {
  const source = fs.readFileSync(file, 'utf8');
  const heavy = /authorization-matrix|startServerProcess|tuntas\(|spawn\(/.test(source);
  return (heavy ? 1e7 : 0) + source.length;
}

function run(files, env, label) {
  if (files.length === 0) {
    console.error(`No test files found for ${label}`);
    return 1;
  }
  // Browser tests wait on the browser and their server much of the time: two at once.
  if (flags.has('--e2e')) return runIsolated(files, env, label, 2);
  if (flags.has('--isolated')) return runIsolated(files, env, label, 2);
  return runShared(files, env, label);
}

const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
let status = 0;
if (flags.has('--e2e')) {
  status = await run(only.length ? only : find('e2e', '.e2e.ts'), {}, 'browser tests');
} else {
  const files = only.length ? only : find('src', '.test.ts');
  const noPg = { TEST_DATABASE_URL: '', DATABASE_URL: '' };
  if (!flags.has('--postgres')) status = await run(files, noPg, 'tests on PGlite (embedded)');
  if (flags.has('--postgres') || pgUrl) {
    const url = pgUrl || 'postgres://postgres@127.0.0.1:5432/test';
    status = (await run(files, { TEST_DATABASE_URL: url, DATABASE_URL: '' }, `tests on PostgreSQL (${new URL(url).host})`)) || status;
  }
}
process.exit(status);
