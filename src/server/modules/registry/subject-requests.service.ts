// Data-subject requests under UU 27/2022: registered with their channel and the
// time received, due 3×24 hours later, then open → in progress → answered or
// refused (a refusal names its legal ground). Answering applies the request:
// restriction sets `processing_restricted`, deletion crypto-shreds the identity and
// every other module's sealed copy of it (persons.erasure.ts, erasure-steps.ts), all
// or nothing, and records what it shredded (counts only); an access request is
// answered with its export (subject-requests.export.ts), which holds the identity
// only when the producing user may reveal it, and is audited with the request as the
// reason.
import type { z } from 'zod';
import type { Scope } from '../../../common/auth.ts';
import {
  SUBJECT_REQUEST_HOURS,
  SUBJECT_REQUEST_TRANSITIONS,
  type AccessExport,
  type CreateSubjectRequestSchema,
  type LiftRestrictionSchema,
  type SubjectRequest,
  type SubjectRequestListQuerySchema,
  type UpdateSubjectRequestSchema,
} from '../../../common/registry-rights.ts';
import { IDENTITY_FIELDS } from '../../../common/persons.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize, can, requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import { personError } from './persons.errors.ts';
import { erasePerson, restrictProcessing, type Erasure, type ErasureStep } from './persons.erasure.ts';
import { covers, visibility } from './persons.policy.ts';
import { findPerson, type PersonRow } from './persons.repository.ts';
import { openIdentity } from './persons.sealing.ts';
import type { PersonService } from './persons.service.ts';
import { actorUserId, personReaches } from './registry-access.ts';
import { rightsError } from './registry-rights.errors.ts';
import { collectAccessExport, renderAccessExportPdf } from './subject-requests.export.ts';
import { findRequest, listRequests, lockRequest, type RequestScope, type SubjectRequestRow } from './subject-requests.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const HOUR_MS = 3_600_000;

