// The canonical encoding an event's hash is computed over. It must give the
// same bytes for an event as written and as read back from the database, on
// both engines: keys sorted at every depth (jsonb reorders them), timestamps
// as ISO strings with milliseconds, no undefined.
import { createHash } from 'node:crypto';
import type { AuditEventTable } from './audit.tables.ts';

/** The previous hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);
/** Domain separation, and room for a future version of the encoding. */
const PREFIX = 'tuntas.audit.v1\n';

export interface ChainedEvent {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string;
  actorRoles: string[];
  actorScope: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionCode: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
  summary: Record<string, unknown>;
  breakGlass: boolean;
  prevHash: string;
}

/** JSON with sorted keys; rejects values JSON cannot carry faithfully. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`audit: ${value} cannot be encoded`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`audit: a ${typeof value} cannot be encoded`);
  }
}

/** The summary as it will read back from jsonb (what gets stored and hashed). */
export function normalizeSummary(summary: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(canonicalJson(summary)) as Record<string, unknown>;
}

export function hashEvent(event: ChainedEvent): string {
  return createHash('sha256').update(PREFIX).update(canonicalJson(event)).digest('hex');
}

export function chainedEventFromRow(row: AuditEventTable): ChainedEvent {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id === null ? null : Number(row.actor_user_id),
    actorUsername: row.actor_username,
    actorRoles: row.actor_roles,
    actorScope: row.actor_scope,
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
  };
}
