// Blocking: which persons are compared at all. Each key is a string computed from
// one record alone, so the registry can store it as a blind index (HMAC) and find
// the persons sharing it without any plaintext column. Together the keys catch the
// variants the generator plants: the whole name, a name's beginning with the birth year, its
// consonant skeleton with day and month in either order (swaps, year typos), the
// birth date with the initial (name typos), the phone, and the NIK.
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
    keys.push(`x:${name}`);
    keys.push(`y:${skeleton(name)}`);
    if (p.birth) {
      const [y, m, d] = p.birth;
      const md = m <= d ? `${pad(m)}${pad(d)}` : `${pad(d)}${pad(m)}`;
      keys.push(`n:${name.slice(0, 6)}|${y}`);
      keys.push(`s:${skeleton(name).slice(0, 5)}|${md}`);
      keys.push(`d:${y}${pad(m)}${pad(d)}|${name.slice(0, 2)}`);
    }
  }
  return keys;
}

/** The blocking keys of a record (stored by the registry as blind indexes). */
export function blockingKeys(r: MatchRecord): string[] {
  return preparedKeys(prepare(r));
}
