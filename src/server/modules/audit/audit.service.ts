// Reading, exporting and verifying the audit log. Reading it is itself audited,
// in the same transaction as the read.
import type { AuditCheckpoint, AuditExportQuery, AuditFilter, AuditList, AuditQuery, AuditVerify } from '../../../common/audit.ts';
import type { AnyActor, Context } from '../../platform/auth/actor.ts';
import { authorize, requireRecentReauth } from '../../platform/auth/authorize.ts';
import { systemClock, type Clock } from '../../platform/auth/clock.ts';
import { audit } from '../../platform/audit/audit.ts';
import { createCheckpoint } from '../../platform/audit/checkpoint.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { csvHeader, csvRow } from './audit.csv.ts';
import { auditError } from './audit.errors.ts';
import * as repo from './audit.repository.ts';

export const EXPORT_MAX_ROWS = 100_000;

export interface AuditExport {
  filename: string;
  contentType: string;
  body: string;
}

function scopeOf(actor: AnyActor): repo.AuditScope {
  return actor.kind === 'system' ? null : actor.scope;
}

/** The filters as recorded in the read's own audit event (no unset keys). */
function filtersOf(q: AuditFilter): Record<string, unknown> {
  const { actor, entityType, entityId, regionCode, action, from, to, breakGlass } = q;
  return { actor, entityType, entityId, regionCode, action, from, to, breakGlass };
}

export class AuditService {
  private readonly clock: Clock;
  private readonly reauthMs: number | undefined;
  private readonly exportMaxRows: number;

  constructor(
    private readonly db: Db,
    options: { clock?: Clock; reauthMs?: number; exportMaxRows?: number } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.reauthMs = options.reauthMs;
    this.exportMaxRows = options.exportMaxRows ?? EXPORT_MAX_ROWS;
  }

  async list(ctx: Context, query: AuditQuery): Promise<AuditList> {
    authorize(ctx.actor, 'audit.read');
    return inTransaction(this.db, async (tx) => {
      const { rows, total } = await repo.listEvents(tx, query, scopeOf(ctx.actor), query);
      await audit(tx, ctx, {
        action: 'audit.read',
        entityType: 'audit_event',
        summary: { filters: filtersOf(query), limit: query.limit, offset: query.offset, returned: rows.length, total },
      });
      return { items: rows.map(repo.toView), total };
    });
  }

  async export(ctx: Context, query: AuditExportQuery): Promise<AuditExport> {
    authorize(ctx.actor, 'audit.export');
    requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    const scope = scopeOf(ctx.actor);
    return inTransaction(this.db, async (tx) => {
      const { count, maxSeq } = await repo.countEvents(tx, query, scope);
      if (count > this.exportMaxRows) throw auditError('audit.export_too_large', { count, max: this.exportMaxRows });
      const parts: string[] = [];
      let rows = 0;
      for await (const batch of repo.eventBatches(tx, query, scope, maxSeq)) {
        for (const row of batch) {
          const view = repo.toView(row);
          parts.push(query.format === 'csv' ? csvRow(view) : `${rows === 0 ? '' : ',\n'}${JSON.stringify(view)}`);
          rows++;
        }
      }
      await audit(tx, ctx, { action: 'audit.export', entityType: 'audit_event', summary: { filters: filtersOf(query), format: query.format, rows } });
      const day = this.clock().toISOString().slice(0, 10).replace(/-/g, '');
      return query.format === 'csv'
        ? // The byte-order mark makes spreadsheet programs read the file as UTF-8.
          { filename: `audit-${day}.csv`, contentType: 'text/csv; charset=utf-8', body: `\uFEFF${csvHeader()}${parts.join('')}` }
        : { filename: `audit-${day}.json`, contentType: 'application/json; charset=utf-8', body: `[\n${parts.join('')}\n]\n` };
    });
  }

  /** Records the chain's current head as a checkpoint, for auditors to keep outside the system. */
  async checkpoint(ctx: Context): Promise<AuditCheckpoint> {
    authorize(ctx.actor, 'audit.read');
    return inTransaction(this.db, (tx) => createCheckpoint(tx, ctx));
  }

  async verify(ctx: Context, known: Array<{ seq: number; hash: string }> = []): Promise<AuditVerify> {
    authorize(ctx.actor, 'audit.read');
    const result = await verifyAuditChain(this.db, known);
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'audit.verify', entityType: 'audit_event', summary: { ok: result.ok, count: result.count, firstBroken: result.firstBroken } }),
    );
    return result;
  }
}
