// Recipients across letters: who has not answered yet (overdue after
// LETTER_RESPONSE_DAYS), filterable by region, as a list and as a workbook.
// Visibility follows the letters: the issuing unit's region within the caller's scope.
import type { z } from 'zod';
import type { RecipientExportQuerySchema, RecipientListQuerySchema } from '../../../common/letters.ts';
import type { Config } from '../../config.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { scopeRoot } from '../../platform/auth/scope.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { EXPORT_MAX_ROWS, toXlsx } from '../../platform/export/xlsx.ts';
import { letterError } from './letters.errors.ts';
import { recipientColumns } from './letters.export.ts';
import { scopeOf } from './letters.policy.ts';
import * as repo from './letters.repository.ts';

const DAY_MS = 86_400_000;
const day = (v: string | Date | null): string | null => (v === null ? null : typeof v === 'string' ? v : v.toISOString().slice(0, 10));

export class LetterRecipientService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return repo.wibToday(this.clock());
  }

  private daysSince(today: string): (sentOn: string | null) => number | null {
    return (sentOn) => (sentOn === null ? null : Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${sentOn}T00:00:00Z`)) / DAY_MS));
  }

  async list(ctx: Context, query: z.output<typeof RecipientListQuerySchema>) {
    authorize(ctx.actor, 'letter.read');
    const today = this.today();
    const since = this.daysSince(today);
    const { rows, total } = await repo.listRecipients(this.db, scopeOf(ctx.actor), query, repo.overdueCutoff(today, this.config.letterResponseDays));
    return {
      items: rows.map((r) => ({
        id: r.id,
        recipient: r.recipient,
        regionCode: r.region_code,
        sentOn: day(r.sent_on),
        deliveredOn: day(r.delivered_on),
        acknowledgedOn: day(r.acknowledged_on),
        responseOn: day(r.response_on),
        responseSummary: r.response_summary,
        responseDocumentRef: r.response_document_ref,
        overdue: Boolean(r.overdue),
        daysSinceSent: since(day(r.sent_on)),
        letter: {
          id: Number(r.letter_id),
          number: r.letter_number,
          type: r.letter_type,
          letterDate: day(r.letter_date)!,
          subject: r.letter_subject,
          unit: { id: Number(r.unit_id), code: r.unit_code, name: r.unit_name, regionCode: r.unit_region_code },
        },
      })),
      total,
    };
  }

  /** Every recipient the list would show with these filters, as a workbook; the export is audited. */
  async export(ctx: Context, query: z.output<typeof RecipientExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'letter.read');
    const scope = scopeOf(ctx.actor);
    const today = this.today();
    return inTransaction(this.db, async (tx) => {
      const cutoff = repo.overdueCutoff(today, this.config.letterResponseDays);
      const { rows, total } = await repo.listRecipients(tx, scope, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 }, cutoff);
      if (total > EXPORT_MAX_ROWS) throw letterError('letter.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Penerima surat' : 'Letter recipients', columns: recipientColumns(lang, this.daysSince(today)), rows }]);
      await audit(tx, ctx, {
        action: 'letter_recipient.exported',
        entityType: 'letter_recipient',
        regionCode: scopeRoot(scope),
        summary: { filter: query, rows: rows.length, format: 'xlsx' },
      });
      return { filename: `penerima-surat-${today}.xlsx`, bytes };
    });
  }
}
