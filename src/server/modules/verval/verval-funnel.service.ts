// The funnel report: listed → verified → eligible per site, regency/city and in
// total for one programme (as JSON and as an Excel workbook). Counts only.
import type { Funnel, FunnelCounts } from '../../../common/verval.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { scopeRoot } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { toXlsx } from '../../platform/export/xlsx.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { wibDate } from '../registry/registry-access.ts';
import { vervalError } from './verval.errors.ts';
import { funnelColumns, funnelExportRows } from './verval.export.ts';
import { funnelRows, type FunnelRow } from './verval-funnel.repository.ts';

const ZERO: FunnelCounts = { listed: 0, onLatestList: 0, evaluated: 0, verified: 0, eligible: 0, notEligible: 0, overridden: 0 };

const countsOf = (r: FunnelRow): FunnelCounts => ({
  listed: r.listed,
  onLatestList: r.on_latest_list,
  evaluated: r.evaluated,
  verified: r.verified,
  eligible: r.eligible,
  notEligible: r.not_eligible,
  overridden: r.overridden,
});

function add(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  return Object.fromEntries(Object.keys(ZERO).map((k) => [k, a[k as keyof FunnelCounts] + b[k as keyof FunnelCounts]])) as FunnelCounts;
}

export class VervalFunnelService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private async build(ctx: Context, db: Executor, programmeId: number, regency?: string): Promise<Funnel> {
    authorize(ctx.actor, 'report.read');
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : null;
    const p = await findProgramme(db, programmeId, scope);
    if (!p) throw vervalError('verval.programme_not_found');
    const rows = await funnelRows(db, p, scope, regency);
    const regencies = new Map<string, Funnel['regencies'][number]>();
    for (const r of rows) {
      const before = regencies.get(r.regency_code) ?? { regencyCode: r.regency_code, regencyName: r.regency_name, ...ZERO };
      regencies.set(r.regency_code, { ...before, ...add(before, countsOf(r)) });
    }
    return {
      programmeId: p.id,
      programmeName: p.name,
      sites: rows.map((r) => ({ siteId: r.site_id, siteCode: r.site_code, siteName: r.site_name, regencyCode: r.regency_code, regencyName: r.regency_name, ...countsOf(r) })),
      regencies: [...regencies.values()],
      total: rows.map(countsOf).reduce(add, ZERO),
    };
  }

  async funnel(ctx: Context, programmeId: number, regency?: string): Promise<Funnel> {
    return this.build(ctx, this.db, programmeId, regency);
  }

  async export(ctx: Context, programmeId: number, regency: string | undefined, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    return inTransaction(this.db, async (tx) => {
      const f = await this.build(ctx, tx, programmeId, regency);
      const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Corong verifikasi' : 'Verification funnel', columns: funnelColumns(lang), rows: funnelExportRows(f) }]);
      await audit(tx, ctx, {
        action: 'verval_funnel.exported',
        entityType: 'programme',
        entityId: programmeId,
        regionCode: ctx.actor.kind === 'user' ? scopeRoot(ctx.actor.scope) : null,
        summary: { filter: { regency: regency ?? null }, rows: f.sites.length, format: 'xlsx' },
      });
      return { filename: `corong-verval-${programmeId}-${wibDate(this.clock())}.xlsx`, bytes };
    });
  }
}
