// Demo people: the 51 women on the Nunukan site manager's list of May 2018, made
// through the registry service (encrypted, case-coded, audited). Every one is
// fictional and looks it: each full name ends in "Fiktif", phones are 0800 numbers,
// addresses say "(demo)". The list plants what verification meets in real lists:
// people without an e-KTP (no NIK), one girl under 18, and one woman listed twice
// under two spellings (Nurhaliza / Nur Haliza) with her day and month swapped.
// With --as-of 2019 the lists follow: 51 on the first, 37 after the joint verification.
import { CreatePersonSchema } from '../../../common/persons.ts';
import { CreatePersonListSchema, SetRulesSchema } from '../../../common/verval.ts';
import { cliContext } from '../../platform/auth/actor.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Db } from '../../platform/db/database.ts';
import { PersonService } from '../registry/persons.service.ts';
import { PersonListService } from '../verval/person-lists.service.ts';
import { VerificationService } from '../verval/verifications.service.ts';

export const NUNUKAN_LISTED = 51;

const GIVEN = ['Siti', 'Sri', 'Dewi', 'Rina', 'Wati', 'Yuni', 'Lina', 'Ani', 'Nining', 'Eka', 'Dian', 'Ratna', 'Fitri', 'Lestari', 'Mega', 'Indah', 'Ayu'];
const SECOND = ['Aminah', 'Wahyuni', 'Rahayu', 'Marlina', 'Susanti', 'Handayani', 'Puspita', 'Kurniasih', 'Safitri', 'Anggraini', 'Maharani', 'Permata'];
/** Home districts: most from Kalimantan, the rest from Java and Sulawesi, as the reporting describes. */
const HOME = ['65.03.02', '65.03.01', '65.03.02', '65.71.01', '64.72.01', '35.78.01', '35.07.01', '73.71.01', '73.22.01', '32.73.01', '33.74.01'];

/** A small deterministic generator: the demo is the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A NIK as the civil registry writes it for a woman (day + 40) born on `birthDate` in `district`. */
function nikOf(district: string, birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  return `${district.replaceAll('.', '')}${pad(Number(d) + 40)}${m}${y.slice(2)}${pad(serial, 4)}`;
}

export interface DemoPerson {
  fullName: string;
  birthDate: string;
  nik?: string;
  phone?: string;
  address: string;
  alias: string;
}

