// A labelled synthetic registry for the deduplication benchmark: obviously fake,
// Indonesian-style people with ≥ 10 % planted duplicates, each duplicate written
// the way real lists differ: old spelling (u→oe, j→dj, c→tj, sy→sj, kh→ch, y→j),
// doubled letters, spacing (Nurhaliza / Nur Haliza), honorifics and "binti <father>",
// Muhammad's short forms, day/month swaps, a digit typo or a year off in the birth
// date, a letter typo in the name, and missing NIK, phone or birth date.
// Deterministic: the same seed gives the same set.
import type { MatchRecord } from '../../src/server/modules/registry/dedup/index.ts';

const GIVEN = ('Siti Sri Dewi Rina Wati Yuni Lina Ani Nining Eka Dian Ratna Fitri Lestari Mega Indah Ayu Nur Tri Rahma Yulia Kartika Intan Desi Rini Wulan Putri ' +
  'Aminah Khadijah Fatimah Zulaikha Suryani Juwita Cahaya Yanti Susi Yeni Maya Mulyani Sulastri Suharti Sukaesih Jumiati Rohani Kasih Haliza Syarifah Surti ' +
  'Tuti Endang Wahyu Nani Heni Lilis Ida Yati Erna Mira Winda Sari Novi Santi Tika Ria Cici Ika Umi Ernawati Irma Kurnia Laila Nurul Anisa Salma Zahra Yusnita').split(' ');
const SECOND = ('Aminah Wahyuni Rahayu Marlina Susanti Handayani Puspita Kurniasih Safitri Anggraini Maharani Permata Lestari Yuliani Hartini Suryani Wulandari ' +
  'Purnamasari Ningsih Kusumawati Setiawati Rahmawati Susilowati Yulianti Haryati Utami Pratiwi Agustina Fitriani Novitasari Nurjanah Juliana Cahyani ' +
  'Khairunnisa Syahrani Rosita Yusnaini Masitoh Sukmawati Indriani Ramadhani Fauziah Hasanah Jamilah Zubaidah Mutiara Kencana Melati').split(' ');
const ROOTS = ('Sukma Ratna Purnama Kusuma Setia Rahma Susilo Wulan Indri Novita Yuli Hari Dwi Mulya Sura Kurnia Permata Mutia Cahya Juli Agus Fitri ' +
  'Yusni Rosi Widya Puspa Sekar Kencana Marli Hasti Andri Rina Suci Tiara Wina Dewan Sinta Laras Kirana Rara Ambar Galuh Retno Ningrum').split(' ');
const SUFFIXES = 'wati sari ningsih ani ati yani ningrum asih ningtyas lestari ti ni na wanti ayu'.split(' ');
// Second names: the list above and root + suffix compounds (Sukmawati, Ratnasari, …), ~700 in all.
SECOND.push(...ROOTS.flatMap((r) => SUFFIXES.map((s) => r + s)));
const FAMILY = ('Fiktif Contoh Rekaan Khayal Semu Buatan Samaran Percobaan Uji Sintetis').split(' ');
const MALE = ('Muhammad Ahmad Yusuf Joko Cahyo Budi Agus Hendra Rizky Surya').split(' ');
const FATHERS = ('Ahmad Usman Yusuf Hasan Jafar Kasim Salim Daud Ismail Sulaiman').split(' ');
const REGENCIES = ['6503', '6501', '6502', '6504', '6571', '6472', '6471', '3578', '3507', '3573', '7371', '7322', '3273', '3374', '3171', '5171', '1271', '6371'];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface Labelled {
  records: MatchRecord[];
  /** The true person each record belongs to (records sharing it are duplicates). */
  personOf: Uint32Array;
}