export class SubjectRequestService {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly clock: Clock,
    private readonly reauthMs: number,
    /** The modules' parts of an erasure (erasure-steps.ts). */
    private readonly erasureSteps: readonly ErasureStep[],
  ) {}

  private scope(ctx: Context): RequestScope {
    return ctx.actor.kind === 'system' ? 'all' : (ctx.actor.scope as Scope);
  }

  private out(ctx: Context, r: SubjectRequestRow): SubjectRequest {
    const manage = can(ctx.actor, 'subject_request.manage');
    const final = r.status === 'answered' || r.status === 'refused';
    return {
      id: r.id,
      personId: r.person_id,
      caseCode: r.case_code,
      regencyCode: r.regency_code,
      kind: r.kind,
      channel: r.channel,
      receivedAt: iso(r.received_at),
      dueAt: iso(r.due_at),
      status: r.status,
      overdue: Boolean(r.overdue),
      details: r.details,
      responseNote: r.response_note,
      refusalReason: r.refusal_reason,
      correctedFields: r.corrected_fields,
      exportedAt: r.exported_at ? iso(r.exported_at) : null,
      erasure: r.erasure_counts ?? null,
      answeredAt: r.answered_at ? iso(r.answered_at) : null,
      answeredBy: r.answered_by_name ?? null,
      registeredBy: r.registered_by_name ?? null,
      createdAt: iso(r.created_at),
      actions: [...(manage && !final ? (['update'] as const) : []), ...(manage && r.kind === 'access' && r.status !== 'refused' ? (['export'] as const) : [])],
    };
  }

  async list(ctx: Context, query: z.output<typeof SubjectRequestListQuerySchema>): Promise<{ items: SubjectRequest[]; total: number }> {
    authorize(ctx.actor, 'subject_request.read');
    const { rows, total } = await listRequests(this.db, this.scope(ctx), query, this.clock());
    return { items: rows.map((r) => this.out(ctx, r)), total };
  }

  async get(ctx: Context, id: number): Promise<SubjectRequest> {
    authorize(ctx.actor, 'subject_request.read');
    const r = await findRequest(this.db, this.scope(ctx), id, this.clock());
    if (!r) throw rightsError('subject_request.not_found');
    return this.out(ctx, r);
  }

  /** The person the caller may act on: visible to them (else 404) and in their scope (else 403). */
  private async person(db: Executor, ctx: Context, personId: number): Promise<PersonRow> {
    const reaches = await personReaches(db, ctx);
    const p = await findPerson(db, visibility(ctx.actor, reaches.read), personId);
    if (!p) throw personError('person.not_found');
    if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, p.regency_code)) throw authError('auth.out_of_scope');
    return p;
  }

  async create(ctx: Context, input: z.output<typeof CreateSubjectRequestSchema>): Promise<SubjectRequest> {
    authorize(ctx.actor, 'subject_request.manage');
    const now = this.clock();
    const received = input.receivedAt ? new Date(input.receivedAt) : now;
    // A minute of grace for clocks that differ between the office PC and the server.
    if (received.getTime() > now.getTime() + 60_000) throw rightsError('subject_request.received_in_future');
    const id = await inTransaction(this.db, async (tx) => {
      const p = await this.person(tx, ctx, input.personId);
      const dueAt = new Date(received.getTime() + SUBJECT_REQUEST_HOURS * HOUR_MS);
      const row = await tx
        .insertInto('subject_request')
        .values({
          person_id: p.id,
          kind: input.kind,
          channel: input.channel,
          received_at: received,
          due_at: dueAt,
          details: input.details || null,
          registered_by: actorUserId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'subject_request.registered',
        entityType: 'subject_request',
        entityId: row.id,
        regionCode: p.regency_code,
        summary: { caseCode: p.case_code, personId: p.id, kind: input.kind, channel: input.channel, dueAt: dueAt.toISOString() },
      });
      return row.id;
    });
    return this.get(ctx, id);
  }

  /** in_progress, answered (with its effect) or refused (with a legal reason). */
  async update(ctx: Context, id: number, input: z.output<typeof UpdateSubjectRequestSchema>): Promise<SubjectRequest> {
    authorize(ctx.actor, 'subject_request.manage');
    const note = input.responseNote?.trim() || null;
    const refusal = input.refusalReason?.trim() || null;
    if (input.status === 'refused' && !refusal) throw rightsError('subject_request.refusal_reason_required');
    if (input.status === 'answered' && !note) throw rightsError('subject_request.note_required');
    await inTransaction(this.db, async (tx) => {
      await lockRequest(tx, id);
      const r = await findRequest(tx, this.scope(ctx), id, this.clock());
      if (!r) throw rightsError('subject_request.not_found');
      if (!SUBJECT_REQUEST_TRANSITIONS[r.status].includes(input.status)) throw rightsError('subject_request.bad_transition', { from: r.status, to: input.status });
      const p = await this.person(tx, ctx, r.person_id);
      const base = { entityType: 'person', entityId: p.id, regionCode: p.regency_code, reason: `Permintaan subjek data #${id} (${r.kind})` };
      let effect: string | null = null;
      let erasure: Erasure | null = null;
      if (input.status === 'answered') {
        if (r.kind === 'access' && !r.exported_at) throw rightsError('subject_request.export_first');
        if (r.kind === 'restriction' && (await restrictProcessing(tx, p.id, true))) effect = 'person.processing_restricted';
        if (r.kind === 'deletion') {
          // Irreversible: the password again, whatever the route allowed.
          requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
          // A step may refuse (a payment in flight): the transaction then changes nothing.
          erasure = await erasePerson(tx, p.id, this.erasureSteps, this.clock());
          if (erasure) effect = 'person.erased';
        }
      }
      await tx
        .updateTable('subject_request')
        .set({
          status: input.status,
          ...(erasure ? { erasure_counts: JSON.stringify(erasure.counts) } : {}),
          ...(note !== null ? { response_note: note } : {}),
          ...(input.status === 'refused' ? { refusal_reason: refusal } : {}),
          ...(input.status === 'answered' || input.status === 'refused' ? { answered_by: actorUserId(ctx), answered_at: this.clock() } : {}),
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      // The modules' own events (e.g. referral.shredded), then the erasure with its counts.
      for (const event of erasure?.events ?? []) await audit(tx, ctx, event);
      if (effect) await audit(tx, ctx, { ...base, action: effect, summary: { caseCode: p.case_code, subjectRequestId: id, ...(erasure ? { shredded: erasure.counts } : {}) } });
      await audit(tx, ctx, {
        action: `subject_request.${input.status}`,
        entityType: 'subject_request',
        entityId: id,
        regionCode: p.regency_code,
        reason: refusal,
        summary: { caseCode: p.case_code, personId: p.id, kind: r.kind, from: r.status, to: input.status, overdue: Boolean(r.overdue) },
      });
    });
    return this.get(ctx, id);
  }

  /** Ends a restriction of processing (e.g. once a disputed accuracy is settled). */
  async liftRestriction(ctx: Context, personId: number, input: z.output<typeof LiftRestrictionSchema>): Promise<void> {
    authorize(ctx.actor, 'subject_request.manage');
    await inTransaction(this.db, async (tx) => {
      const p = await this.person(tx, ctx, personId);
      if (!(await restrictProcessing(tx, p.id, false))) throw rightsError('person.not_restricted');
      await audit(tx, ctx, {
        action: 'person.restriction_lifted',
        entityType: 'person',
        entityId: p.id,
        regionCode: p.regency_code,
        reason: input.reason,
        summary: { caseCode: p.case_code },
      });
    });
  }

  /**
   * The access export. The identity is decrypted only for a caller whose reveal
   * reach covers the person (a restriction does not stop it: this answers a
   * request); each export is audited with the request as the reason.
   */
  async export(ctx: Context, id: number, format: 'pdf' | 'json'): Promise<{ filename: string; json: AccessExport; pdf: Buffer | null }> {
    authorize(ctx.actor, 'subject_request.manage');
    requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    const reaches = await personReaches(this.db, ctx);
    const now = this.clock();
    const data = await inTransaction(this.db, async (tx) => {
      const r = await findRequest(tx, this.scope(ctx), id, now);
      if (!r) throw rightsError('subject_request.not_found');
      if (r.kind !== 'access') throw rightsError('subject_request.not_access');
      if (r.status === 'refused') throw rightsError('subject_request.refused');
      const p = await this.person(tx, ctx, r.person_id);
      const allowed = covers(ctx.actor, reaches.reveal, { regencyCode: p.regency_code, assignedUserId: p.assigned_user_id });
      const withheld = p.erased_at ? ('erased' as const) : allowed ? null : ('not_allowed' as const);
      const identity = withheld === null ? openIdentity(this.persons.sealer, p) : null;
      const json = await collectAccessExport(tx, p, r, identity, withheld, now);
      // Only a complete copy answers the request: one without the identity (caller not allowed) does not count.
      if (withheld !== 'not_allowed') await tx.updateTable('subject_request').set({ exported_at: now, updated_at: now }).where('id', '=', id).execute();
      await audit(tx, ctx, {
        action: 'person.data_exported',
        entityType: 'person',
        entityId: p.id,
        regionCode: p.regency_code,
        reason: `Permintaan subjek data #${id} (akses)`,
        summary: {
          caseCode: p.case_code,
          subjectRequestId: id,
          format,
          identityIncluded: identity !== null,
          fields: identity ? IDENTITY_FIELDS.filter((f) => identity[f] !== undefined) : [],
        },
      });
      return json;
    });
    const filename = `data-pribadi-${data.person.caseCode}-permintaan-${id}.${format}`;
    const producedBy = ctx.actor.kind === 'user' ? ctx.actor.displayName : ctx.actor.username;
    return { filename, json: data, pdf: format === 'pdf' ? await renderAccessExportPdf(data, producedBy) : null };
  }
}
