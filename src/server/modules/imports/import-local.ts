// An import of a file on this machine (`tuntas import persons FILE`): the same
// record, passes and commit as an upload, run in this process, reading the file
// where it lies (nothing is copied into the database but the sealed rows).
import fs from 'node:fs';
import path from 'node:path';
import type { LawfulBasis } from '../../../common/persons.ts';
import type { Context } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Database } from '../../platform/db/database.ts';
import { ImportRunner, type RunOutcome } from './import-runner.ts';
import { importError } from './imports.errors.ts';
import { findImport, siteByCode, sweepAbandoned, type ImportRecord } from './imports.repository.ts';
import { cleanFileName, importKindOf } from './imports.service.ts';

export interface LocalImportInput {
  file: string;
  siteCode: string;
  dryRun: boolean;
  lawfulBasis: LawfulBasis;
  ctx: Context;
  workers: number;
  clock: Clock;
  signal?: AbortSignal;
  progress?(done: number, total: number | null, message: string): void;
}

export async function runLocalImport(database: Database, keys: KeyProvider, input: LocalImportInput): Promise<RunOutcome & { imp: ImportRecord; abandoned: number[] }> {
  const kind = importKindOf(input.file);
  const site = await siteByCode(database.db, input.siteCode);
  if (!site) throw importError('import.site_unknown_code', { code: input.siteCode });
  const size = fs.statSync(input.file).size;
  // Earlier runs killed mid-way: nothing of theirs reached person; let their staging go.
  const abandoned = await sweepAbandoned(database.db, { exclusive: database.kind === 'pglite', staleSeconds: 120 });
  const created = await database.db
    .insertInto('person_import')
    .values({
      site_id: site.id,
      regency_code: site.regency_code,
      kind,
      source: 'local',
      original_name: cleanFileName(path.basename(input.file)),
      size_bytes: size,
      status: 'uploaded',
      dry_run: input.dryRun,
      lawful_basis: input.lawfulBasis,
      heartbeat_at: new Date(),
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runner = new ImportRunner({ database, keys, workers: input.workers, clock: input.clock });
  const hooks = { file: input.file, ctx: input.ctx, ...(input.signal ? { signal: input.signal } : {}), ...(input.progress ? { progress: input.progress } : {}) };
  const outcome = input.dryRun ? await runner.check(created.id, hooks) : await runner.commit(created.id, hooks);
  return { ...outcome, imp: (await findImport(database.db, created.id))!, abandoned };
}
