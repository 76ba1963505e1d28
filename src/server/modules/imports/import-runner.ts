// Runs an import's passes and keeps its record up to date: the background jobs
// (uploads) and the CLI (local files) both come through here.
//
// Resumability: every step can be killed. Staging rows are cleared before a
// stage pass starts (a rerun starts over; case codes reserved by the killed run
// become gaps). The move into person is one transaction that also marks the import
// committed and deletes its staging rows and file chunks, so an import is either
// wholly in person or not at all. A job whose process died is claimed again
// (lease expiry, or at start on the embedded database) and calls commit() again.
// A master-key rotation discards staged rows still under an old key (under the
// import's lock): the move then finds them short, moves nothing, and the import
// is staged again from its file under the current key.
import type { ImportStatus } from '../../../common/imports.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { KeyWrapper } from '../../platform/crypto/envelope.ts';
import { loadIndexKeyMaterial } from '../../platform/crypto/index-key.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import { inTransaction, type Database, type Tx } from '../../platform/db/database.ts';
import { deleteUpload, sealedUpload } from './import-files.ts';
import type { ImportSource } from './import-reader.ts';
import { checkFile, stageFile, type Tally } from './import-pipeline.ts';
import { clearStaging, findImport, lockImport, moveStaged, stagedCount, updateImport, type ImportRecord } from './imports.repository.ts';
import { SealPool } from './seal-pool.ts';

export interface RunnerDeps {
  database: Database;
  keys: KeyProvider;
  /** Seal worker threads (IMPORT_WORKERS). */
  workers: number;
  clock: Clock;
  /** Runs in the commit's transaction (the deduplication schedules its run against the whole registry). */
  afterCommit?: (tx: Tx) => Promise<void>;
}

export interface RunHooks {
  /** The local file (CLI imports); uploads are read from their encrypted chunks. */
  file?: string;
  signal?: AbortSignal;
  /** Progress for a job's bar or the CLI's line (rows read; total when known). */
  progress?(done: number, total: number | null, message: string): Promise<void> | void;
  /** Who the commit's audit event names (default: the import job). */
  ctx?: Context;
}

export type RunOutcome = { status: ImportStatus; tally?: Tally };

const JOB_CONTEXT: Context = { actor: { kind: 'system', username: 'job:persons.import' }, request: { requestId: null, ip: null, userAgent: null } };
const PROGRESS_WRITE_MS = 500;

function tallyColumns(t: Tally) {
  return {
    total_rows: t.totalRows,
    valid_rows: t.validRows,
    error_rows: t.errorRows,
    error_count: t.errorCount,
    warning_count: t.warningCount,
    issues: JSON.stringify(t.issues),
    issues_truncated: t.issuesTruncated,
    preview: JSON.stringify(t.preview),
  };
}

const clean = (t: Tally) => t.headerUsable && t.errorCount === 0;

/** The import was cancelled while a pass read it. */
class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export class ImportRunner {
  readonly wrapper: KeyWrapper;

  constructor(private readonly deps: RunnerDeps) {
    this.wrapper = new KeyWrapper(deps.keys);
  }

  get db() {
    return this.deps.database.db;
  }

  /** What to read for one pass (the local file, or the sealed upload), and how to let it go. */
  private async open(imp: ImportRecord, hooks: RunHooks): Promise<{ source: ImportSource; dispose(): void }> {
    if (imp.source === 'local') {
      if (!hooks.file) throw new Error(`import ${imp.id} reads a local file: run it from the command line`);
      return { source: hooks.file, dispose: () => {} };
    }
    const upload = await sealedUpload(this.db, this.wrapper, imp.id);
    return { source: upload, dispose: upload.dispose };
  }

  /**
   * Row progress: to the caller (job bar / CLI) and, throttled, to the import record with a
   * heartbeat. The write finds out when someone cancelled the import: the pass stops there.
   */
  private reporter(imp: ImportRecord, hooks: RunHooks, message: string) {
    let last = 0;
    return async (done: number) => {
      await hooks.progress?.(done, imp.total_rows, message);
      if (Date.now() - last < PROGRESS_WRITE_MS) return;
      last = Date.now();
      const running = await updateImport(this.db, imp.id, { progress_done: done, progress_total: imp.total_rows, heartbeat_at: new Date() }, ['validating', 'staging']);
      if (!running) throw new ImportCancelled();
    };
  }

  private async fail(imp: ImportRecord, err: unknown): Promise<void> {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    await updateImport(this.db, imp.id, { status: 'failed', failure: message, finished_at: new Date() }, ['uploaded', 'validating', 'staging', 'committing']);
    await clearStaging(this.db, imp.id);
    await deleteUpload(this.db, imp.id);
  }

  /** The dry run: counts, issues and preview; nothing identifying is stored. */
  async check(importId: number, hooks: RunHooks = {}): Promise<RunOutcome> {
    const imp = await findImport(this.db, importId);
    if (!imp) throw new Error(`import ${importId} not found`);
    if (!(await updateImport(this.db, imp.id, { status: 'validating', heartbeat_at: new Date(), progress_done: 0 }, ['uploaded', 'validating']))) return { status: imp.status };
    try {
      const source = await this.open(imp, hooks);
      let tally: Tally;
      try {
        tally = await checkFile(source.source, imp.kind, { today: this.deps.clock(), signal: hooks.signal, progress: this.reporter(imp, hooks, 'validating') });
      } finally {
        source.dispose();
      }
      const status = clean(tally) ? 'validated' : 'invalid';
      const done = await updateImport(
        this.db,
        imp.id,
        { ...tallyColumns(tally), status, validated_at: new Date(), progress_done: tally.totalRows, progress_total: tally.totalRows, heartbeat_at: null },
        ['validating'],
      );
      // A failed dry run ends the import (the office fixes the file and uploads it again).
      if (status === 'invalid' || !done) await deleteUpload(this.db, imp.id);
      return { status: done ? status : 'cancelled', tally };
    } catch (err) {
      if (hooks.signal?.aborted) throw err;
      await this.fail(imp, err);
      return { status: err instanceof ImportCancelled ? 'cancelled' : 'failed' };
    }
  }

