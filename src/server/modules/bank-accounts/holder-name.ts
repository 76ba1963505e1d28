// The holder name on a bank account compared with the person's name, both folded
// as the deduplication matcher folds Indonesian names (honorifics, spelling
// variants, "bin/binti" and what follows dropped). Banks print names shortened or
// with fewer words, so a name whose words all appear in the other counts as a match.
import type { NameCheck } from '../../../common/aid.ts';
import { normalizeName } from '../registry/dedup/index.ts';

export function compareHolderName(personName: string | undefined, holderName: string): { check: NameCheck; score: number | null } {
  if (!personName) return { check: 'no_name', score: null };
  const a = normalizeName(personName);
  const b = normalizeName(holderName);
  if (a.tokens.length === 0 || b.tokens.length === 0) return { check: 'mismatch', score: 0 };
  const sa = new Set(a.tokens);
  const sb = new Set(b.tokens);
  const common = [...sa].filter((t) => sb.has(t)).length;
  const score = Math.round((common / new Set([...sa, ...sb]).size) * 100) / 100;
  if (a.joined === b.joined) return { check: 'match', score: 1 };
  const subset = common === sa.size || common === sb.size;
  return { check: subset ? 'match' : 'mismatch', score };
}
