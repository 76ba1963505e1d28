// Master-key rotation over every declared sealed column (sealed-columns.ts): after
// the operator configures a new MASTER_KEY and lists the old one in
// MASTER_KEY_PREVIOUS, each declared kind is moved to the new key:
// - envelope rows: the data key re-wrapped (ciphertexts unchanged), or with
//   `reencrypt` a fresh data key and ciphertexts;
// - discarded rows (staged imports): handed to their module, which discards them;
// - SecretBox texts: re-sealed.
// Before changing anything the run refuses a database with a sealed-looking column no
// declaration covers (a module forgotten here would keep its old key silently) and any
// row under a master key that is not configured.
//
// Batches are one transaction each; rows are locked (`for update skip locked`) and each
// update is a compare-and-set on the old wrapped key (or sealed text), so a run killed at
// any point loses nothing and a second run neither skips nor double-wraps a row. Rows are
// chosen by "still under an old key"; re-encrypting, also by "data key made before the
// run's cut-off" or, for kinds without that column, "after the run's position in the
// table" (walked without skipping locked rows). Cut-off and positions stay in app_meta
// until the run completes. Rows skipped because someone held them, or written meanwhile
// under an old key, are found by a recount at the end and taken in another round.
import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Db, type Executor, type Tx } from '../db/database.ts';
import { KeyWrapper, reencryptEnvelope } from './envelope.ts';
import type { KeyProvider } from './key-provider.ts';
import { SecretBox } from './secret-box.ts';
import {
  coveredColumns,
  SEALED_LOOKING,
  SEALED_LOOKING_TYPES,
  type DiscardedColumns,
  type EnvelopeColumns,
  type SealedColumns,
  type SealedRow,
  type SecretBoxColumns,
} from './sealed-columns.ts';

const CUTOFF_KEY = 'keys.reencrypt_cutoff';
const POSITION_PREFIX = 'keys.reencrypt_position.';
/** Passes over every kind before the run gives up on rows that keep appearing under an old key. */
const MAX_ROUNDS = 3;

export class KeyRotationError extends Error {
  override name = 'KeyRotationError';
  constructor(
    readonly code: 'declaration' | 'uncovered' | 'unknown_key' | 'unsettled',
    message: string,
  ) {
    super(message);
  }
}

export interface RotationOptions {
  reencrypt: boolean;
  batchSize: number;
  /** Pause between batches, to spare a busy database. */
  pauseMs: number;
  progress(kind: string, done: number, total: number): void;
  /** Things the operator should know (an interrupted --reencrypt run). */
  notice?(message: string): void;
  /** Runs in the transaction that completes the run (the audit event). */
  finish?(tx: Tx, result: RotationResult): Promise<void>;
}

export interface RotationResult {
  keyId: string;
  reencrypted: boolean;
  /** Rows (secrets, for SecretBox kinds) moved to the current key, per kind. */
  counts: Record<string, number>;
}

type Key = (string | number)[];

interface RunState {
  current: string;
  reencrypt: boolean;
  cutoff: string | null;
  positions: Map<string, Key>;
}

const ref = (column: string) => sql.ref(column.includes('.') ? column : `t.${column}`);
const tuple = (parts: RawBuilder<unknown>[]) => sql`(${sql.join(parts)})`;
const keyOf = (d: SealedColumns, row: SealedRow): Key => d.key.map((k) => row[k] as string | number);
const keyMatch = (d: SealedColumns, key: Key) => sql`${tuple(d.key.map((k) => sql.ref(k)))} = ${tuple(key.map((v) => sql`${v}`))}`;
const after = (d: SealedColumns, key: Key) => sql`${tuple(d.key.map((k) => ref(k)))} > ${tuple(key.map((v) => sql`${v}`))}`;
const bytes = (v: unknown) => Buffer.from(v as Uint8Array);
const compareKeys = (a: Key, b: Key) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};

/** Kinds that walk their key with a kept position when re-encrypting (no data-key time). */
const walksByPosition = (d: SealedColumns, s: RunState): d is EnvelopeColumns => s.reencrypt && d.form === 'envelope' && !d.rewrapOnly && !d.dekCreatedAt;

