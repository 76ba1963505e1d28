// A labelled synthetic registry for the deduplication benchmark: obviously fake,
// Indonesian-style people with ≥ 10 % planted duplicates, each duplicate written
// the way real lists differ: old spelling (u→oe, j→dj, c→tj, sy→sj, kh→ch, y→j),
// doubled letters, spacing (Nurhaliza / Nur Haliza), honorifics and "binti <father>",
// Muhammad's short forms, day/month swaps, a digit typo or a year off in the birth
// date, a letter typo in the name, and missing NIK, phone or birth date.
// Deterministic: the same seed gives the same set.
import type { MatchRecord } from '../../src/server/modules/registry/dedup/index.ts';

// Names vary about as much as real ones (the first version drew from ~80 × 700 names,
// so at a million every full name came back ten times): a few very common first names
// (Siti, Sri, Nur, Muhammad), a long tail of Javanese, Sundanese, Bugis, Balinese,
// Butonese, Malay, Arabic and Catholic names, compounds of roots and endings
// (Kusumawati, Sugiyanto), one to four words. At a million, two thirds of the persons
// bear a name no one else has and the commonest (Siti Cahyani) comes back ~140 times.
// About 40 % carry one of the obviously fake family words below, so no generated
// person is real. Nearly all are women, as on a lokalisasi's list.
const words = (s: string) => s.split(/\s+/).filter(Boolean);
// Roughly most common first: `skewed` picks from the front more often.
const FEMALE = words(`Siti Sri Nur Dewi Rina Wati Yuni Dian Eka Ratna Fitri Indah Ayu Tri Dwi Nurul Putri Desi Rini Wulan Lina Ani Yanti Lestari
  Mega Rahma Yulia Kartika Intan Aminah Fatimah Khadijah Aisyah Zulaikha Suryani Juwita Cahaya Susi Yeni Maya Mulyani Sulastri Suharti Sukaesih
  Jumiati Rohani Kasih Haliza Syarifah Surti Tuti Endang Wahyu Nani Heni Lilis Ida Yati Erna Mira Winda Sari Novi Santi Tika Ria Cici Ika Umi
  Ernawati Irma Kurnia Laila Anisa Salma Zahra Yusnita Euis Iis Neneng Enok Cucu Teti Imas Ela Nining Titin Entin Eti Nenden Rosdiana Tiurma
  Lamtiur Butet Rosmawati Besse Hasnah Hasnawati Murni Nurhayati Hadijah Halimah Ramlah Saniah Rahmatia Nurbaya Maria Yohana Theresia Agustina
  Fransiska Yosefina Magdalena Veronika Margaretha Elisabeth Kristina Martha Dayang Norhayati Noraini Zainab Hafsah Maryam Asma Sumiati Suparmi
  Sumarni Sukarti Painem Tukiyem Ngatini Sainah Warsini Kasmini Juminah Rukmini Paijah Sundari Wartini Darsih Karsinah Tarmini Yuliana Lusiana
  Oktaviani Septiani Novianti Pratiwi Puspita Melati Kenanga Cempaka Melinda Vivi Lia Mila Rika Dina Nia Tia Rara Gita Citra Nadia Nabila Aulia
  Alya Syifa Annisa Hana Amelia Agnes Natalia Febriyanti Apriani Juliani Marlina Hartati Rusmini Rusmiati Sulis Umiyati Wiwik Yayuk Tutik Sumi
  Parni Inem Tumini Nyai Atun Icih Onah Popon Mimin Eulis Yoyoh Aah Cicih Rohmah Masitah Kalsum Bariah Jubaidah Nafisah Sakinah Mardiah
  Fransina Yuliati Sartika Yustina Paulina Getrudis Anastasia Emiliana Regina Klara Sesilia Dortea Yakomina Ruth Debora Sarah Esther`);
const MALE = words(`Muhammad Ahmad Abdul Agus Budi Joko Eko Dedi Asep Andi Bambang Slamet Yusuf Hendra Rizky Surya Sugeng Heru Dede Ujang Cecep
  Iwan Wawan Arif Hasan Husein Ismail Ibrahim Yohanes Petrus Paulus Fransiskus Yosef Agustinus Markus Rahmat Hidayat Firman Fajar Yudi Rudi Andri
  Ari Dimas Bayu Dani Fikri Ilham Irfan Hamzah Umar Usman Ali Daud Sulaiman Zainal Syamsul Saiful Nasrul Khairul Amir Darmawan Gunawan
  Kurniawan Setiawan Hermawan Purnomo Susanto Hartono Haryanto Wibowo Prasetyo Nugroho Santoso Saputra Pratama Ramadhan Hakim Jafar Kasim
  Salim Anton Robert Stefanus Yakobus Mikael Kornelis Lambertus Daeng Awang Tamrin Jamal Kamaruddin Baharuddin Syamsuddin Nurdin Arsyad`);