export function generate(n: number, seed = 2018, duplicateShare = 0.12): Labelled {
  const random = rng(seed);
  const int = (k: number) => Math.floor(random() * k);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const records: MatchRecord[] = [];
  const personOf = new Uint32Array(n);
  const originals: number[] = [];

  const original = (i: number): MatchRecord => {
    const male = random() < 0.05;
    const tokens = male ? [pick(MALE), pick(SECOND.slice(0, 20))] : random() < 0.1 ? [pick(GIVEN)] : [pick(GIVEN), pick(SECOND)];
    if (random() < 0.4) tokens.push(pick(FAMILY));
    const y = 1960 + int(43);
    const m = 1 + int(12);
    const d = 1 + int(28);
    const regency = pick(REGENCIES);
    const nik = random() < 0.85 ? `${regency}${pad(1 + int(20))}${pad(d + (male ? 0 : 40))}${pad(m)}${pad(y % 100)}${pad(1 + int(9999), 4)}` : undefined;
    return {
      id: `P${i}`,
      name: tokens.join(' '),
      birthDate: `${y}-${pad(m)}-${pad(d)}`,
      sex: male ? 'male' : 'female',
      nik,
      homeRegion: `${regency.slice(0, 2)}.${regency.slice(2)}`,
      phone: random() < 0.55 ? `08${pad(int(1e5), 5)}${pad(int(1e5), 5)}` : undefined,
    };
  };

  const spelling = (name: string): string => {
    const options: [RegExp, string][] = [[/u/i, 'oe'], [/j/i, 'dj'], [/c/i, 'tj'], [/sy/i, 'sj'], [/kh/i, 'ch'], [/y/i, 'j']];
    const usable = options.filter(([re]) => re.test(name));
    if (usable.length === 0) return name.replace(/([bcdfgklmnprst])/i, '$1$1');
    const [re, to] = pick(usable);
    return name.replace(re, (c) => (c === c.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to));
  };
  const variants: ((r: MatchRecord) => MatchRecord)[] = [
    (r) => ({ ...r, name: spelling(r.name) }),
    (r) => ({ ...r, name: r.name.replace(/([lnmrst])/i, '$1$1') }),
    (r) => {
      const parts = r.name.split(' ');
      if (parts.length > 1 && random() < 0.5) return { ...r, name: parts[0] + parts[1]!.toLowerCase() + (parts.length > 2 ? ` ${parts.slice(2).join(' ')}` : '') };
      const first = parts[0]!;
      if (first.length < 4) return r;
      const cut = Math.max(2, Math.floor(first.length / 2));
      return { ...r, name: [first.slice(0, cut), first.slice(cut)[0]!.toUpperCase() + first.slice(cut + 1), ...parts.slice(1)].join(' ') };
    },
    (r) => ({ ...r, name: `${pick(['Hj.', 'Ibu', 'Ny.', 'Hajjah'])} ${r.name}` }),
    (r) => ({ ...r, name: `${r.name} binti ${pick(FATHERS)}` }),
    (r) => ({ ...r, name: r.name.replace(/^Muhammad\b/, pick(['Moch.', 'Moh.', 'Mochammad', 'M.', 'Muhamad'])) }),
    (r) => {
      if (!r.birthDate) return r;
      const [y, m, d] = r.birthDate.split('-');
      return Number(d) <= 12 ? { ...r, birthDate: `${y}-${d}-${m}` } : r;
    },
    (r) => {
      if (!r.birthDate) return r;
      const [y, m, d] = r.birthDate.split('-').map(Number) as [number, number, number];
      const which = int(3);
      if (which === 0) return { ...r, birthDate: `${y + (random() < 0.5 ? -1 : 1)}-${pad(m)}-${pad(d)}` };
      // One digit mistyped: the day's last digit, or the month's.
      if (which === 1) return { ...r, birthDate: `${y}-${pad(m)}-${pad(d % 10 === 9 ? d - 1 : d + 1)}` };
      return { ...r, birthDate: `${y}-${pad(m % 10 === 9 || m === 12 ? m - 1 : m + 1)}-${pad(d)}` };
    },
    (r) => {
      const at = 2 + int(Math.max(1, r.name.length - 3));
      const c = r.name[at]!;
      if (c === ' ') return r;
      return { ...r, name: r.name.slice(0, at) + ('aeiou'.includes(c) ? pick(['a', 'e', 'i', 'o', 'u'].filter((v) => v !== c)) : c) + r.name.slice(at + 1) };
    },
    (r) => ({ ...r, nik: undefined }),
    (r) => ({ ...r, phone: undefined }),
    (r) => ({ ...r, birthDate: undefined }),
  ];

  for (let i = 0; i < n; i++) {
    if (originals.length > 10 && random() < duplicateShare) {
      const of = pick(originals);
      let r: MatchRecord = { ...records[of]!, id: `P${i}` };
      // One to three different changes, at most one of them to the birth date (kinds 6, 7 and 11).
      const changes = 1 + int(3);
      const chosen = new Set<number>();
      while (chosen.size < changes) {
        const v = int(variants.length);
        if ([6, 7, 11].includes(v) && [...chosen].some((c) => [6, 7, 11].includes(c))) continue;
        chosen.add(v);
      }
      for (const v of chosen) r = variants[v]!(r);
      // Lists copied from one another keep the NIK half the time.
      if (r.nik && random() < 0.5) r = { ...r, nik: undefined };
      records.push(r);
      personOf[i] = personOf[of]!;
    } else {
      records.push(original(i));
      personOf[i] = i;
      originals.push(i);
    }
  }
  return { records, personOf };
}

/** The true duplicate pairs as "i:j" keys of record indexes (i < j). */
export function truePairs(personOf: Uint32Array): Set<string> {
  const groups = new Map<number, number[]>();
  personOf.forEach((p, i) => {
    const g = groups.get(p);
    if (g) g.push(i);
    else groups.set(p, [i]);
  });
  const pairs = new Set<string>();
  for (const g of groups.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) pairs.add(`${g[x]}:${g[y]}`);
  return pairs;
}
