// Aid schemes per programme and year with their components (code, name, amount in
// whole rupiah, funding source). Configurable: nothing is seeded; components are
// matched by code and never deleted (entitlements point at them), only made inactive.
import type { z } from 'zod';
import type { CreateSchemeSchema, Scheme, SchemeListQuerySchema, UpdateSchemeSchema } from '../../../common/aid.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { aidError } from './aid.errors.ts';
import { canManageScheme, schemeActions } from './aid.policy.ts';
import { componentsOf, findScheme, insertScheme, listSchemes, saveComponents, schemeNameTaken, updateScheme, type SchemeRow } from './aid.repository.ts';

export const scopeOf = (ctx: Context) => (ctx.actor.kind === 'user' ? ctx.actor.scope : null);

function assertUniqueCodes(components: { code: string }[]) {
  const seen = new Set<string>();
  for (const c of components) {
    if (seen.has(c.code)) throw aidError('aid.duplicate_component', { code: c.code }, [{ field: 'components.code', message: c.code }]);
    seen.add(c.code);
  }
}

export class SchemeService {
  constructor(private readonly db: Db) {}

  private async views(ctx: Context, db: Executor, rows: SchemeRow[]): Promise<Scheme[]> {
    const components = await componentsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const own = components.filter((c) => c.scheme_id === r.id);
      return {
        id: r.id,
        programmeId: r.programme_id,
        programmeName: r.programme_name,
        year: r.year,
        name: r.name,
        note: r.note,
        status: r.status,
        version: r.version,
        components: own.map((c) => ({
          id: c.id,
          code: c.code,
          name: c.name,
          amount: Number(c.amount),
          fundingSource: c.funding_source,
          sortOrder: c.sort_order,
          active: c.active,
        })),
        totalPerPerson: own.filter((c) => c.active).reduce((sum, c) => sum + Number(c.amount), 0),
        entitlementCount: r.entitlement_count,
        createdAt: new Date(r.created_at).toISOString(),
        actions: schemeActions(ctx.actor, r),
      };
    });
  }

  async list(ctx: Context, query: z.output<typeof SchemeListQuerySchema>) {
    authorize(ctx.actor, 'payment.read');
    return { items: await this.views(ctx, this.db, await listSchemes(this.db, scopeOf(ctx), query)) };
  }

  async get(ctx: Context, id: number): Promise<Scheme> {
    authorize(ctx.actor, 'payment.read');
    const row = await findScheme(this.db, id, scopeOf(ctx));
    if (!row) throw aidError('aid.scheme_not_found');
    return (await this.views(ctx, this.db, [row]))[0]!;
  }

  async create(ctx: Context, input: z.output<typeof CreateSchemeSchema>): Promise<Scheme> {
    authorize(ctx.actor, 'aid.manage');
    const programme = await findProgramme(this.db, input.programmeId, scopeOf(ctx));
    if (!programme) throw aidError('aid.programme_not_found', {}, [{ field: 'programmeId', message: String(input.programmeId) }]);
    if (!canManageScheme(ctx.actor, programme.region_code)) throw aidError('aid.scheme_out_of_scope');
    assertUniqueCodes(input.components);
    const id = await inTransaction(this.db, async (tx) => {
      if (await schemeNameTaken(tx, programme.id, input.year, input.name)) throw aidError('aid.scheme_exists', { year: input.year }, [{ field: 'name', message: input.name }]);
      const schemeId = await insertScheme(tx, { programmeId: programme.id, year: input.year, name: input.name, note: input.note, createdBy: actorUserId(ctx) });
      await saveComponents(tx, schemeId, input.components);
      await audit(tx, ctx, {
        action: 'aid_scheme.created',
        entityType: 'aid_scheme',
        entityId: schemeId,
        regionCode: programme.region_code,
        summary: { programmeId: programme.id, year: input.year, components: input.components.map((c) => ({ code: c.code, amount: c.amount, fundingSource: c.fundingSource })) },
      });
      return schemeId;
    });
    return this.get(ctx, id);
  }

  async update(ctx: Context, id: number, input: z.output<typeof UpdateSchemeSchema>): Promise<Scheme> {
    authorize(ctx.actor, 'aid.manage');
    assertUniqueCodes(input.components);
    await inTransaction(this.db, async (tx) => {
      const s = await findScheme(tx, id, scopeOf(ctx), true);
      if (!s) throw aidError('aid.scheme_not_found');
      if (!canManageScheme(ctx.actor, s.programme_region)) throw aidError('aid.scheme_out_of_scope');
      if (await schemeNameTaken(tx, s.programme_id, s.year, input.name, s.id)) throw aidError('aid.scheme_exists', { year: s.year }, [{ field: 'name', message: input.name }]);
      if (!(await updateScheme(tx, s.id, input.version, input))) throw aidError('aid.stale', {}, [{ field: 'version', message: String(input.version) }]);
      const before = await componentsOf(tx, [s.id]);
      await saveComponents(tx, s.id, input.components);
      await audit(tx, ctx, {
        action: 'aid_scheme.updated',
        entityType: 'aid_scheme',
        entityId: s.id,
        regionCode: s.programme_region,
        summary: {
          status: input.status,
          before: before.map((c) => ({ code: c.code, amount: Number(c.amount), fundingSource: c.funding_source, active: c.active })),
          after: input.components.map((c) => ({ code: c.code, amount: c.amount, fundingSource: c.fundingSource, active: c.active })),
        },
      });
    });
    return this.get(ctx, id);
  }
}
