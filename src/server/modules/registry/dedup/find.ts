// The whole matcher over a list of records held in memory: prepare and pack them
// (table.ts) while hashing their blocking keys, block (by sorting the hashed keys, so a
// million records need no string map), score the candidate pairs in workers, and
// group matches into clusters (union-find).
import { normalizeNik } from '../../../../common/nik-normalize.ts';
import { preparedKeys } from './blocking.ts';
import { prepare, type MatchRecord } from './record.ts';
import { MATCH_THRESHOLD } from './score.ts';
import { scoreIndexPairs, type ScoredPair } from './score-pool.ts';
import { pack, type Table } from './table.ts';

/** A blocking key shared by more records than this (the commonest names) is skipped: raising it to 250 found no more duplicates at a million. */
export const MAX_BLOCK = 60;
const INDEX_BITS = 2 ** 22; // up to 4,194,304 records
const HASH_BITS = 2 ** 31;
const SIXTEEN_DIGITS = /^\d{16}$/;

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

/** A growing list of numbers (pair and key entries exceed what a plain array holds well). */
class NumberBuffer {
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

/** Packs the records and finds the candidate pairs (i < j, unique): records sharing a blocking key. */
export function blockRecords(records: readonly MatchRecord[], maxBlock = MAX_BLOCK): { table: Table; pairs: Uint32Array } {
  if (records.length > INDEX_BITS) throw new RangeError(`at most ${INDEX_BITS} records at a time`);
  const entries = new NumberBuffer(); // hash · 2^22 + record, sorted below so that each block is a run
  const table = pack(records.length, (r) => {
    const p = prepare(records[r]!);
    for (const key of preparedKeys(p)) entries.push(hash31(key) * INDEX_BITS + r);
    return p;
  });
  const sorted = entries.data.subarray(0, entries.length).sort();
  const pairs = new NumberBuffer();
  for (let start = 0; start < sorted.length; ) {
    const h = Math.floor(sorted[start]! / INDEX_BITS);
    let end = start + 1;
    while (end < sorted.length && Math.floor(sorted[end]! / INDEX_BITS) === h) end++;
    if (end - start > 1 && end - start <= maxBlock)
      for (let x = start; x < end; x++)
        for (let y = x + 1; y < end; y++) {
          const i = sorted[x]! % INDEX_BITS;
          const j = sorted[y]! % INDEX_BITS;
          if (i !== j) pairs.push(i < j ? i * INDEX_BITS + j : j * INDEX_BITS + i);
        }
    start = end;
  }
  const unique = pairs.data.subarray(0, pairs.length).sort();
  let n = 0;
  for (let k = 0; k < unique.length; k++) if (k === 0 || unique[k] !== unique[k - 1]) unique[n++] = unique[k]!;
  // Shared with the scoring workers.
  const out = new Uint32Array(new SharedArrayBuffer(Math.max(1, n) * 8), 0, n * 2);
  for (let k = 0; k < n; k++) {
    out[2 * k] = Math.floor(unique[k]! / INDEX_BITS);
    out[2 * k + 1] = unique[k]! % INDEX_BITS;
  }
  return { table, pairs: out };
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
  return sortedGroups(groups.values());
}

const byId = new Intl.Collator('en', { numeric: true }).compare; // one collator: localeCompare with options builds one a call

/** Each group sorted, the groups by their first id. */
function sortedGroups(groups: Iterable<string[]>): string[][] {
  return [...groups].map((g) => g.sort(byId)).sort((x, y) => byId(x[0]!, y[0]!));
}

const named = (ids: readonly { id: string }[], scored: ScoredPair[]): DuplicatePair[] =>
  scored.map((s) => ({ a: ids[s.i]!.id, b: ids[s.j]!.id, score: s.score, reasons: s.reasons }));

/** Likely duplicates among the records: scored pairs and their clusters. */
export async function findDuplicates(records: MatchRecord[], options: MatchOptions = {}): Promise<{ pairs: DuplicatePair[]; clusters: string[][] }> {
  const { table, pairs: candidates } = blockRecords(records);
  const pairs = named(records, await scoreIndexPairs(table, candidates, { threshold: options.threshold ?? MATCH_THRESHOLD, ...options }));
  return { pairs, clusters: clustersOf(pairs) };
}

/** Scores given pairs of ids (the registry finds them through its stored blocking keys). */
export async function scorePairs(records: MatchRecord[], pairs: [string, string][], options: MatchOptions = {}): Promise<DuplicatePair[]> {
  const table = pack(records.length, (r) => prepare(records[r]!));
  const index = new Map(records.map((r, i) => [r.id, i]));
  const flat = new Uint32Array(new SharedArrayBuffer(Math.max(1, pairs.length) * 8));
  let n = 0;
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    flat[n++] = i;
    flat[n++] = j;
  }
  return named(records, await scoreIndexPairs(table, flat.subarray(0, n), { threshold: options.threshold ?? MATCH_THRESHOLD, ...options }));
}

/** Exact matching by NIK alone: groups of ids sharing a valid, normalised NIK. */
export function exactNikClusters(records: MatchRecord[]): string[][] {
  const byNik = new Map<string, string[]>();
  for (const r of records) {
    if (!r.nik) continue;
    const nik = SIXTEEN_DIGITS.test(r.nik) ? r.nik : normalizeNik(r.nik); // most are clean already
    if (nik.length !== 16) continue;
    const g = byNik.get(nik);
    if (g) g.push(r.id);
    else byNik.set(nik, [r.id]);
  }
  const groups: string[][] = [];
  for (const g of byNik.values()) if (g.length > 1) groups.push(g);
  return sortedGroups(groups); // already clusters: one NIK each
}
