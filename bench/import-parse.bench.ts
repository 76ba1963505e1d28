// Import, parse + validate: a million-row CSV and xlsx of fake people, each read
// with the import reader and every row validated, beside baselines measured in the
// same run (reading the CSV's bytes and splitting lines; ExcelJS's streaming reader
// alone; inflating the xlsx parts). Each measurement runs in its own process, so
// its peak RSS is its own.
//
//   npm run bench:import-parse -- [rows=1000000] [--skip-exceljs]
//
// Targets (issue 5): CSV ≤ 3 s and < 300 MB; xlsx ≤ 20 s and < 512 MB.
// The files are generated once under the system temp folder (not timed) and reused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeCsv, fakeXlsx } from './import-fixtures.ts';

type Task = 'csv-lines' | 'csv' | 'xlsx-inflate' | 'xlsx-exceljs' | 'xlsx';

interface Measured {
  seconds: number;
  rows: number;
  peakMb: number;
  note?: string;
}

async function run(task: Task, file: string): Promise<Measured> {
  const started = performance.now();
  let rows = 0;
  let note: string | undefined;
  if (task === 'csv-lines') {
    // The floor: the bytes read and decoded, lines split, nothing parsed.
    let rest = '';
    for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      rows += lines.length;
    }
    if (rest) rows++;
    rows--; // the header
  } else if (task === 'xlsx-inflate') {
    const yauzl = (await import('yauzl')).default;
    const zlib = await import('node:zlib');
    const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
    let bytes = 0;
    for await (const entry of zip.eachEntry()) {
      const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false } as never);
      const stream = entry.compressionMethod === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 1 << 18 })) : raw;
      for await (const b of stream as AsyncIterable<Buffer>) bytes += b.length;
    }
    zip.close();
    note = `${Math.round(bytes / 1e6)} MB of XML`;
  } else if (task === 'xlsx-exceljs') {
    const ExcelJS = (await import('exceljs')).default;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const sheet of reader) for await (const _row of sheet) rows++;
    rows--;
    note = 'rows only, no validation';
  } else {
    const { readRowBatches } = await import('../src/server/modules/imports/import-reader.ts');
    const { createRowValidator, mapHeader } = await import('../src/server/modules/imports/row-validation.ts');
    const { nikRegions } = await import('../src/server/modules/registry/nik-regions.ts');
    nikRegions(); // loaded once per process in real use too; not part of a file's time
    const t = performance.now();
    let valid = 0;
    let errors = 0;
    let warnings = 0;
    let validate: ReturnType<typeof createRowValidator> | undefined;
    for await (const batch of readRowBatches(file, task, { batchSize: 1000 })) {
      if (batch.header) validate = createRowValidator(mapHeader(batch.header, batch.headerRow).columns, { today: new Date() });
      for (const raw of batch.rows) {
        const r = validate!(raw);
        rows++;
        if (r.value) valid++;
        for (const i of r.issues) if (i.severity === 'error') errors++;
        else warnings++;
      }
    }
    note = `${valid} valid, ${errors} errors, ${warnings} warnings`;
    return { seconds: (performance.now() - t) / 1000, rows, peakMb: process.resourceUsage().maxRSS / 1024, note };
  }
  return { seconds: (performance.now() - started) / 1000, rows, peakMb: process.resourceUsage().maxRSS / 1024, note };
}

function measure(task: Task, file: string): Measured {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', task, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${task} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    console.log(JSON.stringify(await run(args[1] as Task, args[2]!)));
    return;
  }
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const skipExcelJs = args.includes('--skip-exceljs');
  console.log(`Import parse + validate, ${n.toLocaleString('en')} rows (files under the temp folder, generated once, not timed)`);
  const csv = await fakeCsv(n);
  const xlsx = await fakeXlsx(n);
  console.log(`  CSV ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB, xlsx ${(fs.statSync(xlsx).size / 1e6).toFixed(0)} MB\n`);
  const scale = n / 1_000_000;
  const rows: [string, Task, string, number | undefined, number | undefined][] = [
    ['CSV baseline: read + split lines', 'csv-lines', csv, undefined, undefined],
    ['CSV parse + validate', 'csv', csv, 3 * scale, 300],
    ['xlsx baseline: inflate all parts', 'xlsx-inflate', xlsx, undefined, undefined],
    ...(skipExcelJs ? [] : [['xlsx baseline: exceljs streaming reader', 'xlsx-exceljs', xlsx, undefined, undefined] as [string, Task, string, undefined, undefined]]),
    ['xlsx parse + validate', 'xlsx', xlsx, 20 * scale, 512],
  ];
  let failed = false;
  console.log(`${'measurement'.padEnd(42)}${'seconds'.padStart(9)}${'rows'.padStart(11)}${'peak RSS'.padStart(11)}  target`);
  for (const [label, task, file, seconds, mb] of rows) {
    const m = measure(task, file);
    const ok = (seconds === undefined || m.seconds <= seconds) && (mb === undefined || m.peakMb < mb);
    if (!ok) failed = true;
    const target = seconds === undefined ? '' : `≤ ${seconds.toFixed(1)} s, < ${mb} MB: ${ok ? 'met' : 'MISSED'}`;
    console.log(`${label.padEnd(42)}${m.seconds.toFixed(2).padStart(9)}${m.rows.toLocaleString('en').padStart(11)}${`${Math.round(m.peakMb)} MB`.padStart(11)}  ${target}${m.note ? `  (${m.note})` : ''}`);
  }
  if (scale !== 1) console.log('\nTime targets are scaled to the row count; the memory targets are for a million rows.');
  process.exitCode = failed ? 1 : 0;
}

await main();
