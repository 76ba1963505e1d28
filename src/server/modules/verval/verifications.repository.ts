// Queries of eligibility rule sets and verifications. A programme's area (its
// province, or everywhere for a national one) and the caller's visibility are
// part of the SQL.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Decision, Proposed, RuleResult, RuleSpec, VerificationListQuery } from '../../../common/verval.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';
import type { Visibility } from '../registry/persons.repository.ts';
import { personVisible } from './person-lists.repository.ts';

/** A regency-code column lies in the programme's area (null region: national, everywhere). */
export function inArea(programmeRegion: string | null, column: string): Expression<SqlBool> {
  return programmeRegion === null ? sql<SqlBool>`true` : scopeFilter({ level: 'province', code: programmeRegion }, column);
}

// ---- rule sets ----

function ruleSets(db: Executor) {
  return db
    .selectFrom('eligibility_rule_set as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.programme_id', 'r.version', 'r.rules', 'r.note', 'r.created_at', 'u.display_name as created_by_name']);
}
export type RuleSetRow = Awaited<ReturnType<ReturnType<typeof ruleSets>['executeTakeFirstOrThrow']>>;

export async function ruleSetsOf(db: Executor, programmeId: number): Promise<RuleSetRow[]> {
  return ruleSets(db).where('r.programme_id', '=', programmeId).orderBy('r.version', 'desc').execute();
}

export async function currentRuleSet(db: Executor, programmeId: number): Promise<RuleSetRow | undefined> {
  return ruleSets(db).where('r.programme_id', '=', programmeId).orderBy('r.version', 'desc').limit(1).executeTakeFirst();
}

/** The next version of a programme's rules; the programme row stays locked until commit. */
export async function insertRuleSet(db: Executor, programmeId: number, rules: RuleSpec[], note: string, createdBy: number | null): Promise<number> {
  await db.selectFrom('programme').select('id').where('id', '=', programmeId).forUpdate().executeTakeFirst();
  const last = await db.selectFrom('eligibility_rule_set').select((eb) => eb.fn.max('version').as('v')).where('programme_id', '=', programmeId).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db.insertInto('eligibility_rule_set').values({ programme_id: programmeId, version, rules: JSON.stringify(rules), note, created_by: createdBy }).execute();
  return version;
}

// ---- verifications ----

/**
 * List entries by the person they stand for: a record merged into another by the
 * duplicate review counts as the record that stays (merges are reversible, so this
 * is resolved at read time). `m` is the entry's own record.
 */
const ENTRIES = sql`person_list_entry e join person_list l on l.id = e.list_id join person m on m.id = e.person_id`;
const CANONICAL = sql`coalesce(m.merged_into_id, m.id)`;

/** The site of the latest list (by list date) a person is on. */
const LATEST_SITE_FROM = sql`from ${ENTRIES} join site s on s.id = l.site_id where ${CANONICAL} = p.id order by l.list_date desc, l.id desc limit 1`;

function verifications(db: Executor, programmeId: number) {
  return db
    .selectFrom('person as p')
    .leftJoin('person_verification as v', (join) => join.onRef('v.person_id', '=', 'p.id').on('v.programme_id', '=', programmeId))
    .leftJoin('eligibility_rule_set as rs', 'rs.id', 'v.rule_set_id')
    .leftJoin('app_user as du', 'du.id', 'v.decided_by')
    .select([
      'p.id',
      'p.case_code',
      'p.alias',
      'p.sex',
      'p.regency_code',
      'p.assigned_user_id',
      'v.id as verification_id',
      'v.ektp_seen',
      'v.results',
      'v.proposed',
      'v.evaluated_at',
      'v.decision',
      'v.decision_reason',
      'v.overridden',
      'v.decided_at',
      'du.display_name as decided_by_name',
      'rs.version as rule_set_version',
      sql<number | null>`(select s.id ${LATEST_SITE_FROM})`.as('site_id'),
      sql<string | null>`(select s.code ${LATEST_SITE_FROM})`.as('site_code'),
    ]);
}
export type VerificationRow = Awaited<ReturnType<ReturnType<typeof verifications>['executeTakeFirstOrThrow']>>;

