// Approval's budget check: each (component, funding source, region) the batch draws on
// must have an allocation whose remaining amount covers the batch. The allocation rows are
// locked (budgets' budgetHeadroom: select … for update) until the approval commits, so two
// approvals drawing on the same money are checked one after the other and cannot both
// spend the last rupiah. Spent = payments approved, sent or paid on that allocation.
import { sql } from 'kysely';
import { formatRupiah } from '../../../common/format.ts';
import type { FundingSource } from '../../../common/aid.ts';
import type { Tx } from '../../platform/db/database.ts';
import { budgetHeadroom } from '../budgets/budgets.repository.ts';
import { paymentError } from './payments.errors.ts';

/** The budget region an entitlement draws on: none (APBN), its province or its regency/city. */
export function budgetRegion(source: FundingSource, regencyCode: string): string | null {
  if (source === 'apbn_kemensos') return null;
  return source === 'apbd_province' ? regencyCode.split('.')[0]! : regencyCode;
}

export async function assertBudgetCovers(tx: Tx, batchId: number): Promise<void> {
  const need = await tx
    .selectFrom('payment as y')
    .innerJoin('aid_component as c', 'c.id', 'y.component_id')
    .select(['y.component_id', 'c.code', 'y.funding_source', 'y.regency_code', sql<number>`sum(y.amount)::bigint`.as('amount')])
    .where('y.batch_id', '=', batchId)
    .groupBy(['y.component_id', 'c.code', 'y.funding_source', 'y.regency_code'])
    .execute();
  const groups = new Map<string, { componentId: number; code: string; source: FundingSource; region: string | null; amount: number }>();
  for (const n of need) {
    const region = budgetRegion(n.funding_source, n.regency_code);
    const key = `${n.component_id}|${n.funding_source}|${region ?? ''}`;
    const g = groups.get(key) ?? { componentId: n.component_id, code: n.code, source: n.funding_source, region, amount: 0 };
    g.amount += Number(n.amount);
    groups.set(key, g);
  }
  // A fixed order of locks: two approvals never wait on each other in a circle.
  for (const g of [...groups.values()].sort((a, b) => a.componentId - b.componentId || a.source.localeCompare(b.source) || (a.region ?? '').localeCompare(b.region ?? ''))) {
    const params = { component: g.code, source: g.source, region: g.region ? ` ${g.region}` : '' };
    // The budgets module's headroom: the allocation row locked, committed (approved, sent) and paid subtracted.
    const headroom = await budgetHeadroom(tx, { componentId: g.componentId, fundingSource: g.source, regionCode: g.region });
    if (!headroom) throw paymentError('payment.no_budget', params);
    const remaining = headroom.remaining;
    if (remaining < g.amount) throw paymentError('payment.budget_exceeded', { ...params, remaining: formatRupiah(remaining), needed: formatRupiah(g.amount) });
  }
}
