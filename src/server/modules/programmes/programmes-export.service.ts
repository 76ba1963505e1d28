// The closure programme's lists as Excel workbooks, with the lists' own filters and
// scope; every export is audited.
import type { z } from 'zod';
import type {
  ProgrammeExportQuerySchema,
  ProgrammeRegionExportQuerySchema,
  ReadinessExportQuerySchema,
  StatusHistoryExportQuerySchema,
} from '../../../common/programmes.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { scopeRoot } from '../../platform/auth/scope.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { EXPORT_MAX_ROWS, toXlsx } from '../../platform/export/xlsx.ts';
import { actorScope, visibleProgramme, visibleRegion } from './programmes.access.ts';
import { programmeError } from './programmes.errors.ts';
import { programmeColumns, programmeRegionColumns, readinessColumns, statusHistoryColumns } from './programmes.export.ts';
import { listProgrammeRegions, listProgrammes, readinessRequests, statusHistory } from './programmes.repository.ts';

/** Today in WIB, for file names. */
const wibDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

export class ProgrammeExportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Every programme the list would show with these filters, as a workbook; the export is audited. */
  async export(ctx: Context, query: z.output<typeof ProgrammeExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'program.read');
    const scope = actorScope(ctx);
    return inTransaction(this.db, async (tx) => {
      const { rows, total } = await listProgrammes(tx, scope, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 });
      if (total > EXPORT_MAX_ROWS) throw programmeError('programme.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Program' : 'Programmes', columns: programmeColumns(lang), rows }]);
      await audit(tx, ctx, { action: 'programme.exported', entityType: 'programme', regionCode: scope ? scopeRoot(scope) : null, summary: { filter: query, rows: rows.length, format: 'xlsx' } });
      return { filename: `program-${wibDay(this.clock())}.xlsx`, bytes };
    });
  }

  /** Every regency/city the list would show with these filters, as a workbook; the export is audited. */
  async exportRegions(ctx: Context, programmeId: number, query: z.output<typeof ProgrammeRegionExportQuerySchema>, lang: Lang) {
    authorize(ctx.actor, 'program.read');
    return inTransaction(this.db, async (tx) => {
      const p = await visibleProgramme(tx, ctx, programmeId);
      const { rows, total } = await listProgrammeRegions(tx, programmeId, actorScope(ctx), { ...query, limit: EXPORT_MAX_ROWS, offset: 0 });
      if (total > EXPORT_MAX_ROWS) throw programmeError('programme.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: p.name, columns: programmeRegionColumns(lang), rows }]);
      const scope = actorScope(ctx);
      await audit(tx, ctx, {
        action: 'programme_region.exported',
        entityType: 'programme',
        entityId: programmeId,
        regionCode: scope && scope.level !== 'national' ? scope.code : p.region_code,
        summary: { filter: query, rows: rows.length, format: 'xlsx' },
      });
      return { filename: `program-${programmeId}-wilayah-${wibDay(this.clock())}.xlsx`, bytes };
    });
  }

  /** A regency/city's status history (the list's order, every change) as a workbook; the export is audited. */
  async exportHistory(ctx: Context, id: number, query: z.output<typeof StatusHistoryExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'program.read');
    return inTransaction(this.db, async (tx) => {
      const r = await visibleRegion(tx, ctx, id);
      const { rows, total } = await statusHistory(tx, id, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 });
      if (total > EXPORT_MAX_ROWS) throw programmeError('programme.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: `${r.region_name} ${lang === 'id' ? 'riwayat status' : 'status history'}`, columns: statusHistoryColumns(lang), rows }]);
      await audit(tx, ctx, {
        action: 'programme_region.history.exported',
        entityType: 'programme_region',
        entityId: id,
        regionCode: r.region_code,
        summary: { programmeId: r.programme_id, filter: query, rows: rows.length, format: 'xlsx' },
      });
      return { filename: `program-${r.programme_id}-${r.region_code}-riwayat-status-${wibDay(this.clock())}.xlsx`, bytes };
    });
  }

  /** A regency/city's readiness requests (the list's filter, every request) as a workbook; the export is audited. */
  async exportReadiness(ctx: Context, id: number, query: z.output<typeof ReadinessExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'program.read');
    return inTransaction(this.db, async (tx) => {
      const r = await visibleRegion(tx, ctx, id);
      const { rows, total } = await readinessRequests(tx, id, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 });
      if (total > EXPORT_MAX_ROWS) throw programmeError('programme.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: `${r.region_name} ${lang === 'id' ? 'kesiapan pemda' : 'readiness'}`, columns: readinessColumns(lang), rows }]);
      await audit(tx, ctx, {
        action: 'programme_region.readiness.exported',
        entityType: 'programme_region',
        entityId: id,
        regionCode: r.region_code,
        summary: { programmeId: r.programme_id, filter: query, rows: rows.length, format: 'xlsx' },
      });
      return { filename: `program-${r.programme_id}-${r.region_code}-kesiapan-${wibDay(this.clock())}.xlsx`, bytes };
    });
  }
}
