// `tuntas seed demo`: a clearly labelled demo dataset. Later modules add their
// part of the Kaltara 2018 scenario to DEMO_STEPS.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** Tables that hold no user data (or only what migrations put there): seeding next to them is safe. */
const SYSTEM_TABLES = new Set(['schema_migration', 'app_meta', 'job', 'region', 'role', 'audit_head']);

export type DemoStep = { name: string; run(db: Db): Promise<void> };
export const DEMO_STEPS: DemoStep[] = [];

export class NotADemoDatabaseError extends Error {
  override name = 'NotADemoDatabaseError';
  constructor(readonly tables: string[]) {
    super(
      `This database holds data that is not demo data (tables: ${tables.join(', ')}). ` +
        'The demo seed only runs on an empty database or one seeded with demo data before.',
    );
  }
}

export async function datasetOf(db: Db): Promise<'demo' | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', 'dataset').executeTakeFirst();
  return row?.value === 'demo' ? 'demo' : null;
}

/** Tables outside the system set that hold at least one row. */
async function tablesWithData(db: Db): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const filled: string[] = [];
  for (const { name } of tables.rows) {
    if (SYSTEM_TABLES.has(name)) continue;
    const r = await sql<{ any: boolean }>`select exists (select 1 from ${sql.table(name)}) as any`.execute(db);
    if (r.rows[0]?.any) filled.push(name);
  }
  return filled;
}

/** `loadReferenceData` runs after the safety check, before the demo steps. */
export async function seedDemo(db: Db, loadReferenceData: () => Promise<void>): Promise<{ steps: string[] }> {
  if ((await datasetOf(db)) !== 'demo') {
    const filled = await tablesWithData(db);
    if (filled.length > 0) throw new NotADemoDatabaseError(filled);
  }
  await loadReferenceData();
  await db
    .insertInto('app_meta')
    .values([
      { key: 'dataset', value: 'demo' },
      { key: 'demo.seeded_at', value: new Date().toISOString() },
    ])
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value'), updated_at: new Date() }))
    .execute();
  for (const step of DEMO_STEPS) await step.run(db);
  return { steps: DEMO_STEPS.map((s) => s.name) };
}
