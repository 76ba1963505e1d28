// Person imports: upload (streamed, stored encrypted), dry run, commit, cancel,
// lists and error reports. `person.manage` and the site's regency in the caller's
// scope; records out of scope are 404. The jobs do the work (import-runner.ts).
import type { z } from 'zod';
import { type ImportAction, type ImportListQuerySchema, type ImportStatus, type PersonImport, type PreviewRow } from '../../../common/imports.ts';
import type { LawfulBasis } from '../../../common/persons.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { AnyActor, Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { deleteUpload, storeUpload } from './import-files.ts';
import type { ImportRunner } from './import-runner.ts';
import { importError } from './imports.errors.ts';
import { formatBytes } from '../../platform/files/files.ts';
import type { ImportJobs } from './imports.jobs.ts';
import { clearStaging, findImport, listImports, siteById, sweepAbandoned, updateImport, type ImportRecord } from './imports.repository.ts';
import type { RowIssue } from './row-validation.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const parseJson = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export const CANCELLABLE: readonly ImportStatus[] = ['uploaded', 'validating', 'validated', 'invalid', 'staging'];

export function importKindOf(filename: string): 'csv' | 'xlsx' {
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'csv' || ext === 'xlsx') return ext;
  throw importError('import.file_type');
}

/** A safe stored name: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(-200) || 'file';
}

export function importActions(actor: AnyActor, imp: Pick<ImportRecord, 'status' | 'error_count' | 'issues'>): ImportAction[] {
  if (actor.kind === 'user' && !actor.permissions.has('person.manage')) return [];
  const out: ImportAction[] = [];
  if (imp.status === 'validated' && (imp.error_count ?? 0) === 0) out.push('commit');
  if (CANCELLABLE.includes(imp.status)) out.push('cancel');
  if (imp.issues !== null) out.push('download_errors');
  return out;
}

export interface UploadInput {
  siteId: number;
  dryRun: boolean;
  lawfulBasis: LawfulBasis;
  filename: string;
  bytes: AsyncIterable<Buffer>;
}

export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
    private readonly importJobs: ImportJobs,
    readonly runner: ImportRunner,
    private readonly maxBytes: number,
  ) {}

  view(ctx: Context, imp: ImportRecord): PersonImport {
    return {
      id: imp.id,
      siteId: imp.site_id,
      siteCode: imp.site_code,
      regencyCode: imp.regency_code,
      kind: imp.kind,
      source: imp.source,
      originalName: imp.original_name,
      sizeBytes: Number(imp.size_bytes),
      status: imp.status,
      dryRun: imp.dry_run,
      lawfulBasis: imp.lawful_basis,
      totalRows: imp.total_rows,
      validRows: imp.valid_rows,
      errorRows: imp.error_rows,
      errorCount: imp.error_count,
      warningCount: imp.warning_count,
      committedRows: imp.committed_rows,
      progress: { done: imp.progress_done, total: imp.progress_total },
      preview: parseJson<PreviewRow[]>(imp.preview),
      firstCaseCode: imp.first_case_code,
      lastCaseCode: imp.last_case_code,
      jobId: imp.job_id,
      failure: imp.failure,
      createdBy: imp.created_by,
      createdAt: new Date(imp.created_at).toISOString(),
      finishedAt: iso(imp.finished_at),
      actions: importActions(ctx.actor, imp),
    };
  }

  private scope(ctx: Context) {
    return ctx.actor.kind === 'system' ? undefined : ctx.actor.scope;
  }

  /** An import the caller may manage (404 otherwise). */
  private async visible(ctx: Context, id: number): Promise<ImportRecord> {
    authorize(ctx.actor, 'person.manage');
    const imp = await findImport(this.db, id, this.scope(ctx));
    if (!imp) throw importError('import.not_found');
    return imp;
  }

  /** Streams the file into encrypted chunks, then queues the dry run (or, without dryRun, the commit). */
  async upload(ctx: Context, input: UploadInput): Promise<{ importId: number; jobId: number }> {
    authorize(ctx.actor, 'person.manage');
    const kind = importKindOf(input.filename);
    const site = await siteById(this.db, input.siteId);
    if (!site) throw importError('import.site_not_found');
    if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, site.regency_code)) throw authError('auth.out_of_scope');
    await sweepAbandoned(this.db, { exclusive: false, staleSeconds: 3600 });
    const created = await this.db
      .insertInto('person_import')
      .values({
        site_id: site.id,
        regency_code: site.regency_code,
        kind,
        source: 'upload',
        original_name: cleanFileName(input.filename),
        status: 'receiving',
        dry_run: input.dryRun,
        lawful_basis: input.lawfulBasis,
        heartbeat_at: new Date(),
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = created.id;
    let size: number;
    try {
      size = await storeUpload(this.db, this.runner.wrapper, id, input.bytes, this.maxBytes);
      if (size === 0) throw importError('import.file_missing');
    } catch (err) {
      await deleteUpload(this.db, id);
      await this.db.deleteFrom('person_import').where('id', '=', id).execute();
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw importError('import.too_large', { limit: formatBytes(this.maxBytes) });
      throw err;
    }
    const jobId = await inTransaction(this.db, async (tx) => {
      const job = input.dryRun ? this.importJobs.check : this.importJobs.commit;
      const jobId = await this.jobs.enqueue(job, { importId: id }, { dedupeKey: `import:${id}` }, tx);
      await updateImport(tx, id, { status: 'uploaded', size_bytes: size, job_id: jobId, heartbeat_at: null });
      await audit(tx, ctx, {
        action: 'person_import.uploaded',
        entityType: 'person_import',
        entityId: id,
        regionCode: site.regency_code,
        summary: { siteId: site.id, kind, sizeBytes: size, dryRun: input.dryRun, lawfulBasis: input.lawfulBasis },
      });
      return jobId;
    });
    return { importId: id, jobId };
  }

  async list(ctx: Context, query: z.output<typeof ImportListQuerySchema>): Promise<{ items: PersonImport[]; total: number }> {
    authorize(ctx.actor, 'person.manage');
    const scope = this.scope(ctx);
    const { rows, total } = await listImports(this.db, scope === undefined ? { level: 'national' } : scope, query);
    return { items: rows.map((r) => this.view(ctx, r)), total };
  }

  async get(ctx: Context, id: number): Promise<PersonImport> {
    return this.view(ctx, await this.visible(ctx, id));
  }

  /** After a clean dry run: queue the commit (it validates again; any error commits nothing). */
  async commit(ctx: Context, id: number): Promise<{ importId: number; jobId: number }> {
    const imp = await this.visible(ctx, id);
    if (imp.source !== 'upload' || imp.status !== 'validated' || (imp.error_count ?? 0) > 0) throw importError('import.not_committable', { status: imp.status });
    const jobId = await inTransaction(this.db, async (tx) => {
      if (!(await updateImport(tx, id, { status: 'staging', progress_done: 0 }, ['validated']))) throw importError('import.not_committable', { status: imp.status });
      const jobId = await this.jobs.enqueue(this.importJobs.commit, { importId: id }, { dedupeKey: `import:${id}` }, tx);
      await updateImport(tx, id, { job_id: jobId });
      await audit(tx, ctx, { action: 'person_import.commit_requested', entityType: 'person_import', entityId: id, regionCode: imp.regency_code, summary: { rows: imp.valid_rows } });
      return jobId;
    });
    return { importId: id, jobId };
  }

  /** Stops an import that is not being committed: its file and staged rows are deleted. */
  async cancel(ctx: Context, id: number): Promise<PersonImport> {
    const imp = await this.visible(ctx, id);
    await inTransaction(this.db, async (tx) => {
      if (!(await updateImport(tx, id, { status: 'cancelled', finished_at: new Date(), heartbeat_at: null }, CANCELLABLE)))
        throw importError('import.not_cancellable', { status: (await findImport(tx, id))?.status ?? imp.status });
      await deleteUpload(tx, id);
      await audit(tx, ctx, { action: 'person_import.cancelled', entityType: 'person_import', entityId: id, regionCode: imp.regency_code, summary: { previousStatus: imp.status } });
    });
    await clearStaging(this.db, id);
    return this.get(ctx, id);
  }

  /** The issues kept for the error report (row, column, code, message; never a cell's value). */
  async issues(ctx: Context, id: number): Promise<{ imp: ImportRecord; issues: RowIssue[] }> {
    const imp = await this.visible(ctx, id);
    const issues = parseJson<RowIssue[]>(imp.issues);
    if (issues === null) throw importError('import.no_report');
    return { imp, issues };
  }
}
