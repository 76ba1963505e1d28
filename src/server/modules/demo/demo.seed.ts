// `tuntas seed demo`: a clearly labelled demo dataset: the source article's
// Kaltara scenario as of May 2018, optionally with the later events (--as-of 2019).
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { loadKeyProvider, type KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Db } from '../../platform/db/database.ts';
import { PROVINCIAL_NAME, seedKaltara2018, seedKaltara2018Events, seedKaltara2019 } from './kaltara-2018.scenario.ts';
import { seedNunukanCases } from './nunukan-cases.scenario.ts';
import { seedAidSchemes, seedNunukanBankAccounts } from './nunukan-finance.scenario.ts';
import { seedNunukanPeople, seedNunukanVerval } from './nunukan-people.scenario.ts';

/** Tables that hold no user data (or only what migrations put there: reference data such as the default assessment form and bank file formats): seeding next to them is safe. */
export const SYSTEM_TABLES = new Set(['schema_migration', 'app_meta', 'job', 'region', 'role', 'audit_head', 'case_assessment_form', 'payment_bank_format', 'training_course']);

export type DemoAsOf = 2018 | 2019;
/** What a step needs besides the database; the master keys are loaded only by a step that encrypts. */
export interface DemoEnv {
  config: Config;
  keys(): KeyProvider;
}
/** event: left out by withoutEvents; scheme: left out by withoutSchemes. */
export type DemoStep = { name: string; asOf: DemoAsOf; event?: boolean; scheme?: boolean; run(db: Db, env: DemoEnv): Promise<void> };
/** Each step is idempotent: seeding again adds nothing twice. */
export const DEMO_STEPS: DemoStep[] = [
  { name: 'kaltara-2018', asOf: 2018, run: (db, env) => seedKaltara2018(db, env.config, env.keys) },
  { name: 'kaltara-2018-events', asOf: 2018, event: true, run: (db, env) => seedKaltara2018Events(db, env.config, env.keys) },
  { name: 'nunukan-people', asOf: 2018, run: (db, env) => seedNunukanPeople(db, env.keys()) },
  { name: 'nunukan-verval', asOf: 2019, run: (db, env) => seedNunukanVerval(db, env.keys(), PROVINCIAL_NAME) },
  { name: 'kaltara-2019', asOf: 2019, run: (db, env) => seedKaltara2019(db, env.config, env.keys) },
  { name: 'nunukan-cases', asOf: 2019, run: (db, env) => seedNunukanCases(db, env.config, env.keys(), PROVINCIAL_NAME) },
  { name: 'nunukan-bank-accounts', asOf: 2019, run: (db, env) => seedNunukanBankAccounts(db, env.keys(), PROVINCIAL_NAME) },
  { name: 'aid-schemes-2018', asOf: 2019, scheme: true, run: (db) => seedAidSchemes(db, PROVINCIAL_NAME) },
];

export interface DemoOptions {
  asOf?: DemoAsOf;
  /** Leave the rakor and the instruction letter for trainees (and the browser test) to record. */
  withoutEvents?: boolean;
  /** Leave the 2018 aid schemes, and so their budget allocations, for trainees (and the payments browser test) to configure. */
  withoutSchemes?: boolean;
  /** The master keys people are encrypted with (default: the configured ones). */
  keys?: KeyProvider;
}

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
export async function tablesWithData(db: Db, except: ReadonlySet<string> = SYSTEM_TABLES): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const filled: string[] = [];
  for (const { name } of tables.rows) {
    if (except.has(name)) continue;
    const r = await sql<{ any: boolean }>`select exists (select 1 from ${sql.table(name)}) as any`.execute(db);
    if (r.rows[0]?.any) filled.push(name);
  }
  return filled;
}

/** `loadReferenceData` runs after the safety check, before the demo steps. */
export async function seedDemo(
  db: Db,
  config: Config,
  loadReferenceData: () => Promise<void>,
  { asOf = 2018, withoutEvents = false, withoutSchemes = false, keys }: DemoOptions = {},
): Promise<{ steps: string[] }> {
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
  const steps = DEMO_STEPS.filter((step) => step.asOf <= asOf && !(withoutEvents && step.event) && !(withoutSchemes && step.scheme));
  let loaded = keys;
  const env: DemoEnv = { config, keys: () => (loaded ??= loadKeyProvider(config)) };
  for (const step of steps) await step.run(db, env);
  return { steps: steps.map((step) => step.name) };
}
