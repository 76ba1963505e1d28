// Recomputes the hash chain. Reads the head first and verifies up to it: every
// event up to a committed head is committed too, so verification needs no
// long transaction and does not block appends.
import type { Executor } from '../db/database.ts';
import { chainedEventFromRow, GENESIS_HASH, hashEvent } from './canonical.ts';

export type BrokenReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch' | 'checkpoint_mismatch';

export interface VerifyResult {
  ok: boolean;
  count: number;
  lastSeq: number | null;
  lastHash: string | null;
  firstBroken: { seq: number; reason: BrokenReason } | null;
}

export interface KnownPoint {
  seq: number;
  hash: string;
}

const BATCH = 1_000;

/**
 * `known`: checkpoints kept outside the system; the event at each seq must
 * still have that hash (this catches a rewritten or truncated chain whose head
 * was rewritten too). Stored checkpoints are checked as well.
 */
export async function verifyAuditChain(executor: Executor, known: KnownPoint[] = []): Promise<VerifyResult> {
  const db = executor;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const headSeq = Number(head.seq);
  const stored = await db.selectFrom('audit_checkpoint').select(['seq', 'hash']).execute();
  const expected = new Map<number, string[]>();
  for (const p of [...known, ...stored.map((s) => ({ seq: Number(s.seq), hash: s.hash }))])
    expected.set(p.seq, [...(expected.get(p.seq) ?? []), p.hash]);

  let count = 0;
  let lastSeq: number | null = null;
  let prevHash = GENESIS_HASH;
  const broken = (seq: number, reason: BrokenReason): VerifyResult => ({
    ok: false,
    count,
    lastSeq,
    lastHash: lastSeq === null ? null : prevHash,
    firstBroken: { seq, reason },
  });

  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', lastSeq ?? 0)
      .where('seq', '<=', headSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const event = chainedEventFromRow(row);
      const wanted: number = (lastSeq ?? 0) + 1;
      if (event.seq !== wanted) return broken(wanted, 'gap');
      if (event.prevHash !== prevHash) return broken(event.seq, 'prev_hash_mismatch');
      if (hashEvent(event) !== row.hash) return broken(event.seq, 'hash_mismatch');
      if (expected.get(event.seq)?.some((h) => h !== row.hash)) return broken(event.seq, 'checkpoint_mismatch');
      count++;
      lastSeq = event.seq;
      prevHash = row.hash;
    }
    if (rows.length < BATCH) break;
  }

  // A deleted tail leaves the head pointing past the last event.
  if ((lastSeq ?? 0) < headSeq) return broken((lastSeq ?? 0) + 1, 'gap');
  if (head.hash !== prevHash) return broken(headSeq, 'head_mismatch');
  const beyond = [...expected.keys()].filter((s) => s > headSeq).sort((a, b) => a - b)[0];
  if (beyond !== undefined) return broken(beyond, 'checkpoint_mismatch');
  return { ok: true, count, lastSeq, lastHash: lastSeq === null ? null : prevHash, firstBroken: null };
}