const STATE: Record<NonNullable<VerificationListQuery['state']>, Expression<SqlBool>> = {
  unevaluated: sql`v.proposed is null`,
  pending: sql`v.proposed = 'pending'`,
  proposed_eligible: sql`v.proposed = 'eligible'`,
  proposed_not_eligible: sql`v.proposed = 'not_eligible'`,
  undecided: sql`(v.proposed is not null and v.decision is null)`,
  decided: sql`v.decision is not null`,
  eligible: sql`v.decision = 'eligible'`,
  not_eligible: sql`v.decision = 'not_eligible'`,
  overridden: sql`coalesce(v.overridden, false)`,
};

/** Persons on the lists of sites in the programme's area (a site, a version), visible to the caller, with their verification. */
export async function listVerifications(
  db: Executor,
  programme: { id: number; region_code: string | null },
  v: Visibility,
  f: VerificationListQuery,
): Promise<{ rows: VerificationRow[]; total: number }> {
  let q = verifications(db, programme.id)
    .where(personVisible(v))
    .where('p.merged_into_id', 'is', null)
    .where(inArea(programme.region_code, 'p.regency_code'))
    .where(
      sql<SqlBool>`exists (select 1 from ${ENTRIES} where ${CANONICAL} = p.id
        ${f.siteId ? sql`and l.site_id = ${f.siteId}` : sql``} ${f.listId ? sql`and l.id = ${f.listId}` : sql``})`,
    );
  if (f.state) q = q.where(STATE[f.state]);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('p.case_code', 'ilike', pattern), eb('p.alias', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    q.orderBy('p.case_code').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findVerification(db: Executor, programme: { id: number; region_code: string | null }, v: Visibility, personId: number): Promise<VerificationRow | undefined> {
  return verifications(db, programme.id)
    .where('p.id', '=', personId)
    .where('p.merged_into_id', 'is', null)
    .where(personVisible(v))
    .where(inArea(programme.region_code, 'p.regency_code'))
    .executeTakeFirst();
}

export async function historyOf(db: Executor, verificationId: number) {
  return db.selectFrom('person_verification_event').selectAll().where('verification_id', '=', verificationId).orderBy('id', 'desc').execute();
}

// ---- facts for the rules (batched over persons) ----

/** What the rules read of a person (the sealed identity is opened in memory by the service). */
export async function personsForEvaluation(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'case_code', 'sex', 'regency_code', 'identity_ct', 'dek_wrapped', 'nik_match', 'erased_at', 'processing_restricted'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

/** The earliest list date of each person (lists of sites in the area; merged records count for the one that stays). */
export async function firstListedOn(db: Executor, ids: number[], programmeRegion: string | null): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ person_id: number; first: string }>`
    select ${CANONICAL} as person_id, min(l.list_date)::text as first
    from ${ENTRIES} join site s on s.id = l.site_id
    where ${CANONICAL} in (${sql.join(ids)}) and ${inArea(programmeRegion, 's.regency_code')}
    group by ${CANONICAL}`.execute(db);
  return new Map(rows.map((r) => [Number(r.person_id), r.first]));
}

/** The persons on the latest version of some site's list (in the area). */
export async function onCurrentLists(db: Executor, ids: number[], programmeRegion: string | null): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ person_id: number }>`
    select distinct ${CANONICAL} as person_id
    from ${ENTRIES} join site s on s.id = l.site_id
    where ${CANONICAL} in (${sql.join(ids)}) and ${inArea(programmeRegion, 's.regency_code')}
      and l.version = (select max(l2.version) from person_list l2 where l2.site_id = l.site_id)`.execute(db);
  return new Set(rows.map((r) => Number(r.person_id)));
}

/**
 * Persons already decided eligible elsewhere: the same record in another programme,
 * or another record with the same NIK match token (full-length HMAC) in any programme.
 */
