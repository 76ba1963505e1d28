// Letters and correspondence: letters (drafts, then issued with a gap-free
// number per unit and year), recipients and their responses, and the PDF.
// Issuing units and their templates are in letter-units.service.ts.
import path from 'node:path';
import type { z } from 'zod';
import type {
  AddRecipientsSchema,
  CreateLetterSchema,
  Letter,
  LetterExportQuerySchema,
  LetterListQuerySchema,
  UpdateLetterSchema,
  UpdateRecipientSchema,
} from '../../../common/letters.ts';
import type { Config } from '../../config.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { scopeRoot } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { EXPORT_MAX_ROWS, toXlsx } from '../../platform/export/xlsx.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { readFile } from '../../platform/files/files.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { canSeeSite } from '../sites/sites.policy.ts';
import { visibleUnit } from './letter-units.service.ts';
import { letterError } from './letters.errors.ts';
import { letterColumns } from './letters.export.ts';
import { formatLetterNumber, yearOf } from '../../../common/letter-number.ts';
import { fillTemplate, renderLetterPdf } from './letters.pdf.ts';
import { canSeeUnit, letterActions, scopeOf } from './letters.policy.ts';
import * as repo from './letters.repository.ts';

type LetterRow = repo.LetterRow;

function isoDate(v: string | Date | null): string | null {
  if (v === null) return null;
  return typeof v === 'string' ? v : v.toISOString().slice(0, 10);
}

/** A check constraint (`name`) rejected the statement. */
function violates(err: unknown, name: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  return e?.code === '23514' && (e.constraint === name || String(e.message).includes(name));
}

