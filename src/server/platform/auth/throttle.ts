// Sign-in throttling: after a few failures, per account and per client
// address, each further attempt must wait longer (30 s, 1 min, 2 min, … 15 min).
// A successful sign-in clears the account's count.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

const WINDOW = '15 minutes';
const FREE_FAILURES_PER_ACCOUNT = 5;
const FREE_FAILURES_PER_IP = 20;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 15 * 60;

function delayFor(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(BASE_DELAY_S * 2 ** (failures - free), MAX_DELAY_S);
}

/** Seconds the caller must still wait before another attempt (0: go ahead). */
export async function signInWait(db: Executor, username: string, ip: string, now: Date): Promise<number> {
  const r = await sql<{ account_failures: number; account_last: Date | null; ip_failures: number; ip_last: Date | null }>`
    with last_success as (
      select max(at) as at from login_attempt where username = ${username} and succeeded
    )
    select
      (select count(*) from login_attempt where username = ${username} and not succeeded
         and at > ${now}::timestamptz - ${WINDOW}::interval and at > coalesce((select at from last_success), '-infinity'))::int as account_failures,
      (select max(at) from login_attempt where username = ${username} and not succeeded) as account_last,
      (select count(*) from login_attempt where ip = ${ip} and not succeeded and at > ${now}::timestamptz - ${WINDOW}::interval)::int as ip_failures,
      (select max(at) from login_attempt where ip = ${ip} and not succeeded) as ip_last`.execute(db);
  const row = r.rows[0]!;
  const remaining = (delay: number, last: Date | null) =>
    delay > 0 && last ? Math.max(0, Math.ceil((new Date(last).getTime() + delay * 1000 - now.getTime()) / 1000)) : 0;
  return Math.max(
    remaining(delayFor(row.account_failures, FREE_FAILURES_PER_ACCOUNT), row.account_last),
    remaining(delayFor(row.ip_failures, FREE_FAILURES_PER_IP), row.ip_last),
  );
}

export async function recordSignIn(db: Executor, username: string, ip: string, succeeded: boolean, at: Date): Promise<void> {
  await db.insertInto('login_attempt').values({ username, ip, succeeded, at }).execute();
}
