#!/usr/bin/env node
// npm test: every *.test.ts under src/ with node's test runner, on embedded
// PGlite; then, when TEST_DATABASE_URL or DATABASE_URL is set, again on that
// PostgreSQL server. --postgres: PostgreSQL only. --e2e: browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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

function run(files, env, label) {
  if (files.length === 0) {
    console.error(`No test files found for ${label}`);
    return 1;
  }
  console.log(`\n# ${label}: ${files.length} file(s)`);
  const result = spawnSync(
    process.execPath,
    [...V8_FLAGS, '--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${flags.has('--e2e') ? 1 : 2}`, ...files],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  return result.status ?? 1;
}

const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
let status = 0;
if (flags.has('--e2e')) {
  status = run(only.length ? only : find('e2e', '.e2e.ts'), {}, 'browser tests');
} else {
  const files = only.length ? only : find('src', '.test.ts');
  const noPg = { TEST_DATABASE_URL: '', DATABASE_URL: '' };
  if (!flags.has('--postgres')) status = run(files, noPg, 'tests on PGlite (embedded)');
  if (flags.has('--postgres') || pgUrl) {
    const url = pgUrl || 'postgres://postgres@127.0.0.1:5432/test';
    status = run(files, { TEST_DATABASE_URL: url, DATABASE_URL: '' }, `tests on PostgreSQL (${new URL(url).host})`) || status;
  }
}
process.exit(status);
