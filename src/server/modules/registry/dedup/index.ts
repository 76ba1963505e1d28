// The deduplication matcher (pure, in memory): used by the registry's review
// queue (modules/duplicates) and by `tuntas dedup` on a spreadsheet.
export { blockingKeys } from './blocking.ts';
export { clustersOf, exactNikClusters, findDuplicates, scorePairs, type DuplicatePair, type MatchOptions } from './find.ts';
export { normalizeName } from './names.ts';
export { prepare, type MatchRecord } from './record.ts';
export { MATCH_THRESHOLD, scorePrepared } from './score.ts';
