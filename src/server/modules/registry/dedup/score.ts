// Scoring a candidate pair: name similarity carries most of the weight, the birth
// date (exact, day/month swapped, one digit off, a year off) the rest; a different
// sex or two different valid NIKs speak strongly against, the same NIK settles it.
// A phone in common adds to it.
// The weights were set on the labelled synthetic set of bench/dedup (see README).
import type { Prepared } from './record.ts';
import { jaroWinkler, sameLetters, tokenSimilarity } from './similarity.ts';
import { pack, type Table } from './table.ts';

/** Pairs scoring at or above this are candidates for review. */
export const MATCH_THRESHOLD = 0.87;

/** Why a pair scored as it did; travels with the pair as bits (1 << index). */
export const REASONS = [
  'same_nik',
  'same_name',
  'name_similar',
  'same_birth_date',
  'birth_date_swapped',
  'birth_date_typo',
  'birth_year_off',
  'birth_date_differs',
  'same_phone',
  'sex_differs',
  'nik_differs',
] as const;
const bit = (reason: (typeof REASONS)[number]) => 1 << REASONS.indexOf(reason);
const SAME_NIK = bit('same_nik');
const SAME_NAME = bit('same_name');
const NAME_SIMILAR = bit('name_similar');
const SAME_BIRTH_DATE = bit('same_birth_date');
const SWAPPED = bit('birth_date_swapped');
const TYPO = bit('birth_date_typo');
const YEAR_OFF = bit('birth_year_off');
const DATE_DIFFERS = bit('birth_date_differs');
const SAME_PHONE = bit('same_phone');
const SEX_DIFFERS = bit('sex_differs');
const NIK_DIFFERS = bit('nik_differs');

export function reasonsOf(bits: number): string[] {
  return REASONS.filter((_, i) => bits & (1 << i));
}

export interface PairScore {
  score: number;
  reasons: string[];
}

/** Digits that differ between two yyyymmdd dates. */
function digitsOff(a: number, b: number): number {
  let n = 0;
  for (; a > 0 || b > 0; a = Math.floor(a / 10), b = Math.floor(b / 10)) if (a % 10 !== b % 10) n++;
  return n;
}

/** How two birth dates (yyyymmdd, 0 unknown) relate, as a reason bit; 0 when either is unknown. */
function birthRelation(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  if (a === b) return SAME_BIRTH_DATE;
  const ya = Math.floor(a / 10000);
  const yb = Math.floor(b / 10000);
  const ma = Math.floor(a / 100) % 100;
  const mb = Math.floor(b / 100) % 100;
  const da = a % 100;
  const db = b % 100;
  if (ya === yb && ma === db && da === mb) return SWAPPED;
  if (digitsOff(a, b) === 1) return TYPO;
  if (ma === mb && da === db && Math.abs(ya - yb) <= 1) return YEAR_OFF;
  return DATE_DIFFERS;
}

/**
 * What the birth dates do to a pair: how much they lower the name's score (nothing
 * when equal, a little for the usual errors), and `chance`: how likely another bearer
 * of the name shows such a date by chance, relative to a date that is unknown (1).
 * An equal date is the rarest coincidence, a swap or a year off a few times more, a
 * date one digit off (dozens of neighbours) far more. The values were set on the
 * labelled set of bench/dedup.
 */
function birthEvidence(relation: number): { penalty: number; chance: number } {
  switch (relation) {
    case SAME_BIRTH_DATE:
      return { penalty: 0, chance: 0.001 };
    case SWAPPED:
      return { penalty: 0.04, chance: 0.005 };
    case YEAR_OFF:
      return { penalty: 0.06, chance: 0.005 };
    case TYPO:
      return { penalty: 0.08, chance: 0.06 };
    case DATE_DIFFERS:
      return { penalty: 0.35, chance: 1 };
    default:
      return { penalty: 0.16, chance: 1 }; // one is unknown: the name is all there is
  }
}

/** A rare name's bonus at most (see scoreAt). */
const RARE_NAME_BONUS = 0.06;

