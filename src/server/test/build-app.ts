// build(t): a fresh, migrated database and app for one test, closed afterwards.
// PGlite in memory by default; a throw-away database on the PostgreSQL server
// named by TEST_DATABASE_URL when set.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import type { Clock } from '../platform/auth/clock.ts';
import { masterKeyFrom } from '../platform/crypto/master-key.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrate, readMigrations } from '../platform/db/migrate.ts';
import { JobQueue } from '../platform/jobs/job-queue.ts';
import { FORMER_CODES_FILE, OFFICIAL_SOURCE } from '../modules/regions/region-sources.ts';
import { regionsImportJob } from '../modules/regions/regions-import.job.ts';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

const silentLogger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
/** TEST_LOG_LEVEL=error shows the apps' logs (e.g. the cause of an unexpected 500). */
const TEST_LOG_LEVEL = process.env.TEST_LOG_LEVEL || undefined;

/**
 * Test option for tests that run on embedded PGlite whatever the suite's database
 * (data directories, the CLI without a database): skipped in the PostgreSQL run,
 * where they would repeat the PGlite run's work.
 */
export const PGLITE_ONLY = { skip: TEST_DATABASE_URL ? 'embedded PGlite only: ran in the PGlite run' : false };

/** MFA is off unless a test turns it on (MFA_REQUIRED: 'true'), so most tests sign in with a password. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: TEST_LOG_LEVEL ?? 'silent', SERVE_WEB: 'false', JOBS_ENABLED: 'false', MFA_REQUIRED: 'false', ...overrides });
}

export const TEST_MASTER_KEY = masterKeyFrom(Buffer.alloc(32, 7).toString('base64'));

type Hook = { after(fn: () => Promise<void>): void };

/** A fresh, empty, migrated database; dropped when the test ends. */
export async function freshDatabase(t: Hook, options: { migrate?: boolean; regions?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (TEST_DATABASE_URL) {
    const template = options.migrate === false ? undefined : await postgresTemplate(options.regions ?? false);
    const fresh = await createTestDatabase(template);
    database = await openDatabase({ kind: 'postgres', url: fresh.url, poolSize: 4 });
    t.after(async () => {
      await database.close();
      await fresh.drop();
    });
    return database;
  } else if (options.migrate === false) {
    database = await openDatabase({ kind: 'pglite-memory' });
    t.after(() => database.close());
  } else {
    // Loading a prepared data directory is several times faster than initdb.
    database = await openDatabase({ kind: 'pglite-memory', loadDataDir: await pgliteTemplate(options.regions ?? false) });
    t.after(() => database.close());
  }
  return database;
}

/**
 * A migrated PGlite data directory (optionally with regions), cached in the
 * temp folder for every test process; keyed by the migrations and region data.
 */
async function pgliteTemplate(withRegions: boolean): Promise<Blob> {
  const key = templateKey(withRegions);
  const file = path.join(os.tmpdir(), `tuntas-test-template-${key}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    await migrate(database.db);
    if (withRegions) await loadRegionsInto(database);
    const blob = await database.dumpDataDir!();
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
    return blob;
  } finally {
    await database.close();
  }
}

export async function loadRegionsInto(database: Database): Promise<void> {
  const jobs = new JobQueue(database.db, silentLogger, [regionsImportJob as never]);
  await jobs.enqueue(regionsImportJob, { includeVillages: false });
  await jobs.runUntilIdle();
}

/** The key of a prepared database: the migrations and the region data it was made from. */
export function templateKey(withRegions: boolean): string {
  return createHash('sha256')
    .update(readMigrations().map((m) => m.checksum).join())
    .update(fs.readFileSync(FORMER_CODES_FILE))
    .update(OFFICIAL_SOURCE)
    .update(String(withRegions))
    .digest('hex')
    .slice(0, 16);
}

function urlOf(name: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * PostgreSQL: a migrated database (optionally with regions) on the test server that
 * fresh test databases are copied from (CREATE DATABASE … TEMPLATE), made once per
 * key by whichever test process gets there first. Templates of older migration sets
 * stay (a few MB each; other checkouts may still use them): drop tuntas_tpl_* by hand.
 */
export async function postgresTemplate(withRegions: boolean): Promise<string> {
  const name = `tuntas_tpl_${templateKey(withRegions)}`;
  const cached = (postgresTemplates[name] ??= makePostgresTemplate(name, withRegions).catch((err: unknown) => {
    delete postgresTemplates[name];
    throw err;
  }));
  return cached;
}
const postgresTemplates: Record<string, Promise<string>> = {};

async function makePostgresTemplate(name: string, withRegions: boolean): Promise<string> {
  const exists = async () => (await adminQuery(`select 1 from pg_database where datname = '${name}'`)).length > 0;
  if (await exists()) return name;
  const building = `${name}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`create database ${building}`);
  const database = await openDatabase({ kind: 'postgres', url: urlOf(building), poolSize: 2 });
  try {
    await migrate(database.db);
    if (withRegions) await loadRegionsInto(database);
  } finally {
    await database.close();
  }
  try {
    await adminQuery(`alter database ${building} rename to ${name}`);
  } catch (err) {
    // Another test process made the same template meanwhile: use theirs.
    await adminQuery(`drop database if exists ${building} with (force)`);
    if (!(await exists())) throw err;
  }
  return name;
}

/** PostgreSQL only: a new database on the test server, empty or copied from a template. */
export async function createTestDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tuntas_test_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
      break;
    } catch (err) {
      // "source database is being accessed by other users": another copy is starting; try again.
      if (!template || attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  return { url: urlOf(name), drop: () => adminQuery(`drop database if exists ${name} with (force)`).then(() => undefined) };
}

async function adminQuery(text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
}

export async function build(
  t: TestContext | Hook,
  options: { config?: Record<string, string>; regions?: boolean; logger?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  const database = await freshDatabase(t, { regions: options.regions ?? false });
  const app = await buildApp({ config: testConfig(options.config), database, logger: options.logger ?? Boolean(TEST_LOG_LEVEL), masterKey: TEST_MASTER_KEY, clock: options.clock });
  t.after(() => app.close());
  return { app, database };
}
