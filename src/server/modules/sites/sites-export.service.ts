// The sites' lists as Excel workbooks, with the lists' own filters and scope; every
// export is audited.
import type { z } from 'zod';
import type { HeadCountExportQuerySchema, MonitoringVisitExportQuerySchema, SiteExportQuerySchema } from '../../../common/sites.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { scopeRoot } from '../../platform/auth/scope.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { EXPORT_MAX_ROWS, toXlsx } from '../../platform/export/xlsx.ts';
import { headCountPage, visibleSite } from './sites.access.ts';
import { siteError } from './sites.errors.ts';
import { headCountColumns, monitoringVisitColumns, siteColumns } from './sites.export.ts';
import { listSites, visitsOf } from './sites.repository.ts';

/** Today in WIB, for file names. */
const wibDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

export class SiteExportService {
  constructor(private readonly db: Db) {}

  /** Every site the list would show with these filters, as a workbook; the export is audited. */
  async export(ctx: Context, query: z.output<typeof SiteExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'site.read');
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : null;
    return inTransaction(this.db, async (tx) => {
      const { rows, total } = await listSites(tx, scope, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 });
      if (total > EXPORT_MAX_ROWS) throw siteError('site.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Lokalisasi' : 'Sites', columns: siteColumns(lang), rows }]);
      await audit(tx, ctx, { action: 'site.exported', entityType: 'site', regionCode: scope ? scopeRoot(scope) : null, summary: { filter: query, rows: rows.length, format: 'xlsx' } });
      return { filename: `lokalisasi-${wibDay(new Date())}.xlsx`, bytes };
    });
  }

  /** A site's head counts (the list's filters, every row) as a workbook; the export is audited. */
  async exportHeadCounts(ctx: Context, id: number, query: z.output<typeof HeadCountExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'site.read');
    return inTransaction(this.db, async (tx) => {
      const site = await visibleSite(ctx, tx, id);
      const { items } = await headCountPage(tx, id, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 });
      const bytes = await toXlsx(lang, [{ name: `${site.code} ${lang === 'id' ? 'jumlah orang' : 'head counts'}`, columns: headCountColumns(lang), rows: items }]);
      await audit(tx, ctx, { action: 'site.head_counts.exported', entityType: 'site', entityId: id, regionCode: site.region_code, summary: { filter: query, rows: items.length, format: 'xlsx' } });
      return { filename: `${site.code.toLowerCase()}-jumlah-orang-${wibDay(new Date())}.xlsx`, bytes };
    });
  }

  /** A site's monitoring visits (the list's filters and order, every visit) as a workbook; the export is audited. */
  async exportVisits(ctx: Context, id: number, query: z.output<typeof MonitoringVisitExportQuerySchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'site.read');
    return inTransaction(this.db, async (tx) => {
      const site = await visibleSite(ctx, tx, id);
      const { rows, total } = await visitsOf(tx, id, { ...query, limit: EXPORT_MAX_ROWS, offset: 0 });
      if (total > EXPORT_MAX_ROWS) throw siteError('site.export_too_large', { count: total, max: EXPORT_MAX_ROWS });
      const bytes = await toXlsx(lang, [{ name: `${site.code} ${lang === 'id' ? 'pemantauan' : 'monitoring'}`, columns: monitoringVisitColumns(lang), rows }]);
      await audit(tx, ctx, { action: 'site.monitoring_visits.exported', entityType: 'site', entityId: id, regionCode: site.region_code, summary: { filter: query, rows: rows.length, format: 'xlsx' } });
      return { filename: `${site.code.toLowerCase()}-pemantauan-${wibDay(new Date())}.xlsx`, bytes };
    });
  }
}