/**
 * Scores records i and j of a packed table; `reasons` as bits (see REASONS). Null
 * when the pair cannot reach `threshold` whatever the names say: the name is compared
 * last, since most candidate pairs are settled by another birth date or sex.
 */
export function scoreAt(t: Table, i: number, j: number, threshold = 0): { score: number; reasons: number } | null {
  if (t.nik[2 * i] !== 0 && t.nik[2 * i] === t.nik[2 * j] && t.nik[2 * i + 1] === t.nik[2 * j + 1]) return { score: 1, reasons: SAME_NIK };
  const birth = birthRelation(t.birth[i]!, t.birth[j]!);
  const { penalty, chance } = birthEvidence(birth);
  let reasons = birth;
  let added = -penalty;
  let factor = 1;
  let others = chance; // times the name's bearers, below
  if (t.phone[i] !== 0 && t.phone[i] === t.phone[j]) {
    added += 0.1;
    others *= 0.001; // a phone is shared by a household at most
    reasons |= SAME_PHONE;
  }
  if (t.region[i] !== 0 && t.region[i] === t.region[j]) added += 0.02;
  if (t.sex[i] !== 0 && t.sex[j] !== 0 && t.sex[i] !== t.sex[j]) {
    factor *= 0.4;
    reasons |= SEX_DIFFERS;
  }
  if (t.nik[2 * i] !== 0 && t.nik[2 * j] !== 0) {
    factor *= 0.5;
    reasons |= NIK_DIFFERS;
  }
  if ((1 + RARE_NAME_BONUS + added) * factor < threshold) return null;

  const [a0, a1, b0, b1] = [t.start[i]!, t.start[i + 1]!, t.start[j]!, t.start[j + 1]!];
  // Spacing differences (Nurhaliza / Nur Haliza) meet in the joined form; otherwise token by token.
  // A name of honorifics alone ("Ibu") is empty and proves nothing.
  const name = a0 === a1 || b0 === b1 ? 0 : sameLetters(t.text, a0, a1, b0, b1) ? 1 : Math.max(tokenSimilarity(t.text, a0, a1, b0, b1), jaroWinkler(t.text, a0, a1, b0, b1) - 0.08);
  reasons |= name >= 0.999 ? SAME_NAME : name >= 0.85 ? NAME_SIMILAR : 0;
  // Term frequency (as Splink does): a name is weaker evidence the more persons of the
  // set are expected to bear it and, by chance, dates (and a phone) like these; a rare
  // name earns a bonus, but only when the very same.
  others *= Math.max(t.common[i]!, t.common[j]!);
  const frequency = Math.max(-0.12, Math.min(RARE_NAME_BONUS, 0.02 - 0.04 * Math.log2(others)));
  added += name < 0.999 ? Math.min(0, frequency) : frequency;
  if (oneToken(t, a0, a1) || oneToken(t, b0, b1)) added -= 0.03; // a one-word name is weaker still
  const score = (name + added) * factor;
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, reasons };
}

/** Whether the name at text[from, to) is a single token (one upper-case letter). */
function oneToken(t: Table, from: number, to: number): boolean {
  let n = 0;
  for (let k = from; k < to; k++) if (t.text[k]! < 0x61) n++;
  return n === 1;
}

/** Scores two prepared records on their own (no set to count the names in). */
export function scorePrepared(a: Prepared, b: Prepared): PairScore {
  const s = scoreAt(pack(2, (r) => (r === 0 ? a : b)), 0, 1)!;
  return { score: s.score, reasons: reasonsOf(s.reasons) };
}

/**
 * Scores pairs[2k], pairs[2k + 1] for k in [from, to) and returns those at or above
 * the threshold as (i, j, score in thousandths, reason bits) quadruples.
 */
export function scoreRange(t: Table, pairs: Uint32Array, from: number, to: number, threshold: number): Uint32Array {
  const found: number[] = [];
  for (let k = from; k < to; k++) {
    const i = pairs[2 * k]!;
    const j = pairs[2 * k + 1]!;
    const s = scoreAt(t, i, j, threshold);
    if (s && s.score >= threshold) found.push(i, j, Math.round(s.score * 1000), s.reasons);
  }
  return Uint32Array.from(found);
}
