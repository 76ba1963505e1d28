// Checkpoints: the chain's latest seq and hash at a moment. Auditors keep
// copies outside the system; `verifyAuditChain(db, known)` later proves the
// chain still contains exactly that event (nothing rewritten or cut off).
import type { Context } from '../auth/actor.ts';
import type { Executor, Tx } from '../db/database.ts';
import { audit, lockHead } from './audit.ts';

export interface Checkpoint {
  seq: number;
  hash: string;
  count: number;
  at: string;
}

/** Records the current head as a checkpoint (and audits that), in the caller's transaction. */
export async function createCheckpoint(tx: Tx, ctx: Context): Promise<Checkpoint> {
  const db = tx;
  const head = await lockHead(db);
  const row = await db
    .insertInto('audit_checkpoint')
    .values({ seq: head.seq, hash: head.hash, count: head.seq, created_by: ctx.actor.username })
    .returning(['seq', 'hash', 'count', 'at'])
    .executeTakeFirstOrThrow();
  await audit(tx, ctx, { action: 'audit.checkpoint', entityType: 'audit_checkpoint', entityId: head.seq, summary: { seq: head.seq, hash: head.hash } });
  return toCheckpoint(row);
}

export async function listCheckpoints(db: Executor, limit = 100): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('audit_checkpoint').select(['seq', 'hash', 'count', 'at']).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toCheckpoint);
}

function toCheckpoint(row: { seq: number; hash: string; count: number; at: Date }): Checkpoint {
  return { seq: Number(row.seq), hash: row.hash, count: Number(row.count), at: new Date(row.at).toISOString() };
}
