// The duplicate review queue: candidate pairs (pseudonymous), decisions that are
// audited and reversible (merge, not a duplicate, undecided), and the runs of the
// matcher as background jobs.
import type { z } from 'zod';
import type { Candidate, CandidateListQuerySchema, Decision, ReopenSchema, StartRunSchema } from '../../../common/duplicates.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { personReaches, actorUserId } from '../registry/registry-access.ts';
import { visibility } from '../registry/persons.policy.ts';
import { duplicateError } from './duplicates.errors.ts';
import { duplicatesRunJob } from './duplicates.job.ts';
import { allowedCandidateActions, mayDecide } from './duplicates.policy.ts';
import {
  createRun,
  decisionHistory,
  findCandidate,
  findRun,
  listCandidates,
  listRuns,
  mergePerson,
  recordDecision,
  setRunJob,
  unmergePerson,
  type CandidateRow,
} from './duplicates.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export class DuplicateService {
  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
  ) {}

  private async visibility(ctx: Context) {
    return visibility(ctx.actor, (await personReaches(this.db, ctx)).read);
  }

  private view(ctx: Context, c: CandidateRow): Candidate {
    const side = (s: 'a' | 'b') => {
      const visible = Boolean(c[`${s}_visible`]);
      return {
        id: c[`${s}_id`],
        caseCode: c[`${s}_case_code`],
        // Outside the reader's scope: the case code and the region only.
        alias: visible ? c[`${s}_alias`] : null,
        regencyCode: c[`${s}_regency_code`],
        regencyName: c[`${s}_regency_name`],
        siteCode: visible ? c[`${s}_site_code`] : null,
        mergedIntoId: c[`${s}_merged_into_id`],
        visible,
      };
    };
    return {
      id: c.id,
      score: Number(c.score),
      reasons: c.reasons,
      status: c.status,
      a: side('a'),
      b: side('b'),
      decidedAt: iso(c.decided_at),
      decidedBy: c.decided_by_name,
      decisionReason: c.decision_reason,
      actions: allowedCandidateActions(ctx.actor, { status: c.status, aRegency: c.a_regency_code, bRegency: c.b_regency_code }),
    };
  }

  async list(ctx: Context, query: z.output<typeof CandidateListQuerySchema>): Promise<{ items: Candidate[]; total: number }> {
    authorize(ctx.actor, 'person.read');
    const { rows, total } = await listCandidates(this.db, await this.visibility(ctx), query);
    return { items: rows.map((c) => this.view(ctx, c)), total };
  }

  async get(ctx: Context, id: number): Promise<Candidate> {
    authorize(ctx.actor, 'person.read');
    const c = await findCandidate(this.db, await this.visibility(ctx), id);
    if (!c) throw duplicateError('duplicate.not_found');
    return this.view(ctx, c);
  }

  async history(ctx: Context, id: number) {
    await this.get(ctx, id);
    const rows = await decisionHistory(this.db, id);
    return { items: rows.map((r) => ({ decision: r.decision, reason: r.reason, decidedBy: r.decided_by_name, decidedAt: iso(r.decided_at)! })) };
  }

  /** Merge (the other record points at the kept one), not a duplicate, or undecided; audited with the reason. */
  async decide(ctx: Context, id: number, input: Decision): Promise<Candidate> {
    authorize(ctx.actor, 'person.manage');
    const v = await this.visibility(ctx);
    await inTransaction(this.db, async (tx) => {
      const c = await findCandidate(tx, v, id, true);
      if (!c) throw duplicateError('duplicate.not_found');
      if (!mayDecide(ctx.actor, { aRegency: c.a_regency_code, bRegency: c.b_regency_code })) throw duplicateError('duplicate.not_both_in_scope');
      if (c.status === 'merged' || c.status === 'not_duplicate') throw duplicateError('duplicate.already_decided', { status: c.status });
      let merged: { kept: string; merged: string } | undefined;
      if (input.decision === 'merged') {
        const [keptId, mergedId] = input.keep === 'a' ? [c.a_id, c.b_id] : [c.b_id, c.a_id];
        if (!(await mergePerson(tx, mergedId, keptId))) throw duplicateError('duplicate.merge_conflict');
        merged = input.keep === 'a' ? { kept: c.a_case_code, merged: c.b_case_code } : { kept: c.b_case_code, merged: c.a_case_code };
      }
      const reason = input.reason?.trim() || null;
      await recordDecision(tx, { id, status: input.decision, decision: input.decision, reason, userId: actorUserId(ctx) });
      await audit(tx, ctx, {
        action: 'duplicate.decided',
        entityType: 'dedup_candidate',
        entityId: id,
        regionCode: c.a_regency_code,
        reason,
        summary: { decision: input.decision, pair: [c.a_case_code, c.b_case_code], score: Number(c.score), ...(merged ? { kept: merged.kept, merged: merged.merged } : {}) },
      });
    });
    return this.get(ctx, id);
  }

  /** Undoes a decision: a merge is reversed (the merged record stands on its own again). */
  async reopen(ctx: Context, id: number, input: z.output<typeof ReopenSchema>): Promise<Candidate> {
    authorize(ctx.actor, 'person.manage');
    const v = await this.visibility(ctx);
    await inTransaction(this.db, async (tx) => {
      const c = await findCandidate(tx, v, id, true);
      if (!c) throw duplicateError('duplicate.not_found');
      if (!mayDecide(ctx.actor, { aRegency: c.a_regency_code, bRegency: c.b_regency_code })) throw duplicateError('duplicate.not_both_in_scope');
      if (c.status !== 'merged' && c.status !== 'not_duplicate') throw duplicateError('duplicate.not_decided');
      if (c.status === 'merged') {
        const undone = (await unmergePerson(tx, c.b_id, c.a_id)) || (await unmergePerson(tx, c.a_id, c.b_id));
        if (!undone) throw duplicateError('duplicate.unmerge_conflict');
      }
      await recordDecision(tx, { id, status: 'open', decision: 'reopened', reason: input.reason, userId: actorUserId(ctx) });
      await audit(tx, ctx, {
        action: 'duplicate.reopened',
        entityType: 'dedup_candidate',
        entityId: id,
        regionCode: c.a_regency_code,
        reason: input.reason,
        summary: { was: c.status, pair: [c.a_case_code, c.b_case_code] },
      });
    });
    return this.get(ctx, id);
  }

  /** Starts a run of the matcher ('new': persons not yet keyed, against everyone; 'full': everyone again). */
  async startRun(ctx: Context, input: z.output<typeof StartRunSchema>) {
    authorize(ctx.actor, 'person.manage');
    const runId = await inTransaction(this.db, async (tx) => {
      const running = await tx.selectFrom('dedup_run').select('id').where('status', '=', 'running').executeTakeFirst();
      if (running) throw duplicateError('duplicate.run_running');
      const runId = await this.enqueueRun(tx, input.mode, actorUserId(ctx));
      await audit(tx, ctx, { action: 'duplicate.run_started', entityType: 'dedup_run', entityId: runId, summary: { mode: input.mode } });
      return runId;
    });
    return this.run(ctx, runId);
  }

  /**
   * After persons are created in bulk (an import's commit, in its transaction): a 'new'
   * run against the whole registry, unless one is waiting to start (it will find them).
   */
  async scheduleNewRun(tx: Tx): Promise<void> {
    const waiting = await tx
      .selectFrom('dedup_run as r')
      .innerJoin('job as j', 'j.id', 'r.job_id')
      .select('r.id')
      .where('r.status', '=', 'running')
      .where('j.status', '=', 'queued')
      .executeTakeFirst();
    if (waiting) return;
    await this.enqueueRun(tx, 'new', null);
  }

  /** A run row and its job, in the caller's transaction. */
  private async enqueueRun(tx: Tx, mode: 'full' | 'new', userId: number | null): Promise<number> {
    const run = await createRun(tx, mode, userId);
    const jobId = await this.jobs.enqueue(duplicatesRunJob, { runId: run.id }, {}, tx);
    await setRunJob(tx, run.id, jobId);
    return run.id;
  }

  private runView(r: RunRow) {
    return {
      id: r.id,
      mode: r.mode,
      status: r.status,
      jobId: r.job_id,
      persons: r.persons,
      pairsScored: r.pairs_scored,
      candidatesFound: r.candidates_found,
      startedAt: iso(r.started_at)!,
      finishedAt: iso(r.finished_at),
    };
  }

  async run(ctx: Context, id: number) {
    authorize(ctx.actor, 'person.read');
    const r = await findRun(this.db, id);
    if (!r) throw duplicateError('duplicate.run_not_found');
    return this.runView(r);
  }

  async runs(ctx: Context) {
    authorize(ctx.actor, 'person.read');
    return { items: (await listRuns(this.db)).map((r) => this.runView(r)) };
  }
}