/** The rows of an envelope or discarded kind that this run still has to move. */
function pendingEnvelope(d: EnvelopeColumns | DiscardedColumns, s: RunState): RawBuilder<boolean> {
  const sealed = sql.join([ref(d.wrappedKey), ...d.ciphertexts.map(ref)].map((c) => sql`${c} is not null`), sql` and `);
  const stale = sql`${ref(d.keyId)} <> ${s.current}`;
  if (!s.reencrypt || (d.form === 'envelope' && d.rewrapOnly)) return sql<boolean>`${sealed} and ${stale}`;
  if (d.dekCreatedAt) return sql<boolean>`${sealed} and (${stale} or ${ref(d.dekCreatedAt)} < ${s.cutoff}::timestamptz)`;
  const position = s.positions.get(d.kind);
  return position ? sql<boolean>`${sealed} and (${stale} or ${after(d, position)})` : sql<boolean>`${sealed}`;
}

function pendingSecrets(d: SecretBoxColumns, s: RunState): RawBuilder<boolean> {
  const prefix = `v1.${s.current}.%`;
  return sql<boolean>`(${sql.join(
    d.columns.map((c) => sql`(${ref(c)} is not null and ${ref(c)} not like ${prefix})`),
    sql` or `,
  )})`;
}

const pending = (d: SealedColumns, s: RunState) => (d.form === 'secret-box' ? pendingSecrets(d, s) : pendingEnvelope(d, s));

/**
 * Rows still to do. `settled`, after a pass: a kind walked by position has passed every row
 * (it waits for locked ones), and rows past its position were sealed after the run began,
 * under fresh data keys: only rows under an old key count there.
 */
