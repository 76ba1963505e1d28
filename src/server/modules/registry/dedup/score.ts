// Scoring a candidate pair: name similarity carries most of the weight, the birth
// date (exact, day/month swapped, one digit off, a year off) the rest; a different
// sex or two different valid NIKs speak strongly against, the same NIK settles it.
// A phone in common adds to it.
// The weights were set on the labelled synthetic set of bench/dedup (see README).
import type { Prepared } from './record.ts';
import { jaroWinkler, tokenSimilarity } from './similarity.ts';

/** Pairs scoring at or above this are candidates for review. */
export const MATCH_THRESHOLD = 0.87;

export interface PairScore {
  score: number;
  reasons: string[];
}

function digitsOff(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** How much the birth dates lower the name's score: nothing when equal, a little for the usual errors. */
function birthPenalty(a: Prepared['birth'], b: Prepared['birth'], reasons: string[]): number {
  if (!a || !b) return 0.16;
  const [ya, ma, da] = a;
  const [yb, mb, db] = b;
  if (ya === yb && ma === mb && da === db) return reasons.push('same_birth_date'), 0;
  if (ya === yb && ma === db && da === mb) return reasons.push('birth_date_swapped'), 0.04;
  const sa = `${ya}${String(ma).padStart(2, '0')}${String(da).padStart(2, '0')}`;
  const sb = `${yb}${String(mb).padStart(2, '0')}${String(db).padStart(2, '0')}`;
  if (digitsOff(sa, sb) === 1) return reasons.push('birth_date_typo'), 0.08;
  if (ma === mb && da === db && Math.abs(ya - yb) <= 1) return reasons.push('birth_year_off'), 0.06;
  return reasons.push('birth_date_differs'), 0.35;
}

export function scorePrepared(a: Prepared, b: Prepared): PairScore {
  const reasons: string[] = [];
  if (a.nik && b.nik && a.nik === b.nik) return { score: 1, reasons: ['same_nik'] };
  // Spacing differences (Nurhaliza / Nur Haliza) meet in the joined form; otherwise token by token.
  const name = a.joined === b.joined ? 1 : Math.max(tokenSimilarity(a.tokens, b.tokens), jaroWinkler(a.joined, b.joined) - 0.08);
  if (name >= 0.999) reasons.push('same_name');
  else if (name >= 0.85) reasons.push('name_similar');
  let score = name - birthPenalty(a.birth, b.birth, reasons);
  // A rare name is strong evidence, a common one weak (Splink's term-frequency idea); a one-word name weaker still.
  const frequency = Math.max(-0.12, Math.min(0.06, 0.06 - 0.04 * Math.log2(Math.max(1, Math.max(a.nameCount, b.nameCount) - 1))));
  score += frequency > 0 && name < 0.999 ? 0 : frequency; // the bonus only for the very same name
  if (a.tokens.length === 1 || b.tokens.length === 1) score -= 0.03;
  if (a.phone && b.phone && a.phone === b.phone) {
    score += 0.1;
    reasons.push('same_phone');
  }
  if (a.region && b.region && a.region === b.region) score += 0.02;
  if (a.sex && b.sex && a.sex !== b.sex) {
    score *= 0.4;
    reasons.push('sex_differs');
  }
  if (a.nik && b.nik) {
    score *= 0.5;
    reasons.push('nik_differs');
  }
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, reasons };
}
