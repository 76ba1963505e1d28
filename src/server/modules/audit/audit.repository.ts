// Queries on the audit log: filters, pages, export batches. No access rules
// here beyond the scope condition the service passes in.
import type { SelectQueryBuilder } from 'kysely';
import type { AuditEventView, AuditFilter } from '../../../common/audit.ts';
import type { Scope } from '../../../common/auth.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { AuditEventTable } from '../../platform/audit/audit.tables.ts';
import type { DB } from '../../platform/db/schema.ts';

/** null: the whole log (national users and the command line). */
export type AuditScope = Scope | null;

const DAY_MS = 86_400_000;

type EventQuery = SelectQueryBuilder<DB, 'audit_event', object>;

function filtered(db: Executor, f: AuditFilter, scope: AuditScope): EventQuery {
  let q = db.selectFrom('audit_event') as EventQuery;
  // A province or regency sees the events of its regions; events without a region are national business.
  if (scope && scope.level !== 'national') q = q.where(scopeFilter(scope, 'audit_event.region_code'));
  if (f.actor !== undefined) q = q.where('actor_username', '=', f.actor.toLowerCase());
  if (f.entityType !== undefined) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId !== undefined) q = q.where('entity_id', '=', f.entityId);
  if (f.regionCode !== undefined) {
    const code = f.regionCode;
    q = q.where((eb) => eb.or([eb('region_code', '=', code), eb('region_code', 'like', `${escapeLike(code)}.%`)]));
  }
  if (f.action !== undefined)
    q = f.action.endsWith('.') ? q.where('action', 'like', `${escapeLike(f.action)}%`) : q.where('action', '=', f.action);
  if (f.from !== undefined) q = q.where('at', '>=', new Date(`${f.from}T00:00:00Z`));
  if (f.to !== undefined) q = q.where('at', '<', new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS));
  if (f.breakGlass !== undefined) q = q.where('break_glass', '=', f.breakGlass);
  return q;
}

export async function listEvents(
  db: Executor,
  f: AuditFilter,
  scope: AuditScope,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditEventTable[]; total: number }> {
  const q = filtered(db, f, scope);
  const rows = await q.selectAll().orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** How many events match, and the newest one's seq (exports stop there). */
export async function countEvents(db: Executor, f: AuditFilter, scope: AuditScope): Promise<{ count: number; maxSeq: number }> {
  const r = await filtered(db, f, scope)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('max_seq')])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), maxSeq: Number(r.max_seq ?? 0) };
}

/** Matching events up to `maxSeq`, newest first, read in keyset batches. */
export async function* eventBatches(db: Executor, f: AuditFilter, scope: AuditScope, maxSeq: number, batch = 5_000): AsyncGenerator<AuditEventTable[]> {
  let below = maxSeq + 1;
  for (;;) {
    const rows = await filtered(db, f, scope).selectAll().where('seq', '<', below).orderBy('seq', 'desc').limit(batch).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    below = Number(rows.at(-1)!.seq);
  }
}

export function toView(row: AuditEventTable): AuditEventView {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actor: {
      userId: row.actor_user_id === null ? null : Number(row.actor_user_id),
      username: row.actor_username,
      roles: row.actor_roles,
      scope: row.actor_scope,
    },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    regionCode: row.region_code,
    requestId: row.request_id,
    ip: row.ip,
    userAgent: row.user_agent,
    reason: row.reason,
    summary: row.summary,
    breakGlass: row.break_glass,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
