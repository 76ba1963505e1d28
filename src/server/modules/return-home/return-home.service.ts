// Return home (pemulangan) of a rehabilitation case: the home district (proposed
// from the NIK's region code, read in memory only, or declared), the travel plan,
// cost and payer (proposed by the distance rule, overridable with a reason),
// departure and arrival confirmations, cancellation, and the letter informing the
// receiving regency/city's Dinsos, made in the letter register through
// LetterService. planned → departed → arrived, or cancelled with a reason.
//
// Arrival: `arrived_on`/`arrived_at` are recorded, and every listener registered
// with onArrived(fn) runs inside the arrival's transaction (follow-ups schedule
// their visits there, so both commit or neither does).
import {
  PAYER_REASON_MIN,
  proposePayer,
  type CaseReturnHome,
  type CreateReturnHome,
  type Payer,
  type ReturnHome,
  type UpdateReturnHome,
} from '../../../common/return-home.ts';
import { validateNik } from '../../../common/nik.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/database.ts';
import { translateCode, type FieldError } from '../../platform/errors/app-error.ts';
import type { LetterService } from '../letters/letters.service.ts';
import { nikRegions } from '../registry/nik-regions.ts';
import type { PersonService } from '../registry/persons.service.ts';
import { openIdentity } from '../registry/persons.sealing.ts';
import { actorUserId, wibDate } from '../registry/registry-access.ts';
import { caseReaches, caseResource, cases, coversCase, readableCase, type CaseReaches, type CaseRow } from './case-access.ts';
import { returnHomeError } from './return-home.errors.ts';
import { canPlanReturnHome, returnHomeActions } from './return-home.policy.ts';
import { notificationLetter } from './return-home.letter.ts';
import * as repo from './return-home.repository.ts';
import { dateOf, returnHomeView } from './return-home.view.ts';

export interface ArrivalEvent {
  returnHomeId: number;
  caseId: number;
  regencyCode: string;
  homeRegionCode: string;
  arrivedOn: string;
}
export type ArrivalListener = (tx: Tx, ctx: Context, event: ArrivalEvent) => Promise<void>;

type Code = Parameters<typeof returnHomeError>[0];

/** An error named at one field (id/en from the error's own message). */
function atField(code: Code, field: string, params: Record<string, string | number> = {}) {
  const fields: FieldError[] = [{ field, message: { id: translateCode(code, 'id', params), en: translateCode(code, 'en', params) } }];
  return returnHomeError(code, params, fields);
}

