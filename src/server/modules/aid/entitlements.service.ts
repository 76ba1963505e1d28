// Entitlements: eligible persons (verification decision 'eligible' in the scheme's
// programme) × the scheme's active components. One benefit (programme + component
// code) per NIK across the whole registry: the NIK match token (0012) is copied onto
// the entitlement and a unique index refuses a second one, whatever the record, site
// or region. A person without a NIK is entitled by person id only and held for
// review (review_reason 'no_nik'); payments skip held entitlements. Idempotent: a
// second run creates nothing and reports why.
import type { z } from 'zod';
import type { CancelEntitlementSchema, ClearReviewSchema, Entitlement, EntitlementListQuery, GenerateResult } from '../../../common/aid.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { aidError } from './aid.errors.ts';
import { CANCELLABLE, entitlementActions } from './aid.policy.ts';
import {
  cancelEntitlement,
  clearReview,
  findEntitlement,
  findScheme,
  generationCandidates,
  heldBenefits,
  insertEntitlements,
  listEntitlements,
  type EntitlementRow,
  type NewEntitlement,
} from './aid.repository.ts';
import { scopeOf } from './schemes.service.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export class EntitlementService {
  constructor(private readonly db: Db) {}

  private view(ctx: Context, r: EntitlementRow): Entitlement {
    return {
      id: r.id,
      personId: r.person_id,
      caseCode: r.case_code,
      alias: r.alias,
      regencyCode: r.regency_code,
      regencyName: r.regency_name ?? null,
      programmeId: r.programme_id,
      schemeId: r.scheme_id,
      schemeName: r.scheme_name,
      year: r.year,
      componentId: r.component_id,
      componentCode: r.component_code,
      componentName: r.component_name,
      amount: Number(r.amount),
      fundingSource: r.funding_source,
      status: r.status,
      statusChangedAt: iso(r.status_changed_at),
      paidAt: r.paid_at ? iso(r.paid_at) : null,
      reviewRequired: r.review_required,
      reviewReason: r.review_reason,
      reviewNote: r.review_note,
      cancelReason: r.cancel_reason,
      hasBankAccount: r.has_bank_account,
      version: r.version,
      createdAt: iso(r.created_at),
      actions: entitlementActions(ctx.actor, r),
    };
  }

  async generate(ctx: Context, schemeId: number): Promise<GenerateResult> {
    authorize(ctx.actor, 'aid.manage');
    const scope = scopeOf(ctx);
    return inTransaction(this.db, async (tx) => {
      // The scheme row stays locked: two runs of one scheme take turns.
      const scheme = await findScheme(tx, schemeId, scope, true);
      if (!scheme) throw aidError('aid.scheme_not_found');
      if (scheme.status !== 'active') throw aidError('aid.scheme_closed');
      const candidates = await generationCandidates(tx, scheme.id, scheme.programme_id, scope);
      const codes = [...new Set(candidates.map((c) => c.code))];
      if (codes.length === 0 && candidates.length === 0) {
        const anyActive = (await tx.selectFrom('aid_component').select('id').where('scheme_id', '=', scheme.id).where('active', '=', true).executeTakeFirst()) !== undefined;
        if (!anyActive) throw aidError('aid.no_components');
      }
      const held = await heldBenefits(tx, scheme.programme_id, codes);
      const byPerson = new Set(held.map((h) => `${h.person_id}:${h.component_code}`));
      const byNik = new Set(held.filter((h) => h.nik_match).map((h) => `${Buffer.from(h.nik_match!).toString('hex')}:${h.component_code}`));
      const result: GenerateResult = { eligiblePersons: new Set(candidates.map((c) => c.person_id)).size, created: 0, skippedExisting: 0, skippedSameNik: 0, flaggedNoNik: 0 };
      const rows: NewEntitlement[] = [];
      for (const c of candidates) {
        const personKey = `${c.person_id}:${c.code}`;
        const nikKey = c.nik_match ? `${Buffer.from(c.nik_match).toString('hex')}:${c.code}` : null;
        if (byPerson.has(personKey)) result.skippedExisting++;
        else if (nikKey && byNik.has(nikKey)) result.skippedSameNik++;
        else {
          byPerson.add(personKey);
          if (nikKey) byNik.add(nikKey);
          rows.push({
            person_id: c.person_id,
            programme_id: scheme.programme_id,
            scheme_id: scheme.id,
            component_id: c.component_id,
            component_code: c.code,
            amount: c.amount,
            funding_source: c.funding_source,
            regency_code: c.regency_code,
            nik_match: c.nik_match,
            review_required: c.nik_match === null,
            review_reason: c.nik_match === null ? 'no_nik' : null,
            created_by: actorUserId(ctx),
          });
        }
      }
      const made = await insertEntitlements(tx, rows);
      result.created = made.length;
      // Refused by a unique index: a run elsewhere entitled the same NIK meanwhile.
      result.skippedSameNik += rows.length - made.length;
      result.flaggedNoNik = made.filter((m) => m.review_required).length;
      await audit(tx, ctx, {
        action: 'aid_entitlements.generated',
        entityType: 'aid_scheme',
        entityId: scheme.id,
        regionCode: scope && scope.level !== 'national' ? scope.code : scheme.programme_region,
        summary: { ...result },
      });
      return result;
    });
  }

  async list(ctx: Context, query: EntitlementListQuery) {
    authorize(ctx.actor, 'payment.read');
    const { rows, total, totalAmount } = await listEntitlements(this.db, scopeOf(ctx), query);
    return { items: rows.map((r) => this.view(ctx, r)), total, totalAmount };
  }

  private async change(ctx: Context, id: number, work: (tx: Tx, e: EntitlementRow) => Promise<{ action: string; summary: Record<string, unknown>; reason?: string }>) {
    authorize(ctx.actor, 'aid.manage');
    await inTransaction(this.db, async (tx) => {
      const e = await findEntitlement(tx, id, scopeOf(ctx));
      if (!e) throw aidError('aid.entitlement_not_found');
      if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, e.regency_code)) throw authError('auth.forbidden');
      const done = await work(tx, e);
      await audit(tx, ctx, { action: done.action, entityType: 'aid_entitlement', entityId: e.id, regionCode: e.regency_code, reason: done.reason ?? null, summary: { caseCode: e.case_code, ...done.summary } });
    });
    const e = await findEntitlement(this.db, id, scopeOf(ctx));
    return this.view(ctx, e!);
  }

  /** Someone checked a held entitlement (e.g. the person's NIK was confirmed on paper): it may be paid. */
  clearReview(ctx: Context, id: number, input: z.output<typeof ClearReviewSchema>) {
    return this.change(ctx, id, async (tx, e) => {
      if (!e.review_required || e.status === 'cancelled') throw aidError('aid.no_review_pending');
      if (!(await clearReview(tx, e.id, input.version, input.note, actorUserId(ctx)))) throw aidError('aid.stale', {}, [{ field: 'version', message: String(input.version) }]);
      return { action: 'aid_entitlement.review_cleared', summary: { reviewReason: e.review_reason }, reason: input.note };
    });
  }

  cancel(ctx: Context, id: number, input: z.output<typeof CancelEntitlementSchema>) {
    return this.change(ctx, id, async (tx, e) => {
      if (!CANCELLABLE.includes(e.status)) throw aidError('aid.cannot_cancel', { status: e.status });
      if (!(await cancelEntitlement(tx, e.id, input.version, input.reason, CANCELLABLE))) throw aidError('aid.stale', {}, [{ field: 'version', message: String(input.version) }]);
      return { action: 'aid_entitlement.cancelled', summary: { from: e.status, amount: Number(e.amount) }, reason: input.reason };
    });
  }
}
