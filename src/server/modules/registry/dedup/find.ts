// The whole matcher over a list of records held in memory: prepare, block (by
// sorting hashed blocking keys, so a million records need no string map), score
// the candidate pairs in workers, and group matches into clusters (union-find).
import { normalizeNik } from '../../../../common/nik.ts';
import { preparedKeys } from './blocking.ts';
import { prepareAll, type MatchRecord, type Prepared } from './record.ts';
import { MATCH_THRESHOLD } from './score.ts';
import { scoreIndexPairs } from './score-pool.ts';

/** A blocking key shared by more records than this (a very common name and year) is skipped. */
export const MAX_BLOCK = 60;
const INDEX_BITS = 2 ** 22; // up to 4,194,304 records
const HASH_BITS = 2 ** 31;

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

export interface MatchOptions {
  threshold?: number;
  workers?: number;
  /** Fewer pairs than this are scored on the calling thread (default 20,000). */
  inPlaceBelow?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** FNV-1a, 31 bits: a collision only adds a pair that scoring rejects. */
function hash31(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % HASH_BITS;
}

class PairBuffer {
  data = new Float64Array(1 << 16);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/** Candidate pairs (i < j, unique) of records sharing a blocking key. */
export function candidatePairs(prepared: Prepared[], maxBlock = MAX_BLOCK): Uint32Array {
  if (prepared.length > INDEX_BITS) throw new RangeError(`at most ${INDEX_BITS} records at a time`);
  const entries = new PairBuffer();
  prepared.forEach((p, i) => {
    for (const key of preparedKeys(p)) entries.push(hash31(key) * INDEX_BITS + i);
  });
  const sorted = entries.data.subarray(0, entries.length).sort();
  const pairs = new PairBuffer();
  for (let start = 0; start < sorted.length; ) {
    const h = Math.floor(sorted[start]! / INDEX_BITS);
    let end = start + 1;
    while (end < sorted.length && Math.floor(sorted[end]! / INDEX_BITS) === h) end++;
    const size = end - start;
    if (size > 1 && size <= maxBlock)
      for (let x = start; x < end; x++)
        for (let y = x + 1; y < end; y++) {
          const i = sorted[x]! % INDEX_BITS;
          const j = sorted[y]! % INDEX_BITS;
          if (i !== j) pairs.push(i < j ? i * INDEX_BITS + j : j * INDEX_BITS + i);
        }
    start = end;
  }
  const unique = pairs.data.subarray(0, pairs.length).sort();
  const out = new Uint32Array(unique.length * 2);
  let n = 0;
  for (let k = 0; k < unique.length; k++) {
    if (k > 0 && unique[k] === unique[k - 1]) continue;
    out[n++] = Math.floor(unique[k]! / INDEX_BITS);
    out[n++] = unique[k]! % INDEX_BITS;
  }
  return out.slice(0, n);
}

/** Groups of ids linked by pairs (two or more each), sorted for a stable answer. */
export function clustersOf(pairs: { a: string; b: string }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  const byId = (x: string, y: string) => x.localeCompare(y, 'en', { numeric: true });
  return [...groups.values()].map((g) => g.sort(byId)).sort((x, y) => byId(x[0]!, y[0]!));
}

/** Likely duplicates among the records: scored pairs and their clusters. */
export async function findDuplicates(records: MatchRecord[], options: MatchOptions = {}): Promise<{ pairs: DuplicatePair[]; clusters: string[][] }> {
  const prepared = prepareAll(records);
  const scored = await scoreIndexPairs(prepared, candidatePairs(prepared), { threshold: options.threshold ?? MATCH_THRESHOLD, ...options });
  const pairs = scored.map((s) => ({ a: prepared[s.i]!.id, b: prepared[s.j]!.id, score: s.score, reasons: s.reasons }));
  return { pairs, clusters: clustersOf(pairs) };
}

/** Scores given pairs of ids (the registry finds them through its stored blocking keys). */
export async function scorePairs(records: MatchRecord[], pairs: [string, string][], options: MatchOptions = {}): Promise<DuplicatePair[]> {
  const prepared = prepareAll(records);
  const index = new Map(prepared.map((p, i) => [p.id, i]));
  const flat = new Uint32Array(pairs.length * 2);
  let n = 0;
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    flat[n++] = i;
    flat[n++] = j;
  }
  const scored = await scoreIndexPairs(prepared, flat.subarray(0, n), { threshold: options.threshold ?? MATCH_THRESHOLD, ...options });
  return scored.map((s) => ({ a: prepared[s.i]!.id, b: prepared[s.j]!.id, score: s.score, reasons: s.reasons }));
}

/** Exact matching by NIK alone: groups of ids sharing a valid, normalised NIK. */
export function exactNikClusters(records: MatchRecord[]): string[][] {
  const byNik = new Map<string, string[]>();
  for (const r of records) {
    const nik = r.nik ? normalizeNik(r.nik) : '';
    if (nik.length !== 16) continue;
    const g = byNik.get(nik);
    if (g) g.push(r.id);
    else byNik.set(nik, [r.id]);
  }
  return clustersOf([...byNik.values()].filter((g) => g.length > 1).flatMap((g) => g.slice(1).map((b) => ({ a: g[0]!, b }))));
}
