// Queries of the data-subject request register and of consent records. A request
// belongs to the region of its person: every read filters by the person's regency.
import { sql, type SqlBool } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { SubjectRequestKind, SubjectRequestStatus } from '../../../common/registry-rights.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';

export type RequestScope = Scope | 'all';

const within = (scope: RequestScope) => (scope === 'all' ? sql<SqlBool>`true` : scopeFilter(scope, 'p.regency_code'));

/** Still waiting for an answer after its due time. */
const overdueAt = (now: Date) => sql<boolean>`(r.status in ('open', 'in_progress') and r.due_at < ${now})`;

function requests(db: Executor, now: Date) {
  return db
    .selectFrom('subject_request as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('app_user as a', 'a.id', 'r.answered_by')
    .leftJoin('app_user as g', 'g.id', 'r.registered_by')
    .select([
      'r.id',
      'r.person_id',
      'p.case_code',
      'p.regency_code',
      'r.kind',
      'r.channel',
      'r.received_at',
      'r.due_at',
      'r.status',
      'r.details',
      'r.response_note',
      'r.refusal_reason',
      'r.corrected_fields',
      'r.exported_at',
      'r.erasure_counts',
      'r.answered_at',
      'a.display_name as answered_by_name',
      'g.display_name as registered_by_name',
      'r.created_at',
      overdueAt(now).as('overdue'),
    ]);
}

export type SubjectRequestRow = Awaited<ReturnType<ReturnType<typeof requests>['executeTakeFirstOrThrow']>>;

export interface RequestFilter {
  status?: SubjectRequestStatus;
  kind?: SubjectRequestKind;
  overdue?: boolean;
  personId?: number;
  limit: number;
  offset: number;
}

export async function listRequests(db: Executor, scope: RequestScope, f: RequestFilter, now: Date): Promise<{ rows: SubjectRequestRow[]; total: number }> {
  let q = requests(db, now).where(within(scope));
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  if (f.overdue !== undefined) q = q.where(f.overdue ? overdueAt(now) : sql<SqlBool>`not ${overdueAt(now)}`);
  const [rows, count] = await Promise.all([
    // Waiting requests first, the most urgent on top; then the answered ones, newest first.
    q
      .orderBy(sql`case when r.status in ('open', 'in_progress') then 0 else 1 end`)
      .orderBy(sql`case when r.status in ('open', 'in_progress') then r.due_at end`, 'asc')
      .orderBy('r.received_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findRequest(db: Executor, scope: RequestScope, id: number, now: Date): Promise<SubjectRequestRow | undefined> {
  return requests(db, now).where('r.id', '=', id).where(within(scope)).executeTakeFirst();
}

/** Locks one request row until the transaction ends (status changes are serialised). */
export async function lockRequest(db: Executor, id: number): Promise<void> {
  await db.selectFrom('subject_request').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Whether the request is a pending (open or in progress) request about this person. */
export async function isPendingRequestOf(db: Executor, personId: number, requestId: number): Promise<boolean> {
  const r = await db
    .selectFrom('subject_request')
    .select('id')
    .where('id', '=', requestId)
    .where('person_id', '=', personId)
    .where('status', 'in', ['open', 'in_progress'])
    .executeTakeFirst();
  return Boolean(r);
}

// --- consent ------------------------------------------------------------------

export function consents(db: Executor) {
  return db
    .selectFrom('person_consent as c')
    .leftJoin('app_user as u', 'u.id', 'c.recorded_by')
    .select(['c.id', 'c.person_id', 'c.purpose', 'c.given_at', 'c.withdrawn_at', 'c.document_ref', 'c.created_at', 'u.display_name as recorded_by_name']);
}

export type ConsentRow = Awaited<ReturnType<ReturnType<typeof consents>['executeTakeFirstOrThrow']>>;

export async function consentsOf(db: Executor, personId: number): Promise<ConsentRow[]> {
  return consents(db).where('c.person_id', '=', personId).orderBy('c.given_at', 'desc').orderBy('c.id', 'desc').execute();
}