  /** Validates, stages and commits (all or nothing); resumes a killed run. */
  async commit(importId: number, hooks: RunHooks = {}): Promise<RunOutcome> {
    let imp = await findImport(this.db, importId);
    if (!imp) throw new Error(`import ${importId} not found`);
    try {
      if (imp.status === 'committing' && imp.valid_rows !== null && (await stagedCount(this.db, imp.id)) === imp.valid_rows) {
        const moved = await this.move(imp, hooks);
        if (moved) return moved;
        imp = (await findImport(this.db, imp.id))!;
      }
      // Staged rows discarded by a key rotation between staging and moving: stage once more.
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.stageAndMove(imp, hooks);
        if (outcome) return outcome;
        if (attempt === 2) throw new Error('its staged rows were discarded again while committing (master-key rotation under way?)');
        imp = (await findImport(this.db, imp.id))!;
      }
    } catch (err) {
      if (hooks.signal?.aborted) throw err;
      await this.fail(imp, err);
      return { status: err instanceof ImportCancelled ? 'cancelled' : 'failed' };
    }
  }

  /** Stages the import from its file and moves it; null when the staged rows went missing before the move. */
  private async stageAndMove(imp: ImportRecord, hooks: RunHooks): Promise<RunOutcome | null> {
    if (!['uploaded', 'validated', 'staging', 'committing'].includes(imp.status)) return { status: imp.status };
    await clearStaging(this.db, imp.id);
    if (!(await updateImport(this.db, imp.id, { status: 'staging', staged_rows: 0, progress_done: 0, heartbeat_at: new Date() }, ['uploaded', 'validated', 'staging', 'committing'])))
      return { status: (await findImport(this.db, imp.id))!.status };
    const pool = new SealPool(this.wrapper, await loadIndexKeyMaterial(this.db, this.wrapper), this.deps.workers);
    let tally: Tally & { staged: number };
    try {
      const source = await this.open(imp, hooks);
      try {
        tally = await stageFile({ database: this.deps.database, pool, importId: imp.id, regencyCode: imp.regency_code }, source.source, imp.kind, {
          today: this.deps.clock(),
          signal: hooks.signal,
          progress: this.reporter(imp, hooks, 'staging'),
        });
      } finally {
        source.dispose();
      }
    } finally {
      await pool.close();
    }
    if (!clean(tally)) {
      await clearStaging(this.db, imp.id);
      await updateImport(this.db, imp.id, { ...tallyColumns(tally), status: 'invalid', validated_at: new Date(), finished_at: new Date(), heartbeat_at: null }, ['staging']);
      await deleteUpload(this.db, imp.id);
      return { status: 'invalid', tally };
    }
    const ready = await updateImport(
      this.db,
      imp.id,
      { ...tallyColumns(tally), status: 'committing', staged_rows: tally.staged, progress_done: tally.totalRows, progress_total: tally.totalRows, validated_at: new Date() },
      ['staging'],
    );
    if (!ready) {
      // Cancelled meanwhile.
      await clearStaging(this.db, imp.id);
      return { status: 'cancelled', tally };
    }
    const moved = await this.move((await findImport(this.db, imp.id))!, hooks);
    return moved && { ...moved, tally };
  }

  /**
   * One transaction: staged rows → person, the import committed, one audit event, staging
   * and chunks deleted. Null, moving nothing, when staged rows are missing (a key rotation
   * discarded them: imports.repository.ts discardStaged).
   */
  private async move(imp: ImportRecord, hooks: RunHooks): Promise<RunOutcome | null> {
    await hooks.progress?.(imp.valid_rows ?? 0, imp.valid_rows, 'committing');
    return inTransaction(this.db, async (tx) => {
      const locked = await lockImport(tx, imp.id);
      if (locked?.status !== 'committing') return { status: locked?.status ?? 'failed' };
      const staged = await stagedCount(tx, imp.id);
      if (staged !== locked.valid_rows) return null;
      const moved = await moveStaged(tx, locked);
      await updateImport(tx, imp.id, {
        status: 'committed',
        committed_rows: moved.count,
        first_case_code: moved.first,
        last_case_code: moved.last,
        staged_rows: 0,
        finished_at: new Date(),
        heartbeat_at: null,
      });
      await clearStaging(tx, imp.id);
      await deleteUpload(tx, imp.id);
      await this.deps.afterCommit?.(tx);
      await audit(tx, hooks.ctx ?? JOB_CONTEXT, {
        action: 'person_import.committed',
        entityType: 'person_import',
        entityId: imp.id,
        regionCode: imp.regency_code,
        summary: {
          siteId: imp.site_id,
          kind: imp.kind,
          rows: moved.count,
          warnings: locked.warning_count ?? 0,
          firstCaseCode: moved.first,
          lastCaseCode: moved.last,
          lawfulBasis: imp.lawful_basis,
          uploadedBy: imp.created_by,
        },
      });
      return { status: 'committed' as const };
    });
  }
}
