// Issuing units (letterhead, place, number format) and their letter templates.
import type { z } from 'zod';
import type { CreateLetterUnitSchema, LetterType, LetterUnit, UpdateLetterUnitSchema } from '../../../common/letters.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, authorizeInScope } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { checkUpload, readFile, storeFile, type Upload } from '../../platform/files/files.ts';
import { letterError } from './letters.errors.ts';
import { isDrawableLogo } from './letters.pdf.ts';
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
    /** Seals and opens the logos. */
    private readonly sealer: RecordSealer,
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
      logoFileId: u.logo_file_id === null ? null : Number(u.logo_file_id),
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

  // ------------------------------------------------------------ letterhead logo

  /** Sets the unit's letterhead logo (PNG or JPEG, within FILE_MAX_BYTES); a previous logo is deleted. */
  async putLogo(ctx: Context, id: number, upload: Upload): Promise<LetterUnit> {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      const unit = await visibleUnit(tx, ctx, id);
      if (!unitActions(ctx.actor, unit.region_code).includes('update')) throw letterError('letter.unit_not_found');
      const type = checkUpload(upload);
      if (type !== 'image/png' && type !== 'image/jpeg') throw letterError('letter.logo_type', { actual: type });
      if (!isDrawableLogo(upload.bytes, type)) throw letterError('letter.logo_unreadable');
      await tx.selectFrom('letter_unit').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      const file = await storeFile(tx, this.sealer, upload, ctx.actor.kind === 'user' ? ctx.actor.userId : null);
      const previous = (await repo.findUnit(tx, id))!.logo_file_id;
      await tx.updateTable('letter_unit').set({ logo_file_id: file.id, updated_at: this.clock() }).where('id', '=', id).execute();
      if (previous !== null) await tx.deleteFrom('stored_file').where('id', '=', previous).execute();
      await audit(tx, ctx, {
        action: 'letter_unit.logo_set',
        entityType: 'letter_unit',
        entityId: id,
        regionCode: unit.region_code,
        summary: { fileId: file.id, contentType: file.contentType, sizeBytes: file.sizeBytes, replaced: previous !== null },
      });
    });
    return this.unitView(ctx, (await repo.findUnit(this.db, id))!);
  }

  /** The logo's bytes, for readers of the unit (a letterhead image, not personal data: not audited). */
  async logo(ctx: Context, id: number) {
    authorize(ctx.actor, 'letter.read');
    const unit = await visibleUnit(this.db, ctx, id);
    const file = unit.logo_file_id === null ? undefined : await readFile(this.db, this.sealer, unit.logo_file_id);
    if (!file) throw letterError('letter.logo_not_found');
    return file;
  }

  async deleteLogo(ctx: Context, id: number): Promise<LetterUnit> {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      await tx.selectFrom('letter_unit').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      const unit = await visibleUnit(tx, ctx, id);
      if (!unitActions(ctx.actor, unit.region_code).includes('update')) throw letterError('letter.unit_not_found');
      if (unit.logo_file_id === null) throw letterError('letter.logo_not_found');
      await tx.updateTable('letter_unit').set({ logo_file_id: null, updated_at: this.clock() }).where('id', '=', id).execute();
      await tx.deleteFrom('stored_file').where('id', '=', unit.logo_file_id).execute();
      await audit(tx, ctx, { action: 'letter_unit.logo_delete', entityType: 'letter_unit', entityId: id, regionCode: unit.region_code, summary: { fileId: Number(unit.logo_file_id) } });
    });
    return this.unitView(ctx, (await repo.findUnit(this.db, id))!);
  }
}
