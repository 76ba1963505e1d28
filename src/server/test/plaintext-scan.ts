// The plaintext scan: every text-like and bytea column of every table in the public
// schema (audit log, jobs, staging and upload chunks included), searched for values
// that must only ever exist encrypted. Returns "table.column holds "needle"" lines.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../platform/db/database.ts';

export async function scanDatabase(database: Database, needles: string[]): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type
      from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(database.db);
  assert.ok(columns.rows.some((c) => c.table_name === 'person' && c.column_name === 'identity_ct'));
  assert.ok(columns.rows.some((c) => c.table_name === 'audit_event'));
  assert.ok(columns.rows.some((c) => c.table_name === 'job'));
  const found: string[] = [];
  for (const c of columns.rows) {
    const col = sql.ref(c.column_name);
    for (const needle of needles) {
      const condition =
        c.data_type === 'bytea'
          ? sql`position(convert_to(${needle}, 'UTF8') in ${col}) > 0 or position(${needle.toLowerCase()} in lower(encode(${col}, 'escape'))) > 0`
          : sql`position(${needle.toLowerCase()} in lower(${col}::text)) > 0`;
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)} where ${condition}`.execute(database.db);
      if (Number(r.rows[0]!.n) > 0) found.push(`${c.table_name}.${c.column_name} holds "${needle}"`);
    }
  }
  return found;
}
