// Deduplication benchmark (issue 5): the matcher over N synthetic persons (default
// 1,000,000) on this machine's cores, with pairwise recall and precision against the
// generator's labels, and exact-NIK matching; each beside a baseline measured in the
// same run. Usage: npm run bench:dedup [-- N]
import os from 'node:os';
import { exactNikClusters, findDuplicates, prepare } from '../src/server/modules/registry/dedup/index.ts';
import { generate, truePairs } from './dedup/generate.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(2)} s`;
console.log(`deduplication benchmark: ${n.toLocaleString('en')} persons, ${os.cpus().length} cores, Node ${process.version}`);

let t = performance.now();
const { records, personOf } = generate(n);
console.log(`  generated (not timed)                    ${seconds(t)}`);

t = performance.now();
let chars = 0;
for (const r of records) chars += prepare(r).joined.length;
const baseline = seconds(t);

t = performance.now();
const result = await findDuplicates(records, { workers: Math.min(2, os.cpus().length) });
const matcher = (performance.now() - t) / 1000;

const index = new Map(records.map((r, i) => [r.id, i]));
const truth = truePairs(personOf);
const found = new Set(result.pairs.map((p) => [index.get(p.a)!, index.get(p.b)!].sort((x, y) => x - y).join(':')));
let hits = 0;
for (const p of found) if (truth.has(p)) hits++;
const recall = hits / truth.size;
const precision = found.size === 0 ? 1 : hits / found.size;

t = performance.now();
const raw = new Map<string, number>();
for (const r of records) if (r.nik) raw.set(r.nik, (raw.get(r.nik) ?? 0) + 1);
const nikBaseline = seconds(t);
t = performance.now();
const nikClusters = exactNikClusters(records);
const nikTime = (performance.now() - t) / 1000;

const ok = (pass: boolean) => (pass ? 'ok' : 'OVER TARGET');
console.log(`  baseline: read + normalise every name    ${baseline} (${chars} chars)`);
console.log(`  matcher (block, score, cluster)          ${matcher.toFixed(2)} s   target ≤ 60 s for 1,000,000   ${ok(matcher <= 60 * (n / 1e6))}`);
console.log(`  pairs found ${found.size}, true pairs ${truth.size}, clusters ${result.clusters.length}`);
console.log(`  pairwise recall                          ${recall.toFixed(4)}   target ≥ 0.95   ${ok(recall >= 0.95)}`);
console.log(`  pairwise precision                       ${precision.toFixed(4)}   target ≥ 0.98   ${ok(precision >= 0.98)}`);
console.log(`  baseline: group raw NIK strings in a Map ${nikBaseline}`);
console.log(`  exact NIK matching                       ${nikTime.toFixed(2)} s   target ≤ 2 s   ${ok(nikTime <= 2)} (${nikClusters.length} groups)`);
console.log(`  peak RSS                                 ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
