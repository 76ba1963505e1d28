// audit(tx, ctx, event): appends one event to the hash chain inside the
// caller's transaction, so the event commits or rolls back with the change.
// Call it last in the transaction: it locks the chain's head row until commit
// (that lock is what keeps concurrent appends in one unbroken chain).
import type { AnyActor, Context } from '../auth/actor.ts';
import type { Tx } from '../db/database.ts';
import { canonicalJson, hashEvent, normalizeSummary, type ChainedEvent } from './canonical.ts';
import { assertNoPersonalData, assertSummarySize } from './summary-guard.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  regionCode?: string | null;
  reason?: string | null;
  /** Field names and non-identifying values only (see summary-guard.ts). */
  summary?: Record<string, unknown>;
  breakGlass?: boolean;
}

const USER_AGENT_MAX = 300;
const REASON_MAX = 2_000;

export async function audit(tx: Tx, ctx: Context, event: AuditInput): Promise<void> {
  if (!tx.isTransaction) throw new Error('audit() must be called with the transaction of the change it records');
  const summary = event.summary ?? {};
  assertNoPersonalData(summary);
  const normalized = normalizeSummary(summary);
  assertSummarySize(canonicalJson(normalized));

  const db = tx;
  const head = await lockHead(db);
  const chained: ChainedEvent = {
    seq: head.seq + 1,
    at: new Date().toISOString(),
    ...actorFields(ctx.actor),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    regionCode: event.regionCode ?? null,
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
    reason: event.reason?.slice(0, REASON_MAX) ?? null,
    summary: normalized,
    breakGlass: event.breakGlass ?? false,
    prevHash: head.hash,
  };
  const hash = hashEvent(chained);
  await db
    .insertInto('audit_event')
    .values({
      seq: chained.seq,
      at: new Date(chained.at),
      actor_user_id: chained.actorUserId,
      actor_username: chained.actorUsername,
      actor_roles: chained.actorRoles,
      actor_scope: chained.actorScope,
      action: chained.action,
      entity_type: chained.entityType,
      entity_id: chained.entityId,
      region_code: chained.regionCode,
      request_id: chained.requestId,
      ip: chained.ip,
      user_agent: chained.userAgent,
      reason: chained.reason,
      summary: JSON.stringify(normalized) as never, // jsonb: send the text, not a JS object
      break_glass: chained.breakGlass,
      prev_hash: chained.prevHash,
      hash,
    })
    .execute();
  await db.updateTable('audit_head').set({ seq: chained.seq, hash }).where('id', '=', 1).execute();
}

/** Locks the head row until commit; concurrent appenders wait here, then see the new head. */
export async function lockHead(db: Tx): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

function actorFields(actor: AnyActor): Pick<ChainedEvent, 'actorUserId' | 'actorUsername' | 'actorRoles' | 'actorScope'> {
  if (actor.kind === 'system') return { actorUserId: null, actorUsername: actor.username, actorRoles: [], actorScope: null };
  return {
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorRoles: [...actor.roles],
    actorScope: actor.scope.level === 'national' ? 'national' : actor.scope.code,
  };
}