export async function aidedElsewhere(db: Executor, ids: number[], programmeId: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('person as p')
    .select('p.id')
    .where('p.id', 'in', ids)
    .where(
      sql<SqlBool>`(exists (select 1 from person_verification v where v.person_id = p.id and v.programme_id <> ${programmeId} and v.decision = 'eligible')
        or (p.nik_match is not null and exists (select 1 from person q join person_verification v on v.person_id = q.id
          where q.nik_match = p.nik_match and q.id <> p.id and v.decision = 'eligible')))`,
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Persons (records that stay, not merged ones) ever on a site's lists, or on one version, for bulk evaluation. */
export async function listedPersonIds(db: Executor, siteId: number, listId?: number): Promise<number[]> {
  const { rows } = await sql<{ person_id: number }>`
    select distinct ${CANONICAL} as person_id from ${ENTRIES}
    where l.site_id = ${siteId} ${listId ? sql`and l.id = ${listId}` : sql``}
    order by 1`.execute(db);
  return rows.map((r) => Number(r.person_id));
}

export async function existingVerifications(db: Executor, programmeId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, { id: number; ektp_seen: boolean | null; decision: Decision | null; overridden: boolean; proposed: Proposed | null }>();
  const rows = await db
    .selectFrom('person_verification')
    .select(['id', 'person_id', 'ektp_seen', 'decision', 'overridden', 'proposed'])
    .where('programme_id', '=', programmeId)
    .where('person_id', 'in', ids)
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.person_id, r]));
}

export interface Evaluated {
  personId: number;
  results: RuleResult[];
  proposed: Proposed;
}

const CHUNK = 500;
/** A decision stays when it was an override or agrees with the new proposal; otherwise it is cleared. */
const KEEP = sql<SqlBool>`(person_verification.overridden or person_verification.decision = excluded.proposed)`;

/** Stores the results (one upsert per chunk); returns each person's verification id. */
export async function saveEvaluations(db: Executor, programmeId: number, ruleSetId: number, items: Evaluated[], at: Date): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = await db
      .insertInto('person_verification')
      .values(
        items.slice(i, i + CHUNK).map((e) => ({
          programme_id: programmeId,
          person_id: e.personId,
          rule_set_id: ruleSetId,
          results: JSON.stringify(e.results),
          proposed: e.proposed,
          evaluated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['programme_id', 'person_id']).doUpdateSet({
          rule_set_id: (eb) => eb.ref('excluded.rule_set_id'),
          results: (eb) => eb.ref('excluded.results'),
          proposed: (eb) => eb.ref('excluded.proposed'),
          evaluated_at: (eb) => eb.ref('excluded.evaluated_at'),
          updated_at: sql`now()`,
          decision: sql`case when ${KEEP} then person_verification.decision end`,
          decided_at: sql`case when ${KEEP} then person_verification.decided_at end`,
          decided_by: sql`case when ${KEEP} then person_verification.decided_by end`,
          decision_reason: sql`case when ${KEEP} then person_verification.decision_reason else '' end`,
        }),
      )
      .returning(['id', 'person_id'])
      .execute();
    for (const r of rows) ids.set(r.person_id, r.id);
  }
  return ids;
}

export async function insertEvents(
  db: Executor,
  events: {
    verification_id: number;
    kind: 'ektp_recorded' | 'evaluated' | 'confirmed' | 'overridden' | 'decision_cleared';
    ektp_seen?: boolean | null;
    rule_set_version?: number | null;
    results?: RuleResult[] | null;
    proposed?: Proposed | null;
    decision?: Decision | null;
    reason?: string;
    actor_user_id: number | null;
    actor_username: string;
  }[],
): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK)
    await db
      .insertInto('person_verification_event')
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          verification_id: e.verification_id,
          kind: e.kind,
          ektp_seen: e.ektp_seen ?? null,
          rule_set_version: e.rule_set_version ?? null,
          results: e.results ? JSON.stringify(e.results) : null,
          proposed: e.proposed ?? null,
          decision: e.decision ?? null,
          reason: e.reason ?? '',
          actor_user_id: e.actor_user_id,
          actor_username: e.actor_username,
        })),
      )
      .execute();
}
