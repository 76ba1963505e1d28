// One run of the matcher over the registry, without a plaintext column:
// 1. key: persons without blocking keys (or everyone, mode 'full') are decrypted in
//    memory, their blocking keys computed and stored as 32-bit blind indexes;
// 2. block: persons sharing a blocking key or a NIK match token become candidate
//    pairs (the new persons against the whole registry), oversized blocks skipped;
// 3. score: the persons in those pairs are decrypted in memory and each pair scored
//    by the matcher (in its worker threads); pairs above the threshold are stored
//    for review. Decided pairs are left as reviewers left them.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { openIdentity } from '../registry/persons.sealing.ts';
import type { PersonService } from '../registry/persons.service.ts';
import { blockingKeys, scorePairs, type MatchRecord } from '../registry/dedup/index.ts';
import { registerIdentityDerivedColumn } from '../registry/persons.erasure.ts';
import {
  blockingPage,
  decidedPairs,
  finishRun,
  findRun,
  personsForScoring,
  personsToKey,
  setBlockKeys,
  upsertCandidates,
} from './duplicates.repository.ts';

// Blocking keys come from the identity: an erasure clears them, a correction makes the next run compute them again.
registerIdentityDerivedColumn('block_keys');

/** A blocking key shared by more persons than this says little (a common name and year): skipped. */
export const MAX_BLOCK = 100;
const PAGE = 1000;

export interface RunHooks {
  signal: AbortSignal;
  progress(done: number, total: number | null, message: string): Promise<void>;
}

type EncryptedPerson = { id: number; case_code: string; regency_code: string; sex: 'male' | 'female'; identity_ct: Buffer | null; dek_wrapped: Buffer | null };

export class DuplicateRunner {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly log: FastifyBaseLogger,
  ) {}

  private record(p: EncryptedPerson): MatchRecord | null {
    const identity = openIdentity(this.persons.sealer, p);
    if (!identity) return null; // erased
    return {
      id: String(p.id),
      name: identity.fullName ?? '',
      birthDate: identity.birthDate,
      sex: p.sex,
      nik: identity.nik,
      phone: identity.phone,
    };
  }

  /** Step 1: blocking keys for the persons that lack them; returns their ids. */
  private async key(mode: 'full' | 'new', hooks: RunHooks): Promise<number[]> {
    const indexer = await this.persons.blindIndexer();
    const keyed: number[] = [];
    for (let after = 0; ; ) {
      const page = await personsToKey(this.db, mode, after, PAGE);
      if (page.length === 0) break;
      for (const p of page) {
        const r = this.record(p);
        const keys = r ? [...new Set(blockingKeys(r).map((k) => indexer.blockKey(k)))] : [];
        await setBlockKeys(this.db, p.id, keys);
        keyed.push(p.id);
      }
      after = page[page.length - 1]!.id;
      hooks.signal.throwIfAborted();
      await hooks.progress(keyed.length, null, 'keys');
    }
    return keyed;
  }

  /** Step 2: candidate pairs "a:b" (a < b) with at least one side among `targets`. */
  private async block(targets: Set<number>, decided: Set<string>): Promise<Set<string>> {
    const byKey = new Map<number, number[]>();
    const byNik = new Map<string, number[]>();
    for (let after = 0; ; ) {
      const page = await blockingPage(this.db, after, 10 * PAGE);
      if (page.length === 0) break;
      for (const p of page) {
        for (const k of p.block_keys ?? []) {
          const ids = byKey.get(k);
          if (ids) ids.push(p.id);
          else byKey.set(k, [p.id]);
        }
        if (p.nik_match) {
          const nik = Buffer.from(p.nik_match).toString('base64');
          const ids = byNik.get(nik);
          if (ids) ids.push(p.id);
          else byNik.set(nik, [p.id]);
        }
      }
      after = page[page.length - 1]!.id;
    }
    const pairs = new Set<string>();
    const add = (ids: number[]) => {
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
          if (!targets.has(a) && !targets.has(b)) continue;
          const key = `${a}:${b}`;
          if (!decided.has(key)) pairs.add(key);
        }
    };
    for (const ids of byNik.values()) if (ids.length > 1) add(ids); // the same NIK: always a candidate
    for (const ids of byKey.values()) if (ids.length > 1 && ids.length <= MAX_BLOCK) add(ids);
    return pairs;
  }

  /** Runs the whole thing for one dedup_run row. */
  async run(runId: number, hooks: RunHooks): Promise<{ persons: number; pairsScored: number; candidatesFound: number }> {
    const run = await findRun(this.db, runId);
    if (!run) throw new Error(`dedup run ${runId} does not exist`);
    try {
      const keyed = await this.key(run.mode, hooks);
      const pairs = await this.block(new Set(keyed), await decidedPairs(this.db));
      await hooks.progress(0, pairs.size, 'score');
      const ids = [...new Set([...pairs].flatMap((p) => p.split(':').map(Number)))];
      const records = new Map<string, MatchRecord>();
      for (let i = 0; i < ids.length; i += PAGE)
        for (const p of await personsForScoring(this.db, ids.slice(i, i + PAGE))) {
          const r = this.record(p);
          if (r) records.set(r.id, r);
        }
      const list = [...pairs].map((p) => p.split(':') as [string, string]).filter(([a, b]) => records.has(a) && records.has(b));
      const scored = await scorePairs([...records.values()], list, { signal: hooks.signal });
      let found = 0;
      for (let i = 0; i < scored.length; i += PAGE) {
        const chunk = scored.slice(i, i + PAGE).map((s) => ({ a: Number(s.a), b: Number(s.b), score: s.score, reasons: s.reasons }));
        found += await upsertCandidates(this.db, runId, chunk);
        await hooks.progress(Math.min(i + PAGE, scored.length), scored.length, 'store');
      }
      const result = { persons: keyed.length, pairsScored: list.length, candidatesFound: found };
      await finishRun(this.db, runId, { status: 'done', ...result });
      return result;
    } catch (err) {
      this.log.error({ err, runId }, 'dedup run failed');
      await finishRun(this.db, runId, { status: 'failed', persons: 0, pairsScored: 0, candidatesFound: 0 });
      throw err;
    }
  }
}
