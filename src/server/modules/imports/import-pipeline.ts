// The import pipeline, as passes over one file:
// - check: read → map header → validate every row; counts, the first issues and
//   the preview (row numbers and codes only); nothing stored.
// - stage: the same reading and validation, and while no row has an error, the
//   valid rows of each batch get a block of case codes (reserved in one short
//   statement), are sealed by the worker pool and stream into person_import_row
//   with COPY (binary format). An error anywhere → the caller clears the staging rows.
// The commit (imports.commit.ts) then moves the staged rows into person in one
// transaction.
import type { PreviewRow } from '../../../common/imports.ts';
import type { Database } from '../../platform/db/database.ts';
import type { EncodedRows } from '../../platform/db/copy.ts';
import { caseCodeOf } from '../registry/persons.sealing.ts';
import { readRowBatches, type ImportFileKind, type ImportSource } from './import-reader.ts';
import { reserveCaseNumbers, returnCaseNumbers } from './imports.repository.ts';
import { createRowValidator, mapHeader, type ImportRow, type RowIssue } from './row-validation.ts';
import { STAGING_COLUMNS, type SealRow } from './seal-batch.ts';
import type { SealPool } from './seal-pool.ts';

/** Issues kept for the error report (all are counted). */
export const MAX_KEPT_ISSUES = 10_000;
/** Rows shown in the dry-run preview. */
export const PREVIEW_ROWS = 20;

export interface Tally {
  totalRows: number;
  validRows: number;
  errorRows: number;
  errorCount: number;
  warningCount: number;
  /** False when the header row has an error: no row could be read. */
  headerUsable: boolean;
  issues: RowIssue[];
  issuesTruncated: boolean;
  preview: PreviewRow[];
}

export interface PassOptions {
  today: Date;
  signal?: AbortSignal | undefined;
  /** Called after each batch with the rows read so far. */
  progress?(rowsRead: number): Promise<void> | void;
  batchSize?: number;
}

function newTally(): Tally {
  return { totalRows: 0, validRows: 0, errorRows: 0, errorCount: 0, warningCount: 0, headerUsable: true, issues: [], issuesTruncated: false, preview: [] };
}

function keep(t: Tally, issues: RowIssue[]): void {
  for (const i of issues) {
    if (i.severity === 'error') t.errorCount++;
    else t.warningCount++;
    if (t.issues.length < MAX_KEPT_ISSUES) t.issues.push(i);
    else t.issuesTruncated = true;
  }
}

/** Reads and validates a file; yields each batch's valid rows. The tally fills in as it goes. */
async function* validRowBatches(source: ImportSource, kind: ImportFileKind, opts: PassOptions, t: Tally): AsyncGenerator<ImportRow[]> {
  let validate: ReturnType<typeof createRowValidator> | undefined;
  for await (const batch of readRowBatches(source, kind, { signal: opts.signal, batchSize: opts.batchSize })) {
    if (batch.header) {
      const mapped = mapHeader(batch.header, batch.headerRow ?? 1);
      keep(t, mapped.issues);
      if (!mapped.columns.usable || batch.header.length === 0) {
        t.headerUsable = false;
        if (batch.header.length === 0) keep(t, [emptyFileIssue()]);
        return;
      }
      validate = createRowValidator(mapped.columns, { today: opts.today });
    }
    if (!validate) continue;
    const valid: ImportRow[] = [];
    for (const raw of batch.rows) {
      const r = validate(raw);
      if (r.skipped) continue;
      t.totalRows++;
      const errors = r.issues.some((i) => i.severity === 'error');
      if (errors) t.errorRows++;
      else t.validRows++;
      if (r.issues.length > 0) keep(t, r.issues);
      if (t.preview.length < PREVIEW_ROWS)
        t.preview.push({
          row: raw.row,
          status: errors ? 'error' : r.issues.length > 0 ? 'warning' : 'ok',
          issues: r.issues.map((i) => ({ column: i.column, code: i.code, severity: i.severity })),
        });
      if (r.value) valid.push(r.value);
    }
    yield valid;
    await opts.progress?.(t.totalRows);
    opts.signal?.throwIfAborted();
  }
}

function emptyFileIssue(): RowIssue {
  const detail = { id: 'berkas tidak berisi baris judul maupun data', en: 'the file holds neither a header row nor data' };
  return { row: 1, column: '-', code: 'file.empty', severity: 'error', detail, message: { id: `Baris 1: ${detail.id}`, en: `Row 1: ${detail.en}` } };
}

/** The dry run: validation only. */
export async function checkFile(source: ImportSource, kind: ImportFileKind, opts: PassOptions): Promise<Tally> {
  const t = newTally();
  for await (const _valid of validRowBatches(source, kind, opts, t)) {
    /* counted in the tally */
  }
  return t;
}

/**
 * Case numbers for one import, reserved in blocks that double (a batch's worth first, at
 * most 16 batches' worth): a million rows need ~70 round trips to the counter instead of
 * one per batch. The unused end of the last block goes back when the import is done (see
 * returnCaseNumbers), so a small import leaves no gap.
 */
function caseNumbers(database: Database, regencyCode: string) {
  let next = 0;
  let end = -1;
  let block = 0;
  return {
    async take(n: number): Promise<number> {
      if (next + n - 1 > end) {
        if (end >= next) await returnCaseNumbers(database.db, regencyCode, end, next); // a short tail: start afresh
        block = Math.max(n, Math.min(block * 2, n * 16));
        next = await reserveCaseNumbers(database.db, regencyCode, block);
        end = next + block - 1;
      }
      const first = next;
      next += n;
      return first;
    },
    async release(): Promise<void> {
      if (end >= next) await returnCaseNumbers(database.db, regencyCode, end, next);
      end = next - 1;
    },
  };
}

export interface StageTarget {
  database: Database;
  pool: SealPool;
  importId: number;
  regencyCode: string;
}

/**
 * Validates and stages a file. Sealing stops at the first row with an error (the
 * rest is still validated, for the report); the caller then clears the staging rows.
 */
export async function stageFile(target: StageTarget, source: ImportSource, kind: ImportFileKind, opts: PassOptions): Promise<Tally & { staged: number }> {
  const t = newTally();
  const { database, pool, importId, regencyCode } = target;
  const inflight: Promise<EncodedRows>[] = [];
  const depth = pool.size * 2;
  const numbers = caseNumbers(database, regencyCode);
  async function* sealed(): AsyncGenerator<EncodedRows> {
    for await (const valid of validRowBatches(source, kind, opts, t)) {
      if (t.errorCount > 0 || valid.length === 0) continue;
      const first = await numbers.take(valid.length);
      const rows: SealRow[] = valid.map((r, i) => ({ ...r, caseCode: caseCodeOf(regencyCode, first + i) }));
      inflight.push(pool.seal({ importId, rows, mode: 'stage' }));
      while (inflight.length >= depth) yield await inflight.shift()!;
    }
    while (inflight.length > 0) yield await inflight.shift()!;
  }
  try {
    const staged = await database.copyInto('person_import_row', STAGING_COLUMNS, sealed(), 'binary');
    return { ...t, staged };
  } finally {
    await numbers.release().catch(() => {}); // best effort: an unreturned tail is only a gap
    // Batches still being sealed when reading failed: let them settle quietly.
    for (const p of inflight) p.catch(() => {});
  }
}
