// Deduplication benchmark (issue 5): the matcher over N synthetic persons (default
// 1,000,000) on this machine's cores, with pairwise recall and precision against the
// generator's labels, and exact-NIK matching; each beside a baseline measured in the
// same run. Usage: npm run bench:dedup [-- N] [--seed S]
import os from 'node:os';
import { exactNikClusters, findDuplicates, prepare } from '../src/server/modules/registry/dedup/index.ts';
import { generate, truePairCount } from './dedup/generate.ts';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 2018;
const n = Number(args[0] ?? 1_000_000);
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(2)} s`;
console.log(`deduplication benchmark: ${n.toLocaleString('en')} persons, seed ${seed}, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`);

let t = performance.now();
const { records, personOf } = generate(n, seed);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
console.log(`  generated (not timed)                    ${seconds(t)}, RSS ${mb(process.memoryUsage().rss)} with the records`);

t = performance.now();
let chars = 0;
for (const r of records) chars += prepare(r).joined.length;
const baseline = seconds(t);

t = performance.now();
const result = await findDuplicates(records, { workers: Math.min(2, os.cpus().length) });
const matcher = (performance.now() - t) / 1000;

// The generator's ids are P<index>; the matcher reports each pair once.
const indexOf = (id: string) => Number(id.slice(1));
const truth = truePairCount(personOf);
let hits = 0;
for (const p of result.pairs) if (personOf[indexOf(p.a)] === personOf[indexOf(p.b)]) hits++;
const recall = hits / truth;
const precision = result.pairs.length === 0 ? 1 : hits / result.pairs.length;

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
console.log(`  pairs found ${result.pairs.length}, true pairs ${truth}, clusters ${result.clusters.length}`);
console.log(`  pairwise recall                          ${recall.toFixed(4)}   target ≥ 0.95   ${ok(recall >= 0.95)}`);
console.log(`  pairwise precision                       ${precision.toFixed(4)}   target ≥ 0.98   ${ok(precision >= 0.98)}`);
console.log(`  baseline: group raw NIK strings in a Map ${nikBaseline}`);
console.log(`  exact NIK matching                       ${nikTime.toFixed(2)} s   target ≤ 2 s   ${ok(nikTime <= 2)} (${nikClusters.length} groups)`);
console.log(`  peak RSS                                 ${mb(process.resourceUsage().maxRSS * 1024)}`);