async function countPending(db: Executor, d: SealedColumns, s: RunState, settled = false): Promise<number> {
  const which = settled && walksByPosition(d, s) ? pending(d, { ...s, reencrypt: false }) : pending(d, s);
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(d.table)} as t where ${which}`.execute(db);
  return Number(r.rows[0]!.n);
}

/** Problems with the declarations against the database: columns declared but missing, sealed-looking columns not declared. */
export async function schemaProblems(db: Executor, declarations: readonly SealedColumns[]): Promise<{ missing: string[]; uncovered: string[]; duplicateKinds: string[] }> {
  // The catalog rather than information_schema: several times faster on PGlite.
  const r = await sql<{ table: string; column: string; type: string }>`
    select c.relname::text as "table", a.attname::text as "column", format_type(a.atttypid, null) as "type"
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`.execute(db);
  const present = new Set(r.rows.map((c) => `${c.table}.${c.column}`));
  const covered = new Set(declarations.flatMap((d) => coveredColumns(d).map((c) => `${d.table}.${c}`)));
  const missing = new Set<string>();
  for (const d of declarations) {
    const own = [...d.key, ...coveredColumns(d)];
    if (d.form !== 'secret-box' && d.dekCreatedAt) own.push(d.dekCreatedAt);
    if (d.form === 'envelope') own.push(...(d.reads ?? []).filter((c) => !c.includes('.')), ...(d.rewrappedAt ? [d.rewrappedAt] : []));
    if (d.form === 'discarded') own.push(d.discard.by);
    for (const c of own) if (!present.has(`${d.table}.${c}`)) missing.add(`${d.table}.${c}`);
    if (d.form === 'envelope' && d.join) {
      const j = d.join;
      const joined = [j.on[1], ...(d.reads ?? []).filter((c) => c.startsWith(`${j.as}.`)).map((c) => c.slice(j.as.length + 1))];
      for (const c of joined) if (!present.has(`${j.table}.${c}`)) missing.add(`${j.table}.${c}`);
    }
  }
  const uncovered = r.rows
    .filter((c) => SEALED_LOOKING_TYPES.has(c.type) && SEALED_LOOKING.test(c.column) && !covered.has(`${c.table}.${c.column}`))
    .map((c) => `${c.table}.${c.column}`)
    .sort();
  const kinds = declarations.map((d) => d.kind);
  const duplicateKinds = [...new Set(kinds.filter((k, i) => kinds.indexOf(k) !== i))];
  return { missing: [...missing].sort(), uncovered, duplicateKinds };
}

/** Refuses declarations that do not match the database, and sealed-looking columns that no declaration covers. */
export async function checkDeclarations(db: Executor, declarations: readonly SealedColumns[]): Promise<void> {
  const p = await schemaProblems(db, declarations);
  if (p.duplicateKinds.length > 0) throw new KeyRotationError('declaration', `Sealed columns declared twice under one kind: ${p.duplicateKinds.join(', ')}.`);
  if (p.missing.length > 0) throw new KeyRotationError('declaration', `Declared sealed columns missing from the database: ${p.missing.join(', ')}.`);
  if (p.uncovered.length > 0)
    throw new KeyRotationError(
      'uncovered',
      `Refusing to rotate: ${p.uncovered.join(', ')} look${p.uncovered.length === 1 ? 's' : ''} sealed but no declaration covers ` +
        `${p.uncovered.length === 1 ? 'it' : 'them'}, so ${p.uncovered.length === 1 ? 'it' : 'they'} would keep the old master key. ` +
        'Declare the module’s sealed columns (platform/crypto/sealed-columns.ts) in the list of modules/keys/keys.rotation.ts.',
    );
}

/** Refuses rows under a master key that is not configured (before anything changes). */
async function checkKeysConfigured(db: Executor, declarations: readonly SealedColumns[], keys: KeyProvider): Promise<void> {
  const s: RunState = { current: keys.current().id, reencrypt: false, cutoff: null, positions: new Map() };
  const unknown: string[] = [];
  for (const d of declarations) {
    if (d.form === 'discarded') continue; // discarded without being opened
    const ids =
      d.form === 'envelope'
        ? await sql<{ id: string }>`select distinct ${ref(d.keyId)} as id from ${sql.table(d.table)} as t where ${pendingEnvelope(d, s)}`.execute(db)
        : await sql<{ id: string }>`select distinct split_part(v, '.', 2) as id from (${sql.join(
            d.columns.map((c) => sql`select ${ref(c)} as v from ${sql.table(d.table)} as t where ${ref(c)} is not null and ${ref(c)} not like ${`v1.${s.current}.%`}`),
            sql` union all `,
          )}) as sealed`.execute(db);
    for (const { id } of ids.rows) if (!keys.byId(id)) unknown.push(`${d.kind} under master key ${id}`);
  }
  if (unknown.length > 0)
    throw new KeyRotationError('unknown_key', `Rows wrapped under a master key that is not configured (set MASTER_KEY_PREVIOUS): ${unknown.join('; ')}. Nothing was changed.`);
}

async function loadState(db: Db, keys: KeyProvider, opts: RotationOptions): Promise<RunState> {
  const meta = await db.selectFrom('app_meta').select(['key', 'value']).where((eb) => eb.or([eb('key', '=', CUTOFF_KEY), eb('key', 'like', `${POSITION_PREFIX}%`)])).execute();
  const existing = meta.find((m) => m.key === CUTOFF_KEY)?.value ?? null;
  const s: RunState = { current: keys.current().id, reencrypt: opts.reencrypt, cutoff: null, positions: new Map() };
  if (!opts.reencrypt) {
    if (existing) opts.notice?.(`A --reencrypt run started at ${existing} has not completed: run with --reencrypt to finish it.`);
    return s;
  }
  if (existing) s.cutoff = existing;
  else {
    // The database's clock, not ours: rows re-encrypted now get now() and must fall after the cut-off.
    const now = (await sql<{ now: string }>`select now()::text as now`.execute(db)).rows[0]!.now;
    await db.insertInto('app_meta').values({ key: CUTOFF_KEY, value: now }).onConflict((oc) => oc.column('key').doNothing()).execute();
    s.cutoff = (await db.selectFrom('app_meta').select('value').where('key', '=', CUTOFF_KEY).executeTakeFirstOrThrow()).value;
  }
  for (const m of meta) if (m.key.startsWith(POSITION_PREFIX)) s.positions.set(m.key.slice(POSITION_PREFIX.length), JSON.parse(m.value) as Key);
  return s;
}

const pause = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** One batch of an envelope kind: rows locked, re-wrapped or re-encrypted, compare-and-set. */
async function envelopeBatch(tx: Tx, d: EnvelopeColumns, s: RunState, wrapper: KeyWrapper, cursor: Key | null, limit: number) {
  const reads = (d.reads ?? []).map((c) => ref(c).as(c.includes('.') ? c.slice(c.indexOf('.') + 1) : c));
  const own = [...new Set([...d.key, d.wrappedKey, ...d.ciphertexts])].map((c) => ref(c).as(c));
  const join = d.join ? sql`join ${sql.table(d.join.table)} as ${sql.id(d.join.as)} on ${ref(d.join.on[0])} = ${sql.ref(`${d.join.as}.${d.join.on[1]}`)}` : sql``;
  const byPosition = walksByPosition(d, s);
  // Walking by position, a row someone holds must be waited for, or the position would pass it by.
  const lock = byPosition ? sql`for update of t` : sql`for update of t skip locked`;
  const rows = (
    await sql<SealedRow>`select ${sql.join([...own, ...reads])} from ${sql.table(d.table)} as t ${join}
      where ${pendingEnvelope(d, s)} ${cursor ? sql`and ${after(d, cursor)}` : sql``}
      order by ${sql.join(d.key.map(ref))} limit ${limit} ${lock}`.execute(tx)
  ).rows;
  let changed = 0;
  for (const row of rows) {
    const aad = d.aad(row);
    const old = bytes(row[d.wrappedKey]);
    const set: RawBuilder<unknown>[] = [];
    if (s.reencrypt && !d.rewrapOnly) {
      const fresh = reencryptEnvelope(
        wrapper,
        aad,
        old,
        d.ciphertexts.map((c) => ({ ciphertext: bytes(row[c]), aad: d.ciphertextAad?.(row, c) ?? aad })),
      );
      set.push(sql`${sql.ref(d.wrappedKey)} = ${fresh.wrappedKey}`, sql`${sql.ref(d.keyId)} = ${fresh.keyId}`);
      d.ciphertexts.forEach((c, i) => set.push(sql`${sql.ref(c)} = ${fresh.ciphertexts[i]!}`));
      if (d.dekCreatedAt) set.push(sql`${sql.ref(d.dekCreatedAt)} = now()`);
    } else {
      const { wrapped, keyId } = wrapper.rewrap(old, aad);
      set.push(sql`${sql.ref(d.wrappedKey)} = ${wrapped}`, sql`${sql.ref(d.keyId)} = ${keyId}`);
    }
    if (d.rewrappedAt) set.push(sql`${sql.ref(d.rewrappedAt)} = now()`);
    const updated = await sql`update ${sql.table(d.table)} set ${sql.join(set)}
      where ${keyMatch(d, keyOf(d, row))} and ${sql.ref(d.wrappedKey)} = ${old} returning 1 as ok`.execute(tx);
    changed += updated.rows.length;
  }
  const last = rows.length > 0 ? keyOf(d, rows[rows.length - 1]!) : null;
  if (byPosition && last) {
    const kept = s.positions.get(d.kind);
    if (!kept || compareKeys(last, kept) > 0) {
      const value = JSON.stringify(last);
      await tx
        .insertInto('app_meta')
        .values({ key: `${POSITION_PREFIX}${d.kind}`, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql<Date>`now()` }))
        .execute();
      s.positions.set(d.kind, last);
    }
  }
  return { selected: rows.length, changed, last };
}

/** One batch of a SecretBox kind: stale texts re-sealed, compare-and-set on the old texts. */
async function secretBatch(tx: Tx, d: SecretBoxColumns, s: RunState, box: SecretBox, cursor: Key | null, limit: number) {
  const cols = [...new Set([...d.key, ...d.columns])].map((c) => ref(c).as(c));
  const rows = (
    await sql<SealedRow>`select ${sql.join(cols)} from ${sql.table(d.table)} as t
      where ${pendingSecrets(d, s)} ${cursor ? sql`and ${after(d, cursor)}` : sql``}
      order by ${sql.join(d.key.map(ref))} limit ${limit} for update of t skip locked`.execute(tx)
  ).rows;
  let changed = 0;
  for (const row of rows) {
    const set: RawBuilder<unknown>[] = [];
    for (const c of d.columns) {
      const v = row[c] as string | null;
      if (v && box.isStale(v)) set.push(sql`${sql.ref(c)} = ${box.seal(box.open(v))}`);
    }
    if (set.length === 0) continue;
    const same = d.columns.map((c) => sql`${sql.ref(c)} is not distinct from ${row[c] as string | null}`);
    const updated = await sql`update ${sql.table(d.table)} set ${sql.join(set)}
      where ${keyMatch(d, keyOf(d, row))} and ${sql.join(same, sql` and `)} returning 1 as ok`.execute(tx);
    if (updated.rows.length > 0) changed += set.length;
  }
  return { selected: rows.length, changed, last: rows.length > 0 ? keyOf(d, rows[rows.length - 1]!) : null };
}

/** Discards pending rows a group at a time (each group once per pass: a group refilled meanwhile waits for the recount). */
async function discardPass(db: Db, d: DiscardedColumns, s: RunState, opts: RotationOptions, total: number): Promise<number> {
  const done = new Set<number>();
  let n = 0;
  for (;;) {
    const skip = done.size > 0 ? sql`and ${ref(d.discard.by)} not in (${sql.join([...done])})` : sql``;
    const groups = (
      await sql<{ g: number }>`select distinct ${ref(d.discard.by)} as g from ${sql.table(d.table)} as t where ${pendingEnvelope(d, s)} ${skip} limit ${opts.batchSize}`.execute(db)
    ).rows.map((r) => Number(r.g));
    if (groups.length === 0) return n;
    for (const g of groups) {
      n += await inTransaction(db, (tx) => d.discard.run(tx, g));
      done.add(g);
    }
    opts.progress(d.kind, n, Math.max(total, n));
    await pause(opts.pauseMs);
  }
}

/** One pass over a kind: batches until nothing is left ahead of the cursor. */
async function pass(db: Db, d: SealedColumns, s: RunState, wrapper: KeyWrapper, keys: KeyProvider, opts: RotationOptions, total: number): Promise<number> {
  if (d.form === 'discarded') return discardPass(db, d, s, opts, total);
  const box = d.form === 'secret-box' ? new SecretBox(keys, d.purpose) : null;
  let cursor: Key | null = null;
  let done = 0;
  for (;;) {
    const batch = await inTransaction(db, (tx) =>
      d.form === 'secret-box' ? secretBatch(tx, d, s, box!, cursor, opts.batchSize) : envelopeBatch(tx, d, s, wrapper, cursor, Math.min(opts.batchSize, d.maxBatchRows ?? Infinity)),
    );
    if (batch.selected === 0) return done;
    cursor = batch.last;
    done += batch.changed;
    opts.progress(d.kind, done, Math.max(total, done));
    await pause(opts.pauseMs);
  }
}

/** Moves every declared kind to the current master key; see the file's comment. */
export async function rotateSealedColumns(db: Db, keys: KeyProvider, declarations: readonly SealedColumns[], opts: RotationOptions): Promise<RotationResult> {
  await checkDeclarations(db, declarations);
  await checkKeysConfigured(db, declarations, keys);
  const s = await loadState(db, keys, opts);
  const wrapper = new KeyWrapper(keys);
  const counts: Record<string, number> = Object.fromEntries(declarations.map((d) => [d.kind, 0]));
  let todo = [...declarations];
  for (let round = 1; ; round++) {
    // Rows someone held (skipped) or wrote meanwhile: give them a moment.
    if (round > 1) await pause(Math.max(opts.pauseMs, 1000));
    for (const d of todo) {
      const total = await countPending(db, d, s);
      opts.progress(d.kind, 0, total);
      counts[d.kind]! += await pass(db, d, s, wrapper, keys, opts, total);
    }
    const left = await Promise.all(declarations.map(async (d) => [d, await countPending(db, d, s, true)] as const));
    todo = left.filter(([, n]) => n > 0).map(([d]) => d);
    if (todo.length === 0) break;
    if (round === MAX_ROUNDS)
      throw new KeyRotationError(
        'unsettled',
        `Rows under an old master key keep appearing (${left
          .filter(([, n]) => n > 0)
          .map(([d, n]) => `${d.kind}: ${n}`)
          .join(', ')}): is a process still running with the old MASTER_KEY? Restart every process with the new key and run again; it continues.`,
      );
  }
  const result: RotationResult = { keyId: s.current, reencrypted: opts.reencrypt, counts };
  await inTransaction(db, async (tx) => {
    if (s.reencrypt) await tx.deleteFrom('app_meta').where((eb) => eb.or([eb('key', '=', CUTOFF_KEY), eb('key', 'like', `${POSITION_PREFIX}%`)])).execute();
    await opts.finish?.(tx, result);
  });
  return result;
}