export class ReturnHomeService {
  private readonly arrivalListeners: ArrivalListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly letters: LetterService,
    private readonly clock: Clock,
  ) {}

  /** Runs `fn` inside every arrival's transaction (the follow-ups module schedules visits here). */
  onArrived(fn: ArrivalListener): void {
    this.arrivalListeners.push(fn);
  }

  private today(): string {
    return wibDate(this.clock());
  }

  private view(ctx: Context, reaches: CaseReaches, r: repo.ReturnHomeRow): ReturnHome {
    return returnHomeView(r, returnHomeActions(ctx.actor, reaches, { ...caseResource(r), caseStatus: r.case_status }, { status: r.status, letterId: r.letter_id }));
  }

  private async caseFor(db: Executor, ctx: Context, reaches: CaseReaches, caseId: number): Promise<CaseRow> {
    const c = await readableCase(db, ctx, reaches, caseId);
    if (!c) throw returnHomeError('return_home.case_not_found');
    return c;
  }

  /**
   * The district the NIK was first registered in (its first six digits), followed to
   * its current code; null without a NIK, for an erased or restricted person, or when
   * only the regency is known (former 64.xx codes name no district).
   */
  private async nikProposal(db: Executor, c: CaseRow): Promise<{ district: { code: string; name: string } | null; regency: { code: string; name: string } | null }> {
    const none = { district: null, regency: null };
    if (c.processing_restricted || c.erased_at) return none;
    const nik = openIdentity(this.persons.sealer, c)?.nik;
    if (!nik) return none;
    const code = validateNik(nik, { regions: nikRegions(), today: this.clock() }).regionCode;
    if (!code) return none;
    const here = await repo.currentRegion(db, code);
    if (here?.level === 'district') {
      const d = await repo.findDistrict(db, here.code);
      if (d) return { district: { code: d.code, name: d.name }, regency: d.parent_code ? { code: d.parent_code, name: d.regency_name ?? d.parent_code } : null };
    }
    const regency = await repo.currentRegion(db, code.slice(0, 5));
    return { district: null, regency: regency ? { code: regency.code, name: regency.name } : null };
  }

  async forCase(ctx: Context, caseId: number): Promise<CaseReturnHome> {
    authorize(ctx.actor, 'case.read');
    return inTransaction(this.db, async (tx) => {
      const reaches = await caseReaches(tx, ctx);
      const c = await this.caseFor(tx, ctx, reaches, caseId);
      const items = await repo.returnHomesOfCase(tx, caseId);
      const hasActive = items.some((i) => i.status !== 'cancelled');
      const mayPlan = canPlanReturnHome(ctx.actor, reaches, { ...caseResource(c), caseStatus: c.status }, hasActive);
      // The identity is opened only for someone about to plan the journey.
      const p = mayPlan ? await this.nikProposal(tx, c) : null;
      await audit(tx, ctx, {
        action: 'case.return_home_viewed',
        entityType: 'case',
        entityId: caseId,
        regionCode: c.regency_code,
        summary: { caseCode: c.case_code, plans: items.length, nikProposal: Boolean(p?.district ?? p?.regency) },
      });
      return {
        caseId,
        caseCode: c.case_code,
        regencyCode: c.regency_code,
        proposal: p && {
          homeRegion: p.district ? { code: p.district.code, name: p.district.name } : null,
          homeRegency: p.regency ? { code: p.regency.code, name: p.regency.name } : null,
          payer: p.district ? proposePayer(c.regency_code, p.district.code) : p.regency ? proposePayer(c.regency_code, p.regency.code) : null,
        },
        items: items.map((r) => this.view(ctx, reaches, r)),
        actions: mayPlan ? ['create' as const] : [],
      };
    });
  }

  async get(ctx: Context, id: number): Promise<ReturnHome> {
    authorize(ctx.actor, 'case.read');
    const reaches = await caseReaches(this.db, ctx);
    const r = await repo.findReturnHome(this.db, id);
    if (!r || !coversCase(ctx.actor, reaches.read, caseResource(r))) throw returnHomeError('return_home.not_found');
    return this.view(ctx, reaches, r);
  }

  /** Home district, proposed payer and chosen payer of a plan; every problem named at its field. */
  private async plan(db: Executor, c: CaseRow, input: CreateReturnHome) {
    let home: string;
    let source: 'nik' | 'declared';
    if (input.homeRegionCode) {
      if (!(await repo.findDistrict(db, input.homeRegionCode))) throw atField('return_home.unknown_region', 'body.homeRegionCode');
      home = input.homeRegionCode;
      source = 'declared';
    } else {
      if (c.processing_restricted) throw atField('return_home.restricted', 'body.homeRegionCode');
      const p = await this.nikProposal(db, c);
      if (!p.district) throw atField('return_home.home_region_required', 'body.homeRegionCode');
      home = p.district.code;
      source = 'nik';
    }
    const proposed = proposePayer(c.regency_code, home);
    const payer: Payer = input.payer ?? proposed;
    if (payer !== proposed && !input.payerReason) throw atField('return_home.payer_reason_required', 'body.payerReason', { min: PAYER_REASON_MIN });
    return { home, source, proposed, payer, payerReason: payer === proposed ? null : input.payerReason! };
  }

  async create(ctx: Context, caseId: number, input: CreateReturnHome): Promise<ReturnHome> {
    authorize(ctx.actor, 'case.manage');
    const id = await inTransaction(this.db, async (tx) => {
      const reaches = await caseReaches(tx, ctx);
      const c = await this.caseFor(tx, ctx, reaches, caseId);
      if (!coversCase(ctx.actor, reaches.manage, caseResource(c))) throw authError('auth.forbidden');
      if (c.status === 'closed') throw returnHomeError('return_home.case_closed');
      await tx.selectFrom('rehab_case').select('id').where('id', '=', caseId).forUpdate().executeTakeFirst();
      const active = await tx.selectFrom('return_home').select('id').where('case_id', '=', caseId).where('status', '<>', 'cancelled').executeTakeFirst();
      if (active) throw returnHomeError('return_home.exists');
      const p = await this.plan(tx, c, input);
      const row = await tx
        .insertInto('return_home')
        .values({
          case_id: caseId,
          regency_code: c.regency_code,
          home_region_code: p.home,
          home_region_source: p.source,
          planned_date: input.plannedDate,
          route: input.route,
          transport_mode: input.transportMode,
          cost_rupiah: input.costRupiah,
          payer: p.payer,
          proposed_payer: p.proposed,
          payer_reason: p.payerReason,
          created_by: actorUserId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'return_home.planned',
        entityType: 'return_home',
        entityId: row.id,
        regionCode: c.regency_code,
        reason: p.payerReason,
        summary: {
          caseCode: c.case_code,
          caseId,
          homeRegionCode: p.home,
          homeRegionSource: p.source,
          plannedDate: input.plannedDate,
          transportMode: input.transportMode,
          costRupiah: input.costRupiah,
          payer: p.payer,
          payerOverridden: p.payer !== p.proposed,
        },
      });
      return row.id;
    });
    return this.get(ctx, id);
  }

  /** Locks a plan for a change by someone managing its case; returns it with its case. */
  private async lock(tx: Tx, ctx: Context, id: number, action: ReturnHome['actions'][number]) {
    await tx.selectFrom('return_home').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const reaches = await caseReaches(tx, ctx);
    const r = await repo.findReturnHome(tx, id);
    if (!r || !coversCase(ctx.actor, reaches.read, caseResource(r))) throw returnHomeError('return_home.not_found');
    if (!coversCase(ctx.actor, reaches.manage, caseResource(r))) throw authError('auth.forbidden');
    if (!this.view(ctx, reaches, r).actions.includes(action)) {
      if (action === 'notify' && r.letter_id !== null) throw returnHomeError('return_home.already_notified');
      if (r.case_status === 'closed') throw returnHomeError('return_home.case_closed');
      if (action === 'notify' && r.status !== 'cancelled') throw authError('auth.forbidden');
      throw returnHomeError('return_home.bad_status', { status: r.status });
    }
    return r;
  }

  async update(ctx: Context, id: number, input: UpdateReturnHome): Promise<ReturnHome> {
    authorize(ctx.actor, 'case.manage');
    await inTransaction(this.db, async (tx) => {
      const r = await this.lock(tx, ctx, id, 'update');
      if (r.version !== input.version) throw returnHomeError('return_home.stale');
      const c = await cases(tx).where('c.id', '=', r.case_id).executeTakeFirstOrThrow();
      const p = await this.plan(tx, c, input);
      await tx
        .updateTable('return_home')
        .set({
          home_region_code: p.home,
          home_region_source: p.source,
          planned_date: input.plannedDate,
          route: input.route,
          transport_mode: input.transportMode,
          cost_rupiah: input.costRupiah,
          payer: p.payer,
          proposed_payer: p.proposed,
          payer_reason: p.payerReason,
          version: r.version + 1,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      const changed = (
        [
          ['homeRegionCode', r.home_region_code, p.home],
          ['plannedDate', dateOf(r.planned_date), input.plannedDate],
          ['route', r.route, input.route],
          ['transportMode', r.transport_mode, input.transportMode],
          ['costRupiah', Number(r.cost_rupiah), input.costRupiah],
          ['payer', r.payer, p.payer],
        ] as const
      )
        .filter(([, a, b]) => a !== b)
        .map(([f]) => f);
      await audit(tx, ctx, {
        action: 'return_home.updated',
        entityType: 'return_home',
        entityId: id,
        regionCode: r.regency_code,
        reason: p.payerReason,
        summary: { caseCode: r.case_code, fields: changed, homeRegionCode: p.home, costRupiah: input.costRupiah, payer: p.payer, payerOverridden: p.payer !== p.proposed },
      });
    });
    return this.get(ctx, id);
  }

  private notFuture(date: string, field: string) {
    if (date > this.today()) throw atField('return_home.future_date', `body.${field}`, { field });
  }

  async depart(ctx: Context, id: number, input: { departedOn: string; note: string }): Promise<ReturnHome> {
    authorize(ctx.actor, 'case.manage');
    this.notFuture(input.departedOn, 'departedOn');
    await inTransaction(this.db, async (tx) => {
      const r = await this.lock(tx, ctx, id, 'depart');
      await tx
        .updateTable('return_home')
        .set({ status: 'departed', departed_on: input.departedOn, departure_note: input.note, departure_confirmed_by: actorUserId(ctx), version: r.version + 1, updated_at: this.clock() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'return_home.departed',
        entityType: 'return_home',
        entityId: id,
        regionCode: r.regency_code,
        summary: { caseCode: r.case_code, departedOn: input.departedOn },
      });
    });
    return this.get(ctx, id);
  }

  async arrive(ctx: Context, id: number, input: { arrivedOn: string; note: string }): Promise<ReturnHome> {
    authorize(ctx.actor, 'case.manage');
    this.notFuture(input.arrivedOn, 'arrivedOn');
    await inTransaction(this.db, async (tx) => {
      const r = await this.lock(tx, ctx, id, 'arrive');
      if (input.arrivedOn < dateOf(r.departed_on)!) throw atField('return_home.date_order', 'body.arrivedOn');
      await tx
        .updateTable('return_home')
        .set({
          status: 'arrived',
          arrived_on: input.arrivedOn,
          arrived_at: this.clock(),
          arrival_note: input.note,
          arrival_confirmed_by: actorUserId(ctx),
          version: r.version + 1,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'return_home.arrived',
        entityType: 'return_home',
        entityId: id,
        regionCode: r.regency_code,
        summary: { caseCode: r.case_code, arrivedOn: input.arrivedOn },
      });
      const event: ArrivalEvent = { returnHomeId: id, caseId: r.case_id, regencyCode: r.regency_code, homeRegionCode: r.home_region_code, arrivedOn: input.arrivedOn };
      for (const listener of this.arrivalListeners) await listener(tx, ctx, event);
    });
    return this.get(ctx, id);
  }

  async cancel(ctx: Context, id: number, input: { reason: string }): Promise<ReturnHome> {
    authorize(ctx.actor, 'case.manage');
    await inTransaction(this.db, async (tx) => {
      const r = await this.lock(tx, ctx, id, 'cancel');
      await tx
        .updateTable('return_home')
        .set({ status: 'cancelled', cancel_reason: input.reason, version: r.version + 1, updated_at: this.clock() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, { action: 'return_home.cancelled', entityType: 'return_home', entityId: id, regionCode: r.regency_code, reason: input.reason, summary: { caseCode: r.case_code } });
    });
    return this.get(ctx, id);
  }

  /**
   * Informs the receiving regency/city's Dinsos: a draft letter in the letter register
   * (LetterService, so letter.manage and the unit's scope apply), addressed to that
   * office, naming the case code and the purpose only, linked to the plan. The letter
   * is made in its own transactions; the link is set only while none exists, so a
   * concurrent second request leaves at most an unlinked draft.
   */
  async notify(ctx: Context, id: number, input: { unitId: number; letterDate: string; signatoryName: string; signatoryTitle: string }): Promise<ReturnHome> {
    authorize(ctx.actor, 'case.manage');
    const r = await inTransaction(this.db, (tx) => this.lock(tx, ctx, id, 'notify'));
    const content = notificationLetter(r);
    const letter = await this.letters.create(ctx, {
      unitId: input.unitId,
      type: 'lainnya',
      letterDate: input.letterDate,
      subject: content.subject,
      classification: '',
      nature: 'biasa',
      attachmentsCount: 0,
      body: content.body,
      signatoryName: input.signatoryName,
      signatoryTitle: input.signatoryTitle,
      copiesTo: [],
      programmeId: null,
      regionCodes: [content.regencyCode],
      siteIds: [],
    });
    await this.letters.addRecipients(ctx, letter.id, { recipients: [{ recipient: content.recipient, regionCode: r.home_regency_code ?? null, sentOn: null }] });
    await inTransaction(this.db, async (tx) => {
      const linked = await tx.updateTable('return_home').set({ letter_id: letter.id, updated_at: this.clock() }).where('id', '=', id).where('letter_id', 'is', null).executeTakeFirst();
      if (Number(linked.numUpdatedRows) !== 1) throw returnHomeError('return_home.already_notified');
      await audit(tx, ctx, {
        action: 'return_home.notified',
        entityType: 'return_home',
        entityId: id,
        regionCode: r.regency_code,
        summary: { caseCode: r.case_code, letterId: letter.id, receivingRegency: r.home_regency_code },
      });
    });
    return this.get(ctx, id);
  }
}