/** The 51 people, in list order. */
export function nunukanPeople(): DemoPerson[] {
  const next = random(6503);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const people: DemoPerson[] = [];
  for (let i = 1; i <= NUNUKAN_LISTED - 2; i++) {
    const birthDate = i === 7 ? '2001-03-09' : `${1975 + Math.floor(next() * 24)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    const noEktp = i % 9 === 4; // 6 of 49 have no e-KTP yet
    people.push({
      fullName: `${pick(GIVEN)} ${pick(SECOND)} Fiktif`,
      birthDate,
      nik: noEktp ? undefined : nikOf(pick(HOME), birthDate, 9000 + i),
      phone: i % 2 === 0 ? `0800${pad(6503, 4)}${pad(i, 4)}` : undefined,
      address: `Jalan Contoh Nomor ${i}, Nunukan (demo)`,
      alias: `Mawar ${pad(i)}`,
    });
  }
  // The same woman twice: once with her e-KTP, once as the site manager spelled her name from memory.
  people.push(
    { fullName: 'Nurhaliza Fiktif', birthDate: '1990-04-11', nik: nikOf('65.03.02', '1990-04-11', 9050), address: 'Jalan Contoh Nomor 50, Nunukan (demo)', alias: 'Mawar 50' },
    { fullName: 'Hj. Nur Haliza Fiktif', birthDate: '1990-11-04', phone: '080065030051', address: 'Jalan Contoh Nomor 50, Nunukan (demo)', alias: 'Mawar 51' },
  );
  return people;
}

/** Registers the 51 on the Nunukan site (once: a second run adds nothing). */
export async function seedNunukanPeople(db: Db, keys: KeyProvider): Promise<void> {
  const site = await db.selectFrom('site').select(['id', 'regency_code']).where('regency_code', '=', '65.03').where('name', 'like', 'Lokalisasi Nunukan%').executeTakeFirst();
  if (!site) throw new Error('The Nunukan site is missing: run the kaltara-2018 step first.');
  const existing = await db.selectFrom('person').select('id').where('site_id', '=', site.id).limit(1).executeTakeFirst();
  if (existing) return;
  const persons = new PersonService(db, keys, () => new Date('2018-05-14T01:00:00Z'), 0);
  const ctx = cliContext('demo-seed');
  for (const p of nunukanPeople())
    await persons.create(ctx, CreatePersonSchema.parse({ ...p, sex: 'female', regencyCode: site.regency_code, siteId: site.id, lawfulBasis: 'public_task' }));
}

/** Why 14 of the 51 left the list at the joint verification of December 2018 (by list position, 1-based). */
const DROPPED: [number, string][] = [
  [51, 'Tercatat dua kali: orang yang sama dengan nomor 50 (ejaan nama dan tanggal lahir tertukar)'],
  ...[3, 11, 19, 27, 35].map((n): [number, string] => [n, 'Sudah meninggalkan lokasi sebelum verifikasi bersama']),
  ...[8, 16, 24, 32].map((n): [number, string] => [n, 'Pulang ke daerah asal atas biaya sendiri']),
  ...[12, 20, 28, 44].map((n): [number, string] => [n, 'Tidak ditemukan saat verifikasi bersama']),
];

/**
 * The lists and their verification (as of 2019): the site manager's list of May 2018
 * (51), the joint verification of 20 December 2018 (37: fourteen dropped, each with
 * its reason), the provincial programme's rules (a valid NIK or an e-KTP sighted; 18
 * or older at the end of 2018; still on the list), and a reviewer's decision for each
 * of the 37. Once: a second run adds nothing.
 */
export async function seedNunukanVerval(db: Db, keys: KeyProvider, programmeName: string): Promise<void> {
  const site = await db.selectFrom('site').select('id').where('regency_code', '=', '65.03').where('name', 'like', 'Lokalisasi Nunukan%').executeTakeFirstOrThrow();
  if (await db.selectFrom('person_list').select('id').where('site_id', '=', site.id).executeTakeFirst()) return;
  const programme = await db.selectFrom('programme').select('id').where('name', '=', programmeName).executeTakeFirstOrThrow();
  const people = await db.selectFrom('person').select(['id', 'nik_match']).where('site_id', '=', site.id).orderBy('id').execute();
  const ctx = cliContext('demo-seed');
  const clock = () => new Date('2018-12-20T01:00:00Z');
  const persons = new PersonService(db, keys, clock, 0);
  const lists = new PersonListService(db);
  const verifications = new VerificationService(db, persons, clock);

  await lists.create(ctx, site.id, CreatePersonListSchema.parse({ source: 'site_manager', listDate: '2018-05-14', fromPrevious: false, personIds: people.map((p) => p.id), note: 'Daftar pengelola lokasi (data demo).' }));
  const drop = DROPPED.map(([n, reason]) => ({ personId: people[n - 1]!.id, reason }));
  await lists.create(ctx, site.id, CreatePersonListSchema.parse({ source: 'joint_verification', listDate: '2018-12-20', drop, note: 'Verifikasi bersama Dinsos Provinsi, Dinsos Nunukan dan Kemensos (data demo).' }));

  await verifications.setRules(
    ctx,
    programme.id,
    SetRulesSchema.parse({
      rules: [
        { code: 'nik_valid', group: 'identitas' },
        { code: 'ektp_seen', group: 'identitas' },
        { code: 'min_age', params: { years: 18, referenceDate: '2018-12-31' } },
        { code: 'on_current_list' },
      ],
      note: 'Aturan verval penutupan Nunukan (data demo).',
    }),
  );
  const dropped = new Set(drop.map((d) => d.personId));
  for (const p of people.filter((x) => !dropped.has(x.id))) {
    // Those with a NIK showed their e-KTP; those without had none to show.
    const proposed = await verifications.verify(ctx, programme.id, p.id, { ektpSeen: p.nik_match !== null });
    if (proposed.proposed === 'eligible' || proposed.proposed === 'not_eligible') await verifications.decide(ctx, programme.id, p.id, { decision: proposed.proposed, reason: '' });
  }
}
