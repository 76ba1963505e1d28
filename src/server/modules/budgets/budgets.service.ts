// Budgets: allocations per funding source, year, programme and component (and region
// for APBD); what is committed (payments approved or sent), paid and remaining; the
// realisation per region and component with its monthly spending, and its workbook.
import type { z } from 'zod';
import type { Allocation, BudgetQuerySchema, CreateAllocationSchema, Realisation, UpdateAllocationSchema } from '../../../common/aid.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/authorize.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { toXlsx } from '../../platform/export/xlsx.ts';
import { scopeOf } from '../aid/schemes.service.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { budgetError } from './budgets.errors.ts';
import { realisationColumns } from './budgets.export.ts';
import { canManageAllocation } from './budgets.policy.ts';
import { findAllocation, listAllocations, monthlyPaid, realisationRows, type AllocationRow } from './budgets.repository.ts';

type Query = z.output<typeof BudgetQuerySchema>;
const REGION_SHAPE = { apbn_kemensos: null, apbd_province: /^\d{2}$/, apbd_regency: /^\d{2}\.\d{2}$/ } as const;

export class BudgetService {
  constructor(private readonly db: Db) {}

  private view(ctx: Context, a: AllocationRow): Allocation {
    const committed = Number(a.committed);
    const paid = Number(a.paid);
    return {
      id: a.id,
      fundingSource: a.funding_source,
      year: a.year,
      programmeId: a.programme_id,
      programmeName: a.programme_name,
      componentId: a.component_id,
      componentCode: a.component_code,
      componentName: a.component_name,
      regionCode: a.region_code,
      regionName: a.region_name ?? null,
      amount: Number(a.amount),
      committed,
      paid,
      remaining: Number(a.amount) - committed - paid,
      note: a.note,
      version: a.version,
      actions: canManageAllocation(ctx.actor, a.region_code) ? ['update'] : [],
    };
  }

  async list(ctx: Context, query: Query) {
    authorize(ctx.actor, 'payment.read');
    const rows = await listAllocations(this.db, scopeOf(ctx), query);
    return { items: rows.map((a) => this.view(ctx, a)), canCreate: can(ctx.actor, 'budget.manage') };
  }

  private async one(ctx: Context, id: number) {
    const a = await findAllocation(this.db, id, scopeOf(ctx));
    if (!a) throw budgetError('budget.not_found');
    return this.view(ctx, a);
  }

  async create(ctx: Context, input: z.output<typeof CreateAllocationSchema>): Promise<Allocation> {
    authorize(ctx.actor, 'budget.manage');
    const shape = REGION_SHAPE[input.fundingSource];
    if (shape === null ? input.regionCode !== null : !input.regionCode || !shape.test(input.regionCode))
      throw budgetError('budget.region_invalid', {}, [{ field: 'regionCode', message: String(input.regionCode) }]);
    if (!canManageAllocation(ctx.actor, input.regionCode)) throw budgetError('budget.out_of_scope', {}, [{ field: 'regionCode', message: String(input.regionCode) }]);
    const id = await inTransaction(this.db, async (tx) => {
      const c = await tx
        .selectFrom('aid_component as c')
        .innerJoin('aid_scheme as s', 's.id', 'c.scheme_id')
        .select(['c.id', 'c.code', 'c.funding_source', 's.programme_id', 's.year'])
        .where('c.id', '=', input.componentId)
        .executeTakeFirst();
      if (!c) throw budgetError('budget.component_not_found', {}, [{ field: 'componentId', message: String(input.componentId) }]);
      if (c.funding_source !== input.fundingSource) throw budgetError('budget.source_mismatch', { source: c.funding_source }, [{ field: 'fundingSource', message: input.fundingSource }]);
      const row = await tx
        .insertInto('budget_allocation')
        .values({
          funding_source: input.fundingSource,
          year: c.year,
          programme_id: c.programme_id,
          component_id: c.id,
          region_code: input.regionCode,
          amount: input.amount,
          note: input.note,
          created_by: actorUserId(ctx),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) throw budgetError('budget.exists');
      await audit(tx, ctx, {
        action: 'budget_allocation.created',
        entityType: 'budget_allocation',
        entityId: row.id,
        regionCode: input.regionCode,
        summary: { componentCode: c.code, fundingSource: input.fundingSource, year: c.year, amount: input.amount },
      });
      return row.id;
    });
    return this.one(ctx, id);
  }

  async update(ctx: Context, id: number, input: z.output<typeof UpdateAllocationSchema>): Promise<Allocation> {
    authorize(ctx.actor, 'budget.manage');
    await inTransaction(this.db, async (tx) => {
      const a = await findAllocation(tx, id, scopeOf(ctx), true);
      if (!a) throw budgetError('budget.not_found');
      if (!canManageAllocation(ctx.actor, a.region_code)) throw budgetError('budget.out_of_scope', {}, [{ field: 'regionCode', message: String(a.region_code) }]);
      if (a.version !== input.version) throw budgetError('budget.stale', {}, [{ field: 'version', message: String(input.version) }]);
      await tx
        .updateTable('budget_allocation')
        .set({ amount: input.amount, note: input.note, version: a.version + 1, updated_at: new Date() })
        .where('id', '=', a.id)
        .execute();
      await audit(tx, ctx, {
        action: 'budget_allocation.updated',
        entityType: 'budget_allocation',
        entityId: a.id,
        regionCode: a.region_code,
        summary: { from: Number(a.amount), to: input.amount },
      });
    });
    return this.one(ctx, id);
  }

  async realisation(ctx: Context, query: Query): Promise<Realisation> {
    authorize(ctx.actor, 'payment.read');
    const scope = scopeOf(ctx);
    const [rows, months, allocations] = await Promise.all([realisationRows(this.db, scope, query), monthlyPaid(this.db, scope, query), listAllocations(this.db, scope, query)]);
    let cumulative = 0;
    const view = rows.map((r) => ({
      regencyCode: r.regency_code,
      regencyName: r.regency_name ?? null,
      componentCode: r.component_code,
      componentName: r.component_name,
      fundingSource: r.funding_source,
      persons: r.persons,
      entitled: Number(r.entitled),
      committed: Number(r.committed),
      paid: Number(r.paid),
    }));
    const sum = (k: 'entitled' | 'committed' | 'paid') => view.reduce((s, r) => s + r[k], 0);
    return {
      rows: view,
      monthly: months.map((m) => ({ month: m.month, paid: Number(m.paid), cumulative: (cumulative += Number(m.paid)) })),
      totals: { allocated: allocations.reduce((s, a) => s + Number(a.amount), 0), entitled: sum('entitled'), committed: sum('committed'), paid: sum('paid') },
    };
  }

  async export(ctx: Context, query: Query, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    const r = await this.realisation(ctx, query);
    const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Realisasi' : 'Realisation', columns: realisationColumns(), rows: r.rows }]);
    return { filename: `realisasi-${query.year ?? 'semua'}.xlsx`, bytes };
  }
}