const SECOND = words(`Aminah Wahyuni Rahayu Marlina Susanti Handayani Puspita Kurniasih Safitri Anggraini Maharani Permata Lestari Yuliani Hartini
  Suryani Wulandari Purnamasari Ningsih Kusumawati Setiawati Rahmawati Susilowati Yulianti Haryati Utami Pratiwi Agustina Fitriani Novitasari
  Nurjanah Juliana Cahyani Khairunnisa Syahrani Rosita Yusnaini Masitoh Sukmawati Indriani Ramadhani Fauziah Hasanah Jamilah Zubaidah Mutiara
  Kencana Melati Hidayah Azizah Maulida Fadhilah Komariah Rohmah Nurlaela Sopiah Hayati Rosmini Halimah Sahara Lubna Mariam Sulistyowati
  Rahmadani Oktavia Safira Salsabila Aprilia Anjani Damayanti Kusuma Hapsari Paramita Nirmala Kumalasari Wijayanti Ambarwati Setyaningsih`);
const ROOTS = words(`Sukma Ratna Purnama Kusuma Setia Rahma Susilo Wulan Indri Novita Yuli Hari Dwi Mulya Sura Kurnia Permata Mutia Cahya Juli Agus
  Fitri Yusni Rosi Widya Puspa Sekar Kencana Marli Hasti Andri Rina Suci Tiara Wina Dewan Sinta Laras Kirana Rara Ambar Galuh Retno Ningrum
  Dewi Sri Endah Tuti Yayuk Murni Budi Rini Nova Eka Ria Lia Mega Nur Ida Erna Irma Dian Yanti Ani Nani Heni Sari Wiwi Titi Ari Evi Rus Mar
  Sri Tri Kus Pur War Har Sum Sup Suk Sar Jum Kar Tar Sul Yul Rah Hid Mai Nuri Fau Zul Hus Has Ros Mas Rat Sit Ang Intan Bunga Melur`);
const FEMALE_ENDINGS = words('wati sari ningsih ani ati yani ningrum asih ningtyas lestari ti ni na wanti ayu mi yati nah iyah sih yem ah ini');
const MALE_ENDINGS = words('to no di man yanto yono wan adi anto ardi jo min ri nto rdi');
// Balinese birth-order names and the Butonese Wa Ode / La Ode come before the given name.
const BALI_FEMALE = ['Wa Ode', 'Ni Luh', 'Ni Made', 'Ni Ketut', 'Ni Wayan', 'Ni Putu', 'Ni Komang', 'Ni Kadek', 'Ni Nyoman'];
const BALI_MALE = ['La Ode', 'I Wayan', 'I Made', 'I Gede', 'I Komang', 'I Ketut', 'I Nyoman', 'I Putu', 'I Kadek'];
const FAMILY = words('Fiktif Contoh Rekaan Khayal Semu Buatan Samaran Percobaan Uji Sintetis Tiruan Karangan Andaian Umpama Misalan Rekayasa Imajiner Khayali Bayangan Peraga');
const FATHERS = words('Ahmad Usman Yusuf Hasan Jafar Kasim Salim Daud Ismail Sulaiman Abdullah Rahman Hamid Karim Latif Mansur Samad Talib');
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

  const skewed = <T>(xs: readonly T[]) => xs[Math.floor(xs.length * random() ** 2)]!; // the front of the list is common
  const compound = (male: boolean) => pick(ROOTS) + pick(male ? MALE_ENDINGS : FEMALE_ENDINGS);
  const nameOf = (male: boolean): string[] => {
    const tokens: string[] = [];
    if (random() < 0.04) tokens.push(pick(male ? BALI_MALE : BALI_FEMALE));
    const shape = random();
    if (shape < 0.1) tokens.push(random() < 0.7 ? compound(male) : pick(male ? MALE : FEMALE)); // one word (Sumiati, Sutrisno)
    else {
      tokens.push(skewed(male ? MALE : FEMALE));
      tokens.push(random() < 0.4 ? pick(male ? MALE : SECOND) : compound(male));
      if (shape > 0.75) tokens.push(random() < 0.5 ? pick(male ? MALE : SECOND) : compound(male));
    }
    if (random() < 0.4) tokens.push(pick(FAMILY));
    return tokens;
  };

  const original = (i: number): MatchRecord => {
    const male = random() < 0.05; // the registered workers of a lokalisasi are nearly all women
    const tokens = nameOf(male);
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

/** How many pairs of records are duplicates of each other. */
export function truePairCount(personOf: Uint32Array): number {
  const sizes = new Map<number, number>();
  for (const p of personOf) sizes.set(p, (sizes.get(p) ?? 0) + 1);
  let pairs = 0;
  for (const k of sizes.values()) pairs += (k * (k - 1)) / 2;
  return pairs;
}
