// Referrals of a case to health (incl. HIV and reproductive health), legal-aid,
// employment and shelter services. A referral shares only the fields chosen for
// it: their values are sealed at creation into a snapshot of their own (envelope
// encryption, AAD referral/<id>) and leave the server only in its PDF, audited as
// a reveal. It needs the person's recorded, unwithdrawn consent, or a head of
// office's approval (referral.override) with a reason. Expiry: the snapshot is
// shredded at the first access to the referrals module after its expiry date
// (every use case sweeps first, see sweep()), and on revocation or withdrawal of
// the consent it rests on.
import {
  REFERRAL_MAX_DAYS,
  type CaseReferrals,
  type CreateReferral,
  type Referral,
  type ReferralListQuery,
  type ReferralStatus,
  type ShareableField,
} from '../../../common/referrals.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/database.ts';
import { translateCode, type FieldError } from '../../platform/errors/app-error.ts';
import type { PersonService } from '../registry/persons.service.ts';
import { lockAgainstErasure } from '../registry/persons.erasure.ts';
import { openIdentity } from '../registry/persons.sealing.ts';
import { actorUserId, wibDate } from '../registry/registry-access.ts';
import { caseReaches, caseResource, caseVisibleTo, coversCase, readableCase, type CaseReaches } from '../return-home/case-access.ts';
import { referralRef } from './referral-sealing.ts';
import { referralError } from './referrals.errors.ts';
import { renderReferralPdf } from './referrals.pdf.ts';
import { referralActions } from './referrals.policy.ts';
import * as repo from './referrals.repository.ts';

type Code = Parameters<typeof referralError>[0];
const dateOf = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const IDENTITY: ReadonlySet<ShareableField> = new Set(['fullName', 'birthDate', 'nik', 'phone', 'address']);

function atField(code: Code, field: string, params: Record<string, string | number> = {}) {
  const fields: FieldError[] = [{ field, message: { id: translateCode(code, 'id', params), en: translateCode(code, 'en', params) } }];
  return referralError(code, params, fields);
}

/**
 * Shreds what may no longer be read: snapshots past their expiry date (WIB), and
 * referrals whose consent was withdrawn (revoked too). Audited per referral, never
 * with a value. Runs at the start of every use case and as the daily job.
 */
export async function sweepReferrals(tx: Tx, ctx: Context, now: Date): Promise<void> {
  const expired = await repo.shredExpired(tx, wibDate(now), now);
  const withdrawn = await repo.shredWithdrawn(tx, now);
  for (const [rows, reason] of [
    [expired, 'expired'],
    [withdrawn, 'consent_withdrawn'],
  ] as const)
    for (const r of rows)
      await audit(tx, ctx, { action: 'referral.shredded', entityType: 'referral', entityId: r.id, regionCode: r.regency_code, summary: { caseId: r.case_id, reason } });
}

