// Blocking: which persons are compared at all. Each key is a string computed from
// one record alone, so the registry can store it as a blind index (HMAC) and find
// the persons sharing it without any plaintext column. Together the keys catch the
// variants the generator plants: the whole name and its consonant skeleton (spelling,
// spacing, vowel typos, whatever the dates say), the skeleton's beginning with day and
// month in either order (swaps, year typos), the birth date with the name's first two
// letters (other name typos), the phone, and the NIK. (A key of the name's first six
// letters with the birth year was dropped: at a million persons it made 60 % of the
// pairs — every Muhammad born in a year — and found almost nothing the others missed.)
import { skeleton } from './names.ts';
import { prepare, type MatchRecord, type Prepared } from './record.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function preparedKeys(p: Prepared): string[] {
  const keys: string[] = [];
  const name = p.joined;
  if (p.nik) keys.push(`k:${p.nik}`);
  if (p.phone) keys.push(`p:${p.phone}`);
  if (name.length >= 2) {
    // The whole name (and its skeleton) pairs records whatever their birth dates say or lack.
    const consonants = skeleton(name);
    keys.push(`x:${name}`);
    keys.push(`y:${consonants}`);
    if (p.birth) {
      const [y, m, d] = p.birth;
      const md = m <= d ? `${pad(m)}${pad(d)}` : `${pad(d)}${pad(m)}`;
      keys.push(`s:${consonants.slice(0, 5)}|${md}`);
      keys.push(`d:${y}${pad(m)}${pad(d)}|${name.slice(0, 2)}`);
    }
  }
  return keys;
}

/** The blocking keys of a record (stored by the registry as blind indexes). */
export function blockingKeys(r: MatchRecord): string[] {
  return preparedKeys(prepare(r));
}
