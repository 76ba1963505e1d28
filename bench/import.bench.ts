// Import, the whole pipeline: a clean list of n fake people (CSV and xlsx) read,
// validated, sealed by the worker pool (AES-256-GCM per row, three blind indexes,
// the NIK match token), staged with COPY, then moved into person — on PostgreSQL and
// on PGlite — by the operators' command itself (`tuntas import persons`), beside
// baselines measured in the same run: the same sealing work alone on the same pool,
// and `psql \copy` of the resulting staging rows. Each measurement runs in its own
// process, so its peak RSS is its own.
//
//   npm run bench:import -- [rows=1000000] [--no-xlsx] [--no-pglite]
//
// Targets (issue 5): CSV pipeline ≤ 20 s on PostgreSQL and ≤ 1.5 × (sealing alone +
// \copy); PGlite within 2 × PostgreSQL; < 300 MB (CSV) / < 512 MB (xlsx); xlsx ≤ 40 s.
// PostgreSQL: TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (a
// throw-away database is created beside it and dropped). Files are generated once
// under the system temp folder (not timed) and reused.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SELF = fileURLToPath(import.meta.url);
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const MASTER = Buffer.alloc(32, 9).toString('base64');
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const HEADER = ['nama_lengkap', 'nama_samaran', 'jenis_kelamin', 'nik', 'no_kk', 'tanggal_lahir', 'telepon', 'alamat'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Clean fake people: every row valid, every NIK distinct (a file with one error imports nothing). */
function* cleanPeople(n: number): Generator<string[]> {
  for (let i = 0; i < n; i++) {
    const dateIndex = Math.floor(i / 9990);
    const s = i % 9990;
    const serial = s + 1 + Math.floor(s / 999); // 0001 … 9999, never …000
    const d = new Date(Date.UTC(1960, 0, 1) + dateIndex * 5 * 86_400_000);
    const [day, month, year] = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
    const female = dateIndex % 5 !== 0;
    const nik = `650302${pad(female ? day + 40 : day)}${pad(month)}${pad(year % 100)}${pad(serial, 4)}`;
    const birth = i % 3 === 0 ? `${day} ${MONTHS[month - 1]} ${year}` : i % 3 === 1 ? `${pad(day)}/${pad(month)}/${year}` : `${pad(day)}-${pad(month)}-${year}`;
    yield [`Orang Fiktif ${i.toString(36).toUpperCase()}`, `Alias ${i}`, female ? 'P' : 'L', nik, `650302${pad(i, 9)}1`, birth, `0812${pad(i, 8)}`, `Jl. Contoh No. ${i % 200}, Desa Rekaan`];
  }
}

async function cleanCsv(n: number): Promise<string> {
  const file = path.join(os.tmpdir(), `tuntas-bench-clean-${n}.csv`);
  if (fs.existsSync(file)) return file;
  const out = fs.openSync(`${file}.part`, 'w');
  let chunk = `${HEADER.join(',')}\n`;
  for (const r of cleanPeople(n)) {
    chunk += `${r.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  fs.renameSync(`${file}.part`, file);
  return file;
}

async function cleanXlsx(n: number): Promise<string> {
  const file = path.join(os.tmpdir(), `tuntas-bench-clean-${n}.xlsx`);
  if (fs.existsSync(file)) return file;
  const { writeFixtureXlsx } = await import('./xlsx-writer.ts'); // the parse benchmark's Excel-like writer
  await writeFixtureXlsx(`${file}.part`, function* () {
    yield HEADER;
    yield* cleanPeople(n);
  });
  fs.renameSync(`${file}.part`, file);
  return file;
}

// ---------------------------------------------------------------- child tasks

type Task = 'seal' | 'stage-file' | 'copy';
interface Measured {
  seconds: number;
  rows: number;
  peakMb: number;
  phases?: Record<string, number>;
  note?: string;
}

async function prepared(engine: 'postgres' | 'pglite', where: string) {
  const { openDatabase } = await import('../src/server/platform/db/database.ts');
  const database = engine === 'postgres' ? await openDatabase({ kind: 'postgres', url: where, poolSize: 4 }) : await openDatabase({ kind: 'pglite', dataDir: where });
  return database;
}

async function setUp(engine: 'postgres' | 'pglite', where: string): Promise<void> {
  const { migrate } = await import('../src/server/platform/db/migrate.ts');
  const database = await prepared(engine, where);
  await migrate(database.db);
  await database.db
    .insertInto('region')
    .values([
      { code: '65', parent_code: null, level: 'province', name: 'Kalimantan Utara', source: 'bench' },
      { code: '65.03', parent_code: '65', level: 'regency', name: 'Nunukan', source: 'bench' },
      { code: '65.03.02', parent_code: '65.03', level: 'district', name: 'Sebuku', source: 'bench' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await database.db.insertInto('site').values({ code: 'LOK-6503-001', name: 'Lokalisasi Uji', region_code: '65.03.02', regency_code: '65.03' }).onConflict((oc) => oc.doNothing()).execute();
  await database.close();
}

async function child(task: Task, args: { engine: 'postgres' | 'pglite'; where: string; file: string; rows: number; out?: string }): Promise<Measured> {
  const { keyRing } = await import('../src/server/platform/crypto/key-provider.ts');
  const { masterKeyFrom } = await import('../src/server/platform/crypto/master-key.ts');
  const { KeyWrapper } = await import('../src/server/platform/crypto/envelope.ts');
  const { loadIndexKeyMaterial } = await import('../src/server/platform/crypto/index-key.ts');
  const { SealPool } = await import('../src/server/modules/imports/seal-pool.ts');
  const keys = keyRing(masterKeyFrom(MASTER));
  const database = await prepared(args.engine, args.where);
  const phases: Record<string, number> = {};
  let started = performance.now();
  let rows = 0;
  try {
    if (task === 'seal' || task === 'stage-file') {
      // 'seal': the sealing work alone on the same pool (2 workers, 5,000-row batches), its
      // main thread idle: the file's first 50,000 validated rows, cycled with fresh case
      // codes up to n rows (holding a million parsed rows would make the main thread's
      // garbage collection the bottleneck). 'stage-file' (not timed): the file's rows
      // streamed through the same pool into binary COPY tuples: a whole COPY stream for
      // psql \copy, and the same batches framed (byte length, rows) for PGlite's copyInto.
      const { readRowBatches } = await import('../src/server/modules/imports/import-reader.ts');
      const { createRowValidator, mapHeader } = await import('../src/server/modules/imports/row-validation.ts');
      type Row = { row: number; caseCode: string; fullName: string; sex: 'male' | 'female' };
      const wrapper = new KeyWrapper(keys);
      const pool = new SealPool(wrapper, await loadIndexKeyMaterial(database.db, wrapper), 2);
      const { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } = await import('../src/server/platform/db/copy-binary.ts');
      const out = task === 'stage-file' ? fs.openSync(args.out!, 'w') : undefined;
      const framed = task === 'stage-file' ? fs.openSync(`${args.out!}.frames`, 'w') : undefined;
      if (out !== undefined) fs.writeSync(out, COPY_BINARY_HEADER);
      const inflight: Promise<{ encoded: string | Uint8Array; rows: number }>[] = [];
      const take = async () => {
        const e = await inflight.shift()!;
        rows += e.rows;
        if (out === undefined || framed === undefined) return;
        const bytes = e.encoded as Uint8Array;
        fs.writeSync(out, bytes);
        const frame = Buffer.alloc(8);
        frame.writeUInt32BE(bytes.byteLength, 0);
        frame.writeUInt32BE(e.rows, 4);
        fs.writeSync(framed, frame);
        fs.writeSync(framed, bytes);
      };
      const send = async (batch: Row[]) => {
        inflight.push(pool.seal({ importId: 1, rows: batch, mode: task === 'seal' ? 'seal' : 'stage' }));
        if (inflight.length >= 4) await take();
      };
      let validate: ReturnType<typeof createRowValidator> | undefined;
      let n = 0;
      const templates: Row[][] = [];
      for await (const b of readRowBatches(args.file, args.file.endsWith('.csv') ? 'csv' : 'xlsx')) {
        if (b.header) validate = createRowValidator(mapHeader(b.header).columns, { today: new Date() });
        const batch = b.rows.map((raw) => ({ ...validate!(raw).value!, caseCode: `TNT-6503-${pad(++n, 7)}` }));
        if (batch.length === 0) continue;
        if (task === 'stage-file') await send(batch);
        else if (templates.length < 10) templates.push(batch);
        else break;
      }
      if (task === 'seal') {
        started = performance.now();
        for (let done = 0, k = 0; done < args.rows; k++) {
          const template = templates[k % templates.length]!.slice(0, args.rows - done);
          await send(template.map((r, i) => ({ ...r, row: done + i + 2, caseCode: `TNT-6503-${pad(done + i + 1, 7)}` })));
          done += template.length;
        }
      }
      while (inflight.length) await take();
      if (out !== undefined) {
        fs.writeSync(out, COPY_BINARY_TRAILER);
        fs.closeSync(out);
      }
      if (framed !== undefined) fs.closeSync(framed);
      await pool.close();
    } else if (task === 'copy') {
      // PGlite has no psql: the same batches through copyInto, read from the framed file.
      const { STAGING_COLUMNS } = await import('../src/server/modules/imports/seal-batch.ts');
      started = performance.now();
      function* batches() {
        const fd = fs.openSync(`${args.out!}.frames`, 'r');
        try {
          const frame = Buffer.alloc(8);
          while (fs.readSync(fd, frame, 0, 8, null) === 8) {
            const bytes = Buffer.allocUnsafe(frame.readUInt32BE(0));
            fs.readSync(fd, bytes, 0, bytes.length, null);
            yield { encoded: bytes, rows: frame.readUInt32BE(4) };
          }
        } finally {
          fs.closeSync(fd);
        }
      }
      rows = await database.copyInto('person_import_row', STAGING_COLUMNS, batches(), 'binary');
    }
  } finally {
    await database.close();
  }
  return { seconds: (performance.now() - started) / 1000, rows, peakMb: Math.round(process.resourceUsage().maxRSS / 1024), phases };
}

/**
 * The whole pipeline as operators run it: `tuntas import persons FILE --site CODE --json`
 * (bin/tuntas.mjs, the same bundle as the server), which reports its own times and peak
 * memory (its maxRSS: the main thread and the seal workers).
 */
function runImportCommand(args: { engine: 'postgres' | 'pglite'; where: string; file: string }): Measured {
  const env = {
    ...process.env,
    DATABASE_URL: args.engine === 'postgres' ? args.where : '',
    DATA_DIR: args.engine === 'pglite' ? args.where : path.join(os.tmpdir(), 'tuntas-bench-unused'),
    MASTER_KEY: MASTER,
    IMPORT_WORKERS: '2',
    LOG_LEVEL: 'warn',
  };
  const cli = fileURLToPath(new URL('../bin/tuntas.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [cli, 'import', 'persons', args.file, '--site', 'LOK-6503-001', '--json'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`tuntas import failed (${r.status}): ${r.stdout.slice(-2000)} ${r.stderr.slice(-2000)}`);
  const s = JSON.parse(r.stdout) as { status: string; committed: number; seconds: number; stagingSeconds: number; peakMemoryMb: number };
  if (s.status !== 'committed') throw new Error(`import ${s.status}: ${r.stdout}`);
  return { seconds: s.seconds, rows: s.committed, peakMb: s.peakMemoryMb, phases: { stage: s.stagingSeconds, commit: s.seconds - s.stagingSeconds } };
}

function runChild(task: Task, args: object): Measured {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', task, JSON.stringify(args)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`${task} failed (${r.status}): ${r.stdout.slice(-2000)}`);
  return JSON.parse(last) as Measured;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function psqlCopy(url: string, file: string, columns: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy person_import_row (${columns.join(', ')}) from '${file}' with (format binary)`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  return (performance.now() - started) / 1000;
}

const fmt = (m: Measured) => `${m.seconds.toFixed(2)} s, ${m.rows.toLocaleString('en')} rows, peak ${m.peakMb} MB${m.phases && Object.keys(m.phases).length ? ` (${Object.entries(m.phases).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')})` : ''}`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const m = await child(argv[1] as Task, JSON.parse(argv[2]!));
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return;
  }
  const n = Number(argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const withXlsx = !argv.includes('--no-xlsx');
  const withPglite = !argv.includes('--no-pglite');
  const { STAGING_COLUMNS } = await import('../src/server/modules/imports/seal-batch.ts');
  console.log(`# import pipeline, ${n.toLocaleString('en')} rows, ${os.cpus().length} cores, Node ${process.version}`);
  const csv = await cleanCsv(n);
  console.log(`csv: ${csv} (${Math.round(fs.statSync(csv).size / 1e6)} MB)`);

  const name = `tuntas_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const stagingFile = path.join(os.tmpdir(), `tuntas-bench-staging-${process.pid}.copy`);
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuntas-bench-pglite-'));
  const results: Record<string, Measured> = {};
  try {
    await adminQuery(`create database ${name}`);
    await setUp('postgres', url.toString());
    const pgArgs = { engine: 'postgres', where: url.toString(), rows: n };

    results.seal = runChild('seal', { ...pgArgs, file: csv });
    console.log(`baseline  sealing alone (same pool, 2 workers):   ${fmt(results.seal)}`);
    runChild('stage-file', { ...pgArgs, file: csv, out: stagingFile });
    await adminQuery(`select 1`);
    const copySeconds = psqlCopy(url.toString(), stagingFile, STAGING_COLUMNS);
    results.copy = { seconds: copySeconds, rows: n, peakMb: 0 };
    console.log(`baseline  psql \\copy of the staging rows:          ${copySeconds.toFixed(2)} s (${Math.round(fs.statSync(stagingFile).size / 1e6)} MB of binary COPY)`);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('truncate person_import_row');
    await client.end();

    results.pg = runImportCommand({ engine: 'postgres', where: url.toString(), file: csv });
    const floor = results.seal.seconds + copySeconds;
    const stage = results.pg.phases!.stage!;
    console.log(`pipeline  CSV → PostgreSQL:                        ${fmt(results.pg)}`);
    console.log(
      `          staging ${stage.toFixed(2)} s = ${(stage / floor).toFixed(2)} × (sealing + \\copy = ${floor.toFixed(2)} s) [target ≤ 1.5 ×, ≤ 20 s]; ` +
        `with the commit ${results.pg.seconds.toFixed(2)} s; peak ${results.pg.peakMb} MB [target < 300 MB]`,
    );

    if (withPglite) {
      await setUp('pglite', pgliteDir);
      const copyPglite = runChild('copy', { engine: 'pglite', where: pgliteDir, file: csv, rows: n, out: stagingFile });
      console.log(`baseline  PGlite copyInto of the staging rows:     ${fmt(copyPglite)}`);
      fs.rmSync(pgliteDir, { recursive: true, force: true });
      await setUp('pglite', pgliteDir);
      results.pglite = runImportCommand({ engine: 'pglite', where: pgliteDir, file: csv });
      const ps = results.pglite.phases!.stage!;
      console.log(`pipeline  CSV → PGlite:                            ${fmt(results.pglite)}`);
      console.log(`          staging ${ps.toFixed(2)} s = ${(ps / stage).toFixed(2)} × PostgreSQL [target ≤ 2 ×]; with the commit ${(results.pglite.seconds / results.pg.seconds).toFixed(2)} ×`);
    }

    if (withXlsx) {
      const xlsx = await cleanXlsx(n);
      console.log(`xlsx: ${xlsx} (${Math.round(fs.statSync(xlsx).size / 1e6)} MB)`);
      results.xlsx = runImportCommand({ engine: 'postgres', where: url.toString(), file: xlsx });
      console.log(`pipeline  xlsx → PostgreSQL:                       ${fmt(results.xlsx)} [target ≤ 40 s, < 512 MB]`);
    }
  } finally {
    fs.rmSync(stagingFile, { force: true });
    fs.rmSync(`${stagingFile}.frames`, { force: true });
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    await adminQuery(`drop database if exists ${name} with (force)`).catch(() => {});
  }
}

await main();
