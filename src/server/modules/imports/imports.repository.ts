// Queries of person imports: the import record, case-code blocks, staging and the commit move.
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { ImportStatus } from '../../../common/imports.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type { PersonImportTable } from './imports.tables.ts';

export type ImportRecord = Selectable<PersonImportTable> & { site_code: string | null };

const withSite = (db: Executor) => db.selectFrom('person_import as i').leftJoin('site as s', 's.id', 'i.site_id').selectAll('i').select('s.code as site_code');

export async function findImport(db: Executor, id: number, scope?: Scope | null): Promise<ImportRecord | undefined> {
  let q = withSite(db).where('i.id', '=', id);
  if (scope !== undefined) q = q.where(scopeFilter(scope, 'i.regency_code'));
  return (await q.executeTakeFirst()) as ImportRecord | undefined;
}

export async function lockImport(tx: Tx, id: number): Promise<Selectable<PersonImportTable> | undefined> {
  return tx.selectFrom('person_import').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listImports(
  db: Executor,
  scope: Scope | null,
  f: { siteId?: number | undefined; status?: ImportStatus | undefined; limit: number; offset: number },
): Promise<{ rows: ImportRecord[]; total: number }> {
  let q = withSite(db).where(scopeFilter(scope, 'i.regency_code'));
  if (f.siteId) q = q.where('i.site_id', '=', f.siteId);
  if (f.status) q = q.where('i.status', '=', f.status);
  const [rows, count] = await Promise.all([
    q.orderBy('i.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ImportRecord[], total: Number(count.n) };
}

export async function updateImport(db: Executor, id: number, patch: Updateable<PersonImportTable>, onlyIn?: readonly ImportStatus[]): Promise<boolean> {
  let q = db.updateTable('person_import').set({ ...patch, updated_at: sql<Date>`now()` }).where('id', '=', id);
  if (onlyIn) q = q.where('status', 'in', [...onlyIn]);
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

export async function siteById(db: Executor, id: number) {
  return db.selectFrom('site').select(['id', 'code', 'regency_code']).where('id', '=', id).executeTakeFirst();
}

export async function siteByCode(db: Executor, code: string) {
  return db.selectFrom('site').select(['id', 'code', 'regency_code']).where('code', '=', code).executeTakeFirst();
}

/**
 * Reserves `n` consecutive case numbers of a regency in one short statement (its own
 * transaction) and returns the first. An import abandoned after reserving leaves a
 * gap: case codes are pseudonyms, not gap-free like letter numbers.
 */
export async function reserveCaseNumbers(db: Executor, regencyCode: string, n: number): Promise<number> {
  const row = await db
    .insertInto('person_code_counter')
    .values({ regency_code: regencyCode, last_number: n })
    .onConflict((oc) => oc.column('regency_code').doUpdateSet({ last_number: sql`person_code_counter.last_number + ${n}` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number - n + 1;
}

/** Gives back the unused end of a reserved block, when no one has reserved after it (else the gap stays). */
export async function returnCaseNumbers(db: Executor, regencyCode: string, blockEnd: number, firstUnused: number): Promise<void> {
  if (firstUnused > blockEnd) return;
  await db
    .updateTable('person_code_counter')
    .set({ last_number: firstUnused - 1 })
    .where('regency_code', '=', regencyCode)
    .where('last_number', '=', blockEnd)
    .execute();
}

export async function clearStaging(db: Executor, importId: number): Promise<void> {
  await db.deleteFrom('person_import_row').where('import_id', '=', importId).execute();
}

/**
 * Discards an import's staged rows (master-key rotation: they are under an old key).
 * Under the import's lock, the one the commit's move takes: the move either ran before
 * (the rows are in person, moved like any other) or finds its staged rows short and
 * stages the import again from its file, as after a database crash emptied the
 * (unlogged) staging table. Returns the rows discarded.
 */
export async function discardStaged(tx: Tx, importId: number): Promise<number> {
  await lockImport(tx, importId);
  const r = await tx.deleteFrom('person_import_row').where('import_id', '=', importId).executeTakeFirst();
  await tx.updateTable('person_import').set({ staged_rows: 0, updated_at: sql<Date>`now()` }).where('id', '=', importId).execute();
  return Number(r.numDeletedRows);
}

/** Staged rows for master-key rotation: discarded (discardStaged), never re-sealed in place. */
export const stagedRowSealedColumns: SealedColumns = {
  form: 'discarded',
  kind: 'stagedImportRows',
  table: 'person_import_row',
  key: ['import_id', 'row_no'],
  ciphertexts: ['identity_ct'],
  wrappedKey: 'dek_wrapped',
  keyId: 'key_id',
  dekCreatedAt: 'sealed_at',
  discard: { by: 'import_id', run: discardStaged },
};

export async function stagedCount(db: Executor, importId: number): Promise<number> {
  const r = await db.selectFrom('person_import_row').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Moves an import's staged rows into person (one statement, inside the caller's transaction); returns the case-code range. */
export async function moveStaged(
  tx: Tx,
  imp: Pick<Selectable<PersonImportTable>, 'id' | 'regency_code' | 'site_id' | 'lawful_basis' | 'created_by'>,
): Promise<{ count: number; first: string | null; last: string | null }> {
  const r = await sql<{ n: number; first: string | null; last: string | null }>`
    with moved as (
      insert into person (case_code, alias, regency_code, site_id, sex, lawful_basis, identity_ct, dek_wrapped, key_id, dek_created_at,
                          nik_bidx, kk_bidx, phone_bidx, nik_match, created_by, import_id)
      select case_code, alias, ${imp.regency_code}, ${imp.site_id}, sex, ${imp.lawful_basis}, identity_ct, dek_wrapped, key_id, sealed_at,
             nik_bidx, kk_bidx, phone_bidx, nik_match, ${imp.created_by}::bigint, ${imp.id}::bigint
        from person_import_row where import_id = ${imp.id} order by row_no
      returning case_code
    )
    select count(*)::int as n, min(case_code) as first, max(case_code) as last from moved`.execute(tx);
  const row = r.rows[0]!;
  return { count: Number(row.n), first: row.first, last: row.last };
}

/** Persons an import made (tests and the audit trail; the column is not in PersonTable's type). */
export async function personsOfImport(db: Executor, importId: number): Promise<{ id: number; case_code: string }[]> {
  const r = await sql<{ id: number; case_code: string }>`select id, case_code from person where import_id = ${importId} order by id`.execute(db);
  return r.rows;
}

/**
 * Unfinished imports no process works on any more: local (CLI) imports whose
 * heartbeat stopped (on the embedded database, any: only one process can open it),
 * and uploads that never finished arriving. They become `failed`; their staged
 * rows and chunks are deleted. Returns their ids.
 */
export async function sweepAbandoned(db: Executor, opts: { exclusive: boolean; staleSeconds: number }): Promise<number[]> {
  const stale = sql<Date>`now() - ${`${opts.staleSeconds} seconds`}::interval`;
  const rows = await db
    .updateTable('person_import')
    .set({ status: 'failed', failure: 'abandoned: the process working on it stopped', finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where((eb) =>
      eb.or([
        eb.and([
          eb('source', '=', 'local'),
          eb('status', 'in', ['uploaded', 'validating', 'staging', 'committing']),
          ...(opts.exclusive ? [] : [eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', stale)])]),
        ]),
        eb.and([eb('status', '=', 'receiving'), eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', stale)])]),
      ]),
    )
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) {
    await db.deleteFrom('person_import_row').where('import_id', 'in', ids).execute();
    await db.deleteFrom('person_import_chunk').where('import_id', 'in', ids).execute();
  }
  return ids;
}