export class ReferralService {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return wibDate(this.clock());
  }

  /** Shreds what may no longer be read (see sweepReferrals) before any use case runs. */
  sweep(tx: Tx, ctx: Context): Promise<void> {
    return sweepReferrals(tx, ctx, this.clock());
  }

  private status(r: repo.ReferralRow): ReferralStatus {
    if (r.status === 'revoked') return 'revoked';
    if (dateOf(r.expires_on)! < this.today()) return 'expired';
    return r.status;
  }

  private view(ctx: Context, reaches: CaseReaches, r: repo.ReferralRow): Referral {
    const status = this.status(r);
    return {
      id: r.id,
      caseId: r.case_id,
      caseCode: r.case_code,
      regencyCode: r.regency_code,
      service: r.service,
      purpose: r.purpose,
      organisation: r.organisation,
      organisationContact: r.organisation_contact,
      sharedFields: r.shared_fields as ShareableField[],
      consent: r.consent_id === null ? null : { id: Number(r.consent_id), purpose: r.consent_purpose ?? '', active: Boolean(r.consent_active) },
      overrideRequestReason: r.override_request_reason,
      overrideReason: r.override_reason,
      overrideBy: r.override_by_name ?? null,
      status,
      expiresOn: dateOf(r.expires_on)!,
      shredded: r.shredded_at !== null,
      shredReason: r.shred_reason,
      revokeReason: r.revoke_reason,
      response: r.response,
      respondedOn: dateOf(r.response_on),
      responseNote: r.response_note,
      createdBy: r.created_by_name ?? null,
      createdAt: new Date(r.created_at).toISOString(),
      actions: referralActions(ctx.actor, reaches, caseResource(r), { status, shredded: r.shredded_at !== null }),
    };
  }

  async forCase(ctx: Context, caseId: number): Promise<CaseReferrals> {
    authorize(ctx.actor, 'case.read');
    return inTransaction(this.db, async (tx) => {
      await this.sweep(tx, ctx);
      const reaches = await caseReaches(tx, ctx);
      const c = await readableCase(tx, ctx, reaches, caseId);
      if (!c) throw referralError('referral.case_not_found');
      const items = await repo.referrals(tx).where('r.case_id', '=', caseId).orderBy('r.id', 'desc').execute();
      const manage = coversCase(ctx.actor, reaches.manage, caseResource(c)) && c.status !== 'closed';
      const consents = manage
        ? await tx.selectFrom('person_consent').select(['id', 'purpose', 'given_at']).where('person_id', '=', c.person_id).where('withdrawn_at', 'is', null).orderBy('id').execute()
        : [];
      await audit(tx, ctx, { action: 'case.referrals_viewed', entityType: 'case', entityId: caseId, regionCode: c.regency_code, summary: { caseCode: c.case_code, referrals: items.length } });
      return {
        caseId,
        caseCode: c.case_code,
        items: items.map((r) => this.view(ctx, reaches, r)),
        consents: consents.map((k) => ({ id: k.id, purpose: k.purpose, givenOn: wibDate(k.given_at) })),
        actions: manage ? ['create' as const] : [],
      };
    });
  }

  /** The office's referrals within the caller's reach (case workers: their cases), newest first. */
  async list(ctx: Context, query: ReferralListQuery): Promise<{ items: Referral[]; total: number }> {
    authorize(ctx.actor, 'case.read');
    return inTransaction(this.db, async (tx) => {
      await this.sweep(tx, ctx);
      const reaches = await caseReaches(tx, ctx);
      const today = this.today();
      let q = repo.referrals(tx).where(caseVisibleTo(ctx.actor, reaches.read));
      if (query.regency) q = q.where((eb) => eb.or([eb('r.regency_code', '=', query.regency!), eb('r.regency_code', 'like', `${query.regency}.%`)]));
      if (query.service) q = q.where('r.service', '=', query.service);
      if (query.status === 'revoked' || query.status === 'pending_override') q = q.where('r.status', '=', query.status);
      if (query.status === 'active') q = q.where('r.status', '=', 'active').where('r.expires_on', '>=', today);
      if (query.status === 'expired') q = q.where('r.status', '<>', 'revoked').where('r.expires_on', '<', today);
      if (query.awaitingResponse !== undefined) q = q.where('r.response', query.awaitingResponse ? 'is' : 'is not', null);
      const { total } = await q.clearSelect().select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
      const rows = await q.orderBy('r.id', 'desc').limit(query.limit).offset(query.offset).execute();
      return { items: rows.map((r) => this.view(ctx, reaches, r)), total: Number(total) };
    });
  }

  async get(ctx: Context, id: number): Promise<Referral> {
    authorize(ctx.actor, 'case.read');
    return inTransaction(this.db, async (tx) => {
      await this.sweep(tx, ctx);
      const { r, reaches } = await this.visible(tx, ctx, id);
      return this.view(ctx, reaches, r);
    });
  }

  private async visible(db: Executor, ctx: Context, id: number) {
    const reaches = await caseReaches(db, ctx);
    const r = await repo.findReferral(db, id);
    if (!r || !coversCase(ctx.actor, reaches.read, caseResource(r))) throw referralError('referral.not_found');
    return { r, reaches };
  }

  /** Locks a referral for a change the caller's actions allow (else 403, or 409 for the record's state). */
  private async lock(tx: Tx, ctx: Context, id: number, action: Referral['actions'][number], wrongState: (status: ReferralStatus) => Error) {
    await this.sweep(tx, ctx);
    await tx.selectFrom('referral').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const { r, reaches } = await this.visible(tx, ctx, id);
    const view = this.view(ctx, reaches, r);
    if (!view.actions.includes(action)) {
      const permitted = action === 'override' ? coversCase(ctx.actor, reaches.override, caseResource(r)) : coversCase(ctx.actor, reaches.manage, caseResource(r));
      throw permitted ? wrongState(view.status) : authError('auth.forbidden');
    }
    return { r, view };
  }

  async create(ctx: Context, caseId: number, input: CreateReferral): Promise<Referral> {
    authorize(ctx.actor, 'case.manage');
    const today = this.today();
    if (input.expiresOn <= today || input.expiresOn > addDays(today, REFERRAL_MAX_DAYS)) throw atField('referral.bad_expiry', 'body.expiresOn', { max: REFERRAL_MAX_DAYS });
    const id = await inTransaction(this.db, async (tx) => {
      await this.sweep(tx, ctx);
      const reaches = await caseReaches(tx, ctx);
      const c = await readableCase(tx, ctx, reaches, caseId);
      if (!c) throw referralError('referral.case_not_found');
      if (!coversCase(ctx.actor, reaches.manage, caseResource(c))) throw authError('auth.forbidden');
      if (input.consentId !== undefined) {
        const consent = await tx
          .selectFrom('person_consent')
          .select('id')
          .where('id', '=', input.consentId)
          .where('person_id', '=', c.person_id)
          .where('withdrawn_at', 'is', null)
          .executeTakeFirst();
        if (!consent) throw atField('referral.consent_invalid', 'body.consentId');
      } else if (!input.overrideRequestReason) throw atField('referral.consent_required', 'body.consentId');
      // Exactly the chosen fields, from the sealed identity (opened in memory only).
      const snapshot: Partial<Record<ShareableField, string>> = {};
      const wantsIdentity = input.sharedFields.some((f) => IDENTITY.has(f));
      // Locked until commit: an erasure running now waits, then shreds this snapshot too.
      const erased = await lockAgainstErasure(tx, c.person_id);
      if (wantsIdentity && (erased || c.erased_at || c.processing_restricted)) throw referralError('referral.person_unavailable');
      const identity = wantsIdentity ? (openIdentity(this.persons.sealer, c) ?? {}) : {};
      for (const f of input.sharedFields) {
        const value = f === 'caseCode' ? c.case_code : f === 'sex' ? c.sex : f === 'assessmentSummary' ? input.assessmentSummary : identity[f];
        if (!value) {
          if (f === 'assessmentSummary') throw atField('referral.summary_missing', 'body.assessmentSummary');
          throw atField('referral.field_unavailable', `body.sharedFields.${input.sharedFields.indexOf(f)}`, { field: f });
        }
        snapshot[f] = value;
      }
      const row = await tx
        .insertInto('referral')
        .values({
          case_id: caseId,
          regency_code: c.regency_code,
          service: input.service,
          purpose: input.purpose,
          organisation: input.organisation,
          organisation_contact: input.organisationContact,
          shared_fields: input.sharedFields,
          consent_id: input.consentId ?? null,
          override_request_reason: input.consentId === undefined ? input.overrideRequestReason! : null,
          status: input.consentId === undefined ? 'pending_override' : 'active',
          expires_on: input.expiresOn,
          created_by: actorUserId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sealed = this.persons.sealer.seal(referralRef(row.id), snapshot);
      await tx
        .updateTable('referral')
        .set({ snapshot_ct: sealed.ciphertext, snapshot_dek: sealed.wrappedKey, snapshot_key_id: sealed.keyId })
        .where('id', '=', row.id)
        .execute();
      await audit(tx, ctx, {
        action: 'referral.created',
        entityType: 'referral',
        entityId: row.id,
        regionCode: c.regency_code,
        reason: input.overrideRequestReason ?? null,
        summary: {
          caseCode: c.case_code,
          caseId,
          service: input.service,
          sharedFields: input.sharedFields,
          consentId: input.consentId ?? null,
          awaitingOverride: input.consentId === undefined,
          expiresOn: input.expiresOn,
        },
      });
      return row.id;
    });
    return this.get(ctx, id);
  }

  async override(ctx: Context, id: number, input: { reason: string }): Promise<Referral> {
    authorize(ctx.actor, 'referral.override');
    await inTransaction(this.db, async (tx) => {
      const { r } = await this.lock(tx, ctx, id, 'override', () => referralError('referral.not_pending'));
      await tx
        .updateTable('referral')
        .set({ status: 'active', override_reason: input.reason, override_by: actorUserId(ctx), override_at: this.clock(), version: r.version + 1, updated_at: this.clock() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, { action: 'referral.override_approved', entityType: 'referral', entityId: id, regionCode: r.regency_code, reason: input.reason, summary: { caseCode: r.case_code } });
    });
    return this.get(ctx, id);
  }

  async respond(ctx: Context, id: number, input: { response: 'accepted' | 'declined' | 'service_given'; respondedOn: string; note: string }): Promise<Referral> {
    authorize(ctx.actor, 'case.manage');
    if (input.respondedOn > this.today()) throw atField('referral.future_date', 'body.respondedOn');
    await inTransaction(this.db, async (tx) => {
      const { r, view } = await this.lock(tx, ctx, id, 'respond', (status) => referralError('referral.not_active', { status }));
      await tx
        .updateTable('referral')
        .set({ response: input.response, response_on: input.respondedOn, response_note: input.note, response_recorded_by: actorUserId(ctx), version: r.version + 1, updated_at: this.clock() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'referral.response_recorded',
        entityType: 'referral',
        entityId: id,
        regionCode: r.regency_code,
        summary: { caseCode: r.case_code, response: input.response, respondedOn: input.respondedOn, status: view.status },
      });
    });
    return this.get(ctx, id);
  }

  async revoke(ctx: Context, id: number, input: { reason: string }): Promise<Referral> {
    authorize(ctx.actor, 'case.manage');
    await inTransaction(this.db, async (tx) => {
      const { r } = await this.lock(tx, ctx, id, 'revoke', () => referralError('referral.already_revoked'));
      await tx
        .updateTable('referral')
        .set({ status: 'revoked', revoked_at: this.clock(), revoke_reason: input.reason, revoked_by: actorUserId(ctx), version: r.version + 1, updated_at: this.clock() })
        .where('id', '=', id)
        .execute();
      await repo.shredOne(tx, id, 'revoked', this.clock());
      await audit(tx, ctx, { action: 'referral.revoked', entityType: 'referral', entityId: id, regionCode: r.regency_code, reason: input.reason, summary: { caseCode: r.case_code, shredded: true } });
    });
    return this.get(ctx, id);
  }

  /** The referral letter with exactly the shared fields; audited as a reveal (field names, never values). */
  async pdf(ctx: Context, id: number): Promise<{ filename: string; pdf: Buffer }> {
    authorize(ctx.actor, 'case.manage');
    const input = await inTransaction(this.db, async (tx) => {
      const { r, view } = await this.lock(tx, ctx, id, 'pdf', (status) => referralError('referral.not_active', { status }));
      const s = await repo.snapshotOf(tx, id);
      const values = this.persons.sealer.open<Partial<Record<ShareableField, string>>>(referralRef(id), { ciphertext: Buffer.from(s.snapshot_ct!), wrappedKey: Buffer.from(s.snapshot_dek!) });
      await audit(tx, ctx, {
        action: 'referral.snapshot_revealed',
        entityType: 'referral',
        entityId: id,
        regionCode: r.regency_code,
        summary: { caseCode: r.case_code, fields: view.sharedFields, format: 'pdf' },
      });
      return {
        referralId: id,
        date: this.today(),
        service: r.service,
        purpose: r.purpose,
        organisation: r.organisation,
        organisationContact: r.organisation_contact,
        fields: view.sharedFields.map((f) => [f, values[f] ?? ''] as [ShareableField, string]),
        expiresOn: view.expiresOn,
        basis: r.consent_id !== null ? `persetujuan tertulis yang bersangkutan (${r.consent_purpose})` : `persetujuan Kepala Dinas (${r.override_reason})`,
      };
    });
    return { filename: `rujukan-R-${id}.pdf`, pdf: await renderReferralPdf(input) };
  }
}
