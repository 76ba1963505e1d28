// CSV for auditors' spreadsheets: RFC 4180 quoting, and no cell that a
// spreadsheet would run as a formula (CSV injection).
import type { AuditEventView } from '../../../common/audit.ts';

const COLUMNS: Array<[string, (e: AuditEventView) => unknown]> = [
  ['seq', (e) => e.seq],
  ['at', (e) => e.at],
  ['actor_username', (e) => e.actor.username],
  ['actor_user_id', (e) => e.actor.userId],
  ['actor_roles', (e) => e.actor.roles.join(';')],
  ['actor_scope', (e) => e.actor.scope],
  ['action', (e) => e.action],
  ['entity_type', (e) => e.entityType],
  ['entity_id', (e) => e.entityId],
  ['region_code', (e) => e.regionCode],
  ['request_id', (e) => e.requestId],
  ['ip', (e) => e.ip],
  ['user_agent', (e) => e.userAgent],
  ['reason', (e) => e.reason],
  ['break_glass', (e) => e.breakGlass],
  ['summary', (e) => JSON.stringify(e.summary)],
  ['prev_hash', (e) => e.prevHash],
  ['hash', (e) => e.hash],
];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

export function csvRow(event: AuditEventView): string {
  return `${COLUMNS.map(([, get]) => csvCell(get(event))).join(',')}\r\n`;
}
