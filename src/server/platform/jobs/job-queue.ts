// Database-backed queue: enqueue in any transaction, claim with
// FOR UPDATE SKIP LOCKED so several app servers can share the work.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { JobView } from '../../../common/jobs.ts';
import type { Db, Executor } from '../db/database.ts';
import type { JobDefinition } from './job-definition.ts';
import type { JobTable } from './job.tables.ts';
import type { Selectable } from 'kysely';

type JobRow = Selectable<JobTable>;

export interface EnqueueOptions {
  /** At most one queued or running job per kind and key. */
  dedupeKey?: string;
  runAt?: Date;
}

const LEASE_MS = 60_000;
const PROGRESS_WRITE_MS = 250;

export class JobQueue {
  private readonly definitions = new Map<string, JobDefinition<never>>();
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    definitions: JobDefinition<never>[] = [],
  ) {
    for (const d of definitions) this.register(d);
  }

  register(def: JobDefinition<never>): void {
    if (this.definitions.has(def.id)) throw new Error(`Job defined twice: ${def.id}`);
    this.definitions.set(def.id, def);
  }

  /** Called when a job is enqueued in this process (the worker wakes up at once). */
  onEnqueue(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async enqueue<P>(def: JobDefinition<P>, payload: P, options: EnqueueOptions = {}, executor: Executor = this.db): Promise<number> {
    const parsed = def.payload.parse(payload);
    const inserted = await executor
      .insertInto('job')
      .values({
        kind: def.id,
        version: def.version,
        payload: JSON.stringify(parsed),
        dedupe_key: options.dedupeKey ?? null,
        max_attempts: def.maxAttempts ?? 3,
        ...(options.runAt ? { run_at: options.runAt } : {}),
      })
      .onConflict((oc) =>
        oc.columns(['kind', 'dedupe_key']).where('dedupe_key', 'is not', null).where('status', 'in', ['queued', 'running']).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    const id =
      inserted?.id ??
      (
        await executor
          .selectFrom('job')
          .select('id')
          .where('kind', '=', def.id)
          .where('dedupe_key', '=', options.dedupeKey ?? '')
          .where('status', 'in', ['queued', 'running'])
          .executeTakeFirstOrThrow()
      ).id;
    for (const l of this.listeners) l();
    return id;
  }

  async get(id: number): Promise<JobView | undefined> {
    const row = await this.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toView(row);
  }

  async latest(kind: string): Promise<JobView | undefined> {
    const row = await this.db.selectFrom('job').selectAll().where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row && toView(row);
  }

  /**
   * Embedded database only: one process owns it, so a job still 'running' at
   * start-up belongs to a process that died; queue it again without waiting
   * for its lease to run out.
   */
  async requeueOrphans(): Promise<number> {
    const r = await this.db
      .updateTable('job')
      .set({ status: 'queued', locked_by: null, locked_until: null, run_at: sql<Date>`now()` })
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Claims the next due job (or one whose worker died), or returns undefined. */
  async claim(): Promise<JobRow | undefined> {
    const kinds = [...this.definitions.keys()];
    if (kinds.length === 0) return undefined;
    const result = await sql<JobRow>`
      update job set status = 'running', attempts = attempts + 1, locked_by = ${this.workerId},
        locked_until = now() + ${`${LEASE_MS} milliseconds`}::interval,
        started_at = coalesce(started_at, now())
      where id = (
        select id from job
        where kind in (${sql.join(kinds)}) and run_at <= now()
          and (status = 'queued' or (status = 'running' and locked_until < now()))
        order by run_at, id
        limit 1
        for update skip locked
      )
      returning *`.execute(this.db);
    return result.rows[0];
  }

  /** Runs one due job if there is one; returns whether it ran one. */
  async runNext(signal: AbortSignal = new AbortController().signal): Promise<boolean> {
    const row = await this.claim();
    if (!row) return false;
    await this.execute(row, signal);
    return true;
  }

  /** Runs jobs until none is due (CLI commands and tests). */
  async runUntilIdle(signal?: AbortSignal): Promise<void> {
    while (await this.runNext(signal)) {
      /* keep going */
    }
  }

  private async execute(row: JobRow, signal: AbortSignal): Promise<void> {
    const def = this.definitions.get(row.kind);
    const log = this.log.child({ jobId: row.id, job: row.kind });
    if (!def || def.version !== row.version) {
      await this.finish(row.id, 'failed', null, `No handler for ${row.kind} v${row.version}`);
      return;
    }
    let lastWrite = 0;
    const progress = async (done: number, total: number | null = null, message: string | null = null) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_WRITE_MS && total !== null && done < total) return;
      lastWrite = now;
      await this.db
        .updateTable('job')
        .set({
          progress_done: done,
          progress_total: total,
          progress_message: message,
          locked_until: sql<Date>`now() + ${`${LEASE_MS} milliseconds`}::interval`,
        })
        .where('id', '=', row.id)
        .where('locked_by', '=', this.workerId)
        .execute();
    };
    try {
      const payload = def.payload.parse(row.payload);
      log.info('job started');
      const result = await def.handler({ jobId: row.id, db: this.db, log, progress, signal }, payload as never);
      await this.finish(row.id, 'succeeded', result ?? null, null);
      if (def.repeat) {
        await this.enqueue(def, payload as never, { runAt: def.repeat(new Date()), ...(row.dedupe_key ? { dedupeKey: row.dedupe_key } : {}) });
      }
      log.info('job succeeded');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.error({ err }, 'job failed');
      if (row.attempts < row.max_attempts && !signal.aborted) {
        const delaySeconds = 2 ** row.attempts;
        await this.db
          .updateTable('job')
          .set({
            status: 'queued',
            error: message,
            locked_by: null,
            locked_until: null,
            run_at: sql<Date>`now() + ${`${delaySeconds} seconds`}::interval`,
          })
          .where('id', '=', row.id)
          .execute();
      } else {
        await this.finish(row.id, signal.aborted ? 'queued' : 'failed', null, message);
      }
    }
  }

  private async finish(id: number, status: 'succeeded' | 'failed' | 'queued', result: unknown, error: string | null) {
    await this.db
      .updateTable('job')
      .set({
        status,
        result: result === null ? null : JSON.stringify(result),
        error,
        locked_by: null,
        locked_until: null,
        finished_at: status === 'queued' ? null : sql<Date>`now()`,
        ...(status === 'succeeded' ? { progress_message: null } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
}

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

function toView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total, message: row.progress_message },
    attempts: row.attempts,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