export class LetterService {
  constructor(
    private readonly db: Db,
    /** Opens the letterhead logos (file store). */
    private readonly sealer: RecordSealer,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  /** Recipients sent before this date and still unanswered are overdue. */
  private cutoff(): string {
    return repo.overdueCutoff(repo.wibToday(this.clock()), this.config.letterResponseDays);
  }

  // ------------------------------------------------------------ letters

  private letterView(ctx: Context, l: LetterRow, recipients?: repo.RecipientRow[]): Letter {
    return {
      id: l.id,
      unit: { id: l.unit_id, code: l.unit_code, name: l.unit_name, regionCode: l.unit_region_code },
      status: l.status,
      number: l.number,
      year: l.year,
      seq: l.seq,
      type: l.type,
      letterDate: isoDate(l.letter_date)!,
      subject: l.subject,
      classification: l.classification,
      nature: l.nature,
      attachmentsCount: l.attachments_count,
      body: l.body,
      signatoryName: l.signatory_name,
      signatoryTitle: l.signatory_title,
      copiesTo: l.copies_to,
      programmeId: l.programme_id === null ? null : Number(l.programme_id),
      regionCodes: l.region_codes,
      siteIds: l.site_ids.map(Number),
      issuedAt: l.issued_at ? new Date(l.issued_at).toISOString() : null,
      recipientCount: Number(l.recipient_count),
      answeredCount: Number(l.answered_count),
      overdue: Boolean(l.overdue),
      ...(recipients ? { recipients: recipients.map((r) => this.recipientView(r)) } : {}),
      actions: letterActions(ctx.actor, { unitRegion: l.unit_region_code, status: l.status }),
    };
  }

  private recipientView(r: repo.RecipientRow) {
    return {
      id: r.id,
      recipient: r.recipient,
      regionCode: r.region_code,
      sentOn: isoDate(r.sent_on),
      deliveredOn: isoDate(r.delivered_on),
      acknowledgedOn: isoDate(r.acknowledged_on),
      responseOn: isoDate(r.response_on),
      responseSummary: r.response_summary,
      responseDocumentRef: r.response_document_ref,
      overdue: Boolean(r.overdue),
    };
  }

  /** The letter, if the actor may see it; otherwise "not found". */
  private async visibleLetter(db: Executor, ctx: Context, id: number): Promise<LetterRow> {
    const letter = await repo.findLetter(db, id, this.cutoff());
    if (!letter || !canSeeUnit(ctx.actor, letter.unit_region_code)) throw letterError('letter.not_found');
    return letter;
  }

  /** Locks a letter for a change by someone holding letter.manage in its unit's scope. */
  private async lockForChange(tx: Executor, ctx: Context, id: number): Promise<LetterRow> {
    await tx.selectFrom('letter').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return this.visibleLetter(tx, ctx, id);
  }

  private async checkRegions(db: Executor, codes: string[] | undefined) {
    const missing = await repo.missingRegions(db, codes ?? []);
    if (missing.length > 0) throw letterError('letter.unknown_region', { code: missing.join(', ') });
  }

  /** A linked programme and linked sites must exist and be visible to the caller (else a field error). */
  private async checkLinks(db: Executor, ctx: Context, input: { programmeId?: number | null | undefined; siteIds?: number[] | undefined }) {
    const { actor } = ctx;
    if (input.programmeId !== undefined && input.programmeId !== null) {
      const programme = can(actor, 'program.read') ? await findProgramme(db, input.programmeId, scopeOf(actor)) : undefined;
      if (!programme)
        throw letterError('letter.unknown_programme', { id: input.programmeId }, [
          { field: 'body.programmeId', message: { id: 'program tidak ditemukan atau di luar wilayah Anda', en: 'no such programme within your region' } },
        ]);
    }
    const siteIds = [...new Set(input.siteIds ?? [])];
    if (siteIds.length > 0) {
      const rows = await db.selectFrom('site').select(['id', 'region_code']).where('id', 'in', siteIds).execute();
      const seen = new Set(rows.filter((r) => canSeeSite(actor, { regionCode: r.region_code })).map((r) => Number(r.id)));
      const missing = siteIds.filter((id) => !seen.has(id));
      if (missing.length > 0)
        throw letterError(
          'letter.unknown_site',
          { id: missing.join(', ') },
          missing.map((id) => ({
            field: `body.siteIds.${input.siteIds!.indexOf(id)}`,
            message: { id: 'lokalisasi tidak ditemukan atau di luar wilayah Anda', en: 'no such site within your region' },
          })),
        );
    }
  }

  async list(ctx: Context, query: z.output<typeof LetterListQuerySchema>) {
    authorize(ctx.actor, 'letter.read');
    const { rows, total } = await repo.listLetters(this.db, scopeOf(ctx.actor), query, this.cutoff());
    return { items: rows.map((l) => this.letterView(ctx, l)), total };
  }

  /** Every letter the list would show with these filters, as a workbook; the export is audited. */
  async export(ctx: Context, query: z.output<typeof LetterExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'letter.read');
    const scope = scopeOf(ctx.actor);
    return inTransaction(this.db, async (tx) => {
      const { rows, total } = await repo.listLetters(tx, scope, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 }, this.cutoff());
      if (total > EXPORT_MAX_ROWS) throw letterError('letter.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Surat' : 'Letters', columns: letterColumns(lang), rows }]);
      await audit(tx, ctx, { action: 'letter.exported', entityType: 'letter', regionCode: scopeRoot(scope), summary: { filter: query, rows: rows.length, format: 'xlsx' } });
      return { filename: `surat-${repo.wibToday(this.clock())}.xlsx`, bytes };
    });
  }

  async get(ctx: Context, id: number): Promise<Letter> {
    authorize(ctx.actor, 'letter.read');
    const letter = await this.visibleLetter(this.db, ctx, id);
    return this.letterView(ctx, letter, await repo.recipientsOf(this.db, id, this.cutoff()));
  }

  async create(ctx: Context, input: z.output<typeof CreateLetterSchema>): Promise<Letter> {
    authorize(ctx.actor, 'letter.manage');
    const id = await inTransaction(this.db, async (tx) => {
      const unit = await visibleUnit(tx, ctx, input.unitId);
      await this.checkRegions(tx, input.regionCodes);
      await this.checkLinks(tx, ctx, input);
      // Without a body, the unit's template for this type (placeholders are filled in the PDF).
      const body = input.body ?? (await repo.findTemplate(tx, unit.id, input.type))?.body ?? '';
      const { id } = await tx
        .insertInto('letter')
        .values({
          unit_id: unit.id,
          type: input.type,
          letter_date: input.letterDate,
          subject: input.subject,
          classification: input.classification,
          nature: input.nature,
          attachments_count: input.attachmentsCount,
          body,
          signatory_name: input.signatoryName,
          signatory_title: input.signatoryTitle,
          copies_to: input.copiesTo,
          programme_id: input.programmeId,
          region_codes: input.regionCodes,
          created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await repo.setLetterSites(tx, id, input.siteIds);
      await audit(tx, ctx, { action: 'letter.create', entityType: 'letter', entityId: id, regionCode: unit.region_code, summary: { type: input.type, unit: unit.code } });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: Context, id: number, input: z.output<typeof UpdateLetterSchema>): Promise<Letter> {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      const letter = await this.lockForChange(tx, ctx, id);
      if (letter.status !== 'draft') throw letterError('letter.not_draft');
      await this.checkRegions(tx, input.regionCodes);
      await this.checkLinks(tx, ctx, input);
      await tx
        .updateTable('letter')
        .set({
          type: input.type,
          letter_date: input.letterDate,
          subject: input.subject,
          classification: input.classification,
          nature: input.nature,
          attachments_count: input.attachmentsCount,
          body: input.body,
          signatory_name: input.signatoryName,
          signatory_title: input.signatoryTitle,
          copies_to: input.copiesTo,
          programme_id: input.programmeId,
          region_codes: input.regionCodes,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      if (input.siteIds !== undefined) await repo.setLetterSites(tx, id, input.siteIds);
      await audit(tx, ctx, { action: 'letter.update', entityType: 'letter', entityId: id, regionCode: letter.unit_region_code, summary: { fields: Object.keys(input) } });
    });
    return this.get(ctx, id);
  }

  /**
   * Issues a draft: takes the next number of its unit and year (the counter row
   * is locked until commit) and writes it in the same transaction, so a failure
   * anywhere after taking it gives the number back — numbers have no gaps.
   */
  async issue(ctx: Context, id: number): Promise<Letter> {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      const letter = await this.lockForChange(tx, ctx, id);
      if (letter.status !== 'draft') throw letterError('letter.not_draft');
      const unit = (await repo.findUnit(tx, letter.unit_id))!;
      const letterDate = isoDate(letter.letter_date)!;
      const year = yearOf(letterDate);
      const seq = await repo.nextSeq(tx, unit.id, year);
      const number = formatLetterNumber(unit.number_format, { seq, unit: unit.code, classification: letter.classification, letterDate });
      try {
        await tx
          .updateTable('letter')
          .set({ status: 'issued', year, seq, number, issued_at: this.clock(), updated_at: this.clock() })
          .where('id', '=', id)
          .execute();
      } catch (err) {
        if (violates(err, 'letter_issued_signed')) throw letterError('letter.incomplete');
        throw err;
      }
      await audit(tx, ctx, { action: 'letter.issue', entityType: 'letter', entityId: id, regionCode: unit.region_code, summary: { number, year, seq } });
    });
    return this.get(ctx, id);
  }

  async pdf(ctx: Context, id: number): Promise<{ filename: string; pdf: Buffer }> {
    authorize(ctx.actor, 'letter.read');
    const letter = await this.visibleLetter(this.db, ctx, id);
    const unit = (await repo.findUnit(this.db, letter.unit_id))!;
    const recipients = await repo.recipientsOf(this.db, id, this.cutoff());
    const letterDate = isoDate(letter.letter_date)!;
    const values = {
      number: letter.number ?? '',
      date: letterDate,
      subject: letter.subject,
      unit: unit.name,
      place: unit.place,
      signatory_name: letter.signatory_name,
      signatory_title: letter.signatory_title,
      recipient: recipients.map((r) => r.recipient).join(', '),
    };
    // The uploaded logo (file store); else the older file name under DATA_DIR/letterheads.
    const logo = unit.logo_file_id !== null ? ((await readFile(this.db, this.sealer, unit.logo_file_id))?.content ?? null) : null;
    const logoDir = path.join(this.config.dataDir, 'letterheads');
    const logoPath = !logo && unit.logo_file ? path.join(logoDir, path.basename(unit.logo_file)) : null;
    const pdf = await renderLetterPdf({
      letterhead: { institutionLines: unit.institution_lines, unitName: unit.name, address: unit.address, phone: unit.phone, logoPath, logo },
      place: unit.place,
      number: letter.number,
      letterDate,
      nature: letter.nature,
      attachmentsCount: letter.attachments_count,
      subject: letter.subject,
      recipients: recipients.map((r) => r.recipient),
      body: fillTemplate(letter.body, values),
      signatoryName: letter.signatory_name,
      signatoryTitle: letter.signatory_title,
      copiesTo: letter.copies_to,
      draft: letter.status === 'draft',
    });
    const filename = letter.number ? `surat-${letter.number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf` : `konsep-surat-${id}.pdf`;
    return { filename, pdf };
  }

  // ------------------------------------------------------------ recipients

  async addRecipients(ctx: Context, id: number, input: z.output<typeof AddRecipientsSchema>): Promise<Letter> {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      const letter = await this.lockForChange(tx, ctx, id);
      await this.checkRegions(tx, input.recipients.flatMap((r) => (r.regionCode ? [r.regionCode] : [])));
      if (letter.status === 'draft' && input.recipients.some((r) => r.sentOn)) throw letterError('letter.not_issued');
      await tx
        .insertInto('letter_recipient')
        .values(input.recipients.map((r) => ({ letter_id: id, recipient: r.recipient, region_code: r.regionCode, sent_on: r.sentOn })))
        .execute();
      await audit(tx, ctx, { action: 'letter.add_recipients', entityType: 'letter', entityId: id, regionCode: letter.unit_region_code, summary: { count: input.recipients.length } });
    });
    return this.get(ctx, id);
  }

  async updateRecipient(ctx: Context, id: number, recipientId: number, input: z.output<typeof UpdateRecipientSchema>): Promise<Letter> {
    authorize(ctx.actor, 'letter.manage');
    await inTransaction(this.db, async (tx) => {
      const letter = await this.lockForChange(tx, ctx, id);
      if (letter.status !== 'issued') throw letterError('letter.not_issued');
      const r = await tx
        .updateTable('letter_recipient')
        .set({
          sent_on: input.sentOn,
          delivered_on: input.deliveredOn,
          acknowledged_on: input.acknowledgedOn,
          response_on: input.responseOn,
          response_summary: input.responseSummary,
          response_document_ref: input.responseDocumentRef,
          updated_at: this.clock(),
        })
        .where('id', '=', recipientId)
        .where('letter_id', '=', id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw letterError('letter.recipient_not_found');
      await audit(tx, ctx, {
        action: 'letter.update_recipient',
        entityType: 'letter',
        entityId: id,
        regionCode: letter.unit_region_code,
        summary: { recipientId, fields: Object.keys(input) },
      });
    });
    return this.get(ctx, id);
  }
}
