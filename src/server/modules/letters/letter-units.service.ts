// Issuing units (letterhead, place, number format) and their letter templates.
import type { z } from 'zod';
import type { CreateLetterUnitSchema, LetterType, LetterUnit, UpdateLetterUnitSchema } from '../../../common/letters.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, authorizeInScope } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import { letterError } from './letters.errors.ts';
import { canSeeUnit, scopeOf, unitActions } from './letters.policy.ts';
import * as repo from './letters.repository.ts';

type UnitRow = repo.UnitRow;

/** The unit, if the actor may see it (otherwise "not found": its existence is not revealed). */
export async function visibleUnit(db: Executor, ctx: Context, id: number): Promise<UnitRow> {
  const unit = await repo.findUnit(db, id);
  if (!unit || !canSeeUnit(ctx.actor, unit.region_code)) throw letterError('letter.unit_not_found');
  return unit;
}

export class LetterUnitService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private unitView(ctx: Context, u: UnitRow): LetterUnit {
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      regionCode: u.region_code,
      institutionLines: u.institution_lines,
      address: u.address,
      phone: u.phone,
      logoFile: u.logo_file,
      place: u.place,
      numberFormat: u.number_format,
      actions: unitActions(ctx.actor, u.region_code),
    };
  }

  async listUnits(ctx: Context): Promise<{ items: LetterUnit[] }> {
    authorize(ctx.actor, 'letter.read');
    return { items: (await repo.listUnits(this.db, scopeOf(ctx.actor))).map((u) => this.unitView(ctx, u)) };
  }

  async createUnit(ctx: Context, input: z.output<typeof CreateLetterUnitSchema>): Promise<LetterUnit> {
    authorizeInScope(ctx.actor, 'letter.manage', input.regionCode);
    const id = await inTransaction(this.db, async (tx) => {
      if (!(await repo.regionExists(tx, input.regionCode))) throw letterError('letter.unknown_region', { code: input.regionCode });
      const taken = await tx.selectFrom('letter_unit').select('id').where('code', '=', input.code).executeTakeFirst();
      if (taken) throw letterError('letter.unit_code_taken', { code: input.code });
      const { id } = await tx
        .insertInto('letter_unit')
        .values({
          code: input.code,
          name: input.name,
          region_code: input.regionCode,
          institution_lines: input.institutionLines,
          address: input.address,
          phone: input.phone,
          logo_file: input.logoFile,
          place: input.place,
          number_format: input.numberFormat,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, { action: 'letter_unit.create', entityType: 'letter_unit', entityId: id, regionCode: input.regionCode, summary: { code: input.code } });
      return id;
    });
    return this.unitView(ctx, (await repo.findUnit(this.db, id))!);
  }

  async updateUnit(ctx: Context, id: number, input: z.output<typeof UpdateLetterUnitSchema>): Promise<LetterUnit> {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      const unit = await visibleUnit(tx, ctx, id);
      await tx
        .updateTable('letter_unit')
        .set({
          name: input.name,
          institution_lines: input.institutionLines,
          address: input.address,
          phone: input.phone,
          logo_file: input.logoFile,
          place: input.place,
          number_format: input.numberFormat,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, { action: 'letter_unit.update', entityType: 'letter_unit', entityId: id, regionCode: unit.region_code, summary: { fields: Object.keys(input) } });
    });
    return this.unitView(ctx, (await repo.findUnit(this.db, id))!);
  }

  async templates(ctx: Context, unitId: number) {
    authorize(ctx.actor, 'letter.read');
    await visibleUnit(this.db, ctx, unitId);
    return (await repo.templatesOf(this.db, unitId)).map((t) => ({ unitId: t.unit_id, type: t.type, body: t.body, updatedAt: new Date(t.updated_at).toISOString() }));
  }

  async putTemplate(ctx: Context, unitId: number, type: LetterType, body: string) {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      const unit = await visibleUnit(tx, ctx, unitId);
      if (!unitActions(ctx.actor, unit.region_code).includes('update')) throw letterError('letter.unit_not_found');
      await tx
        .insertInto('letter_template')
        .values({ unit_id: unitId, type, body })
        .onConflict((oc) => oc.columns(['unit_id', 'type']).doUpdateSet({ body, updated_at: this.clock() }))
        .execute();
      await audit(tx, ctx, { action: 'letter_template.update', entityType: 'letter_unit', entityId: unitId, regionCode: unit.region_code, summary: { type } });
    });
    const t = (await repo.findTemplate(this.db, unitId, type))!;
    return { unitId, type, body: t.body, updatedAt: new Date(t.updated_at).toISOString() };
  }
}
