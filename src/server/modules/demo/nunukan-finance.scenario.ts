// What a finance office needs to try payments with the Nunukan cohort (as of 2019):
// the eligible women's bank accounts (savings accounts opened for the closure of
// 10 January 2019; a few still without one, one in another person's name), and,
// unless the demo is seeded --without-schemes, the 2018 aid schemes with their budget
// allocations: the Kemensos package from the national budget (APBN) and the
// province's long-distance return home (APBD). Entitlements are left to generate.
// Account numbers are obviously fictional (they start 9999) and sealed like real ones.
import { CreateBankAccountSchema, CreateAllocationSchema, CreateSchemeSchema } from '../../../common/aid.ts';
import { cliContext } from '../../platform/auth/actor.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Db } from '../../platform/db/database.ts';
import { SchemeService } from '../aid/schemes.service.ts';
import { BankAccountService } from '../bank-accounts/bank-accounts.service.ts';
import { BudgetService } from '../budgets/budgets.service.ts';
import { PersonService } from '../registry/persons.service.ts';
import { nunukanPeople } from './nunukan-people.scenario.ts';

/** Eligible women without a bank account yet (list positions): the office helps them open one. */
export const NO_ACCOUNT = [23, 39, 43, 47];
/** The account given for her is in another name (a relative's): held for review, not paid. */
export const HOLDER_MISMATCH = 45;
/** Accounts at Bank Kaltimtara; the others at BRI. */
const AT_BPD = new Set([2, 6, 9, 26, 36]);

/** The number a bank would print, obviously fictional: 9999 + the list position + a fixed tail. */
export const demoAccountNumber = (n: number) => `9999${String(n).padStart(4, '0')}0000${n % 10}`;

export const KEMENSOS_SCHEME = 'Paket bantuan Kemensos 2018';
export const LONG_DISTANCE_SCHEME = 'Pemulangan jarak jauh 2018';
/** The package as reported for 2017–2019 (docs: domain), and the province's flat rate for a journey home outside Kaltara (demo). */
const KEMENSOS_COMPONENTS = [
  { code: 'UEP', name: 'Bantuan usaha ekonomi produktif (UEP)', amount: 3_000_000 },
  { code: 'JADUP', name: 'Jaminan hidup', amount: 2_250_000 },
  { code: 'TRANSPORT_LOKAL', name: 'Transport lokal', amount: 250_000 },
];
const LONG_DISTANCE = { code: 'PEMULANGAN_JAUH', name: 'Biaya pemulangan ke luar Kalimantan Utara', amount: 1_000_000 };
/** The APBN allocation covers the 37 on the joint verification list; the APBD one the journeys home outside the province. */
const KEMENSOS_PERSONS = 37;
const LONG_DISTANCE_BUDGET = 25_000_000;

/** Accounts for the eligible women but NO_ACCOUNT (recorded on 10 January 2019). Once: a second run adds nothing. */
export async function seedNunukanBankAccounts(db: Db, keys: KeyProvider, programmeName: string): Promise<void> {
  const site = await db.selectFrom('site').select('id').where('regency_code', '=', '65.03').where('name', 'like', 'Lokalisasi Nunukan%').executeTakeFirstOrThrow();
  const people = await db.selectFrom('person').select('id').where('site_id', '=', site.id).orderBy('id').execute();
  if (await db.selectFrom('person_bank_account').select('id').where('person_id', 'in', people.length ? people.map((p) => p.id) : [0]).executeTakeFirst()) return;
  const eligible = await db
    .selectFrom('person_verification as v')
    .innerJoin('programme as g', 'g.id', 'v.programme_id')
    .select('v.person_id')
    .where('g.name', '=', programmeName)
    .where('v.decision', '=', 'eligible')
    .execute();
  const isEligible = new Set(eligible.map((e) => e.person_id));
  const clock = () => new Date('2019-01-10T01:00:00Z');
  const accounts = new BankAccountService(db, new PersonService(db, keys, clock, 0), clock, 0);
  const names = nunukanPeople();
  const ctx = cliContext('demo-seed');
  for (const [i, p] of people.entries()) {
    const n = i + 1;
    if (!isEligible.has(p.id) || NO_ACCOUNT.includes(n)) continue;
    const holderName = n === HOLDER_MISMATCH ? 'Rudi Hartono Fiktif' : names[i]!.fullName;
    await accounts.create(ctx, p.id, CreateBankAccountSchema.parse({ bankCode: AT_BPD.has(n) ? 'BPD_KALTARA' : 'BRI', accountNumber: demoAccountNumber(n), holderName }));
  }
}

/** The 2018 schemes and their allocations (the finance screens, the budget check). Once. */
export async function seedAidSchemes(db: Db, programmeName: string): Promise<void> {
  const programme = await db.selectFrom('programme').select('id').where('name', '=', programmeName).executeTakeFirstOrThrow();
  if (await db.selectFrom('aid_scheme').select('id').where('programme_id', '=', programme.id).executeTakeFirst()) return;
  const ctx = cliContext('demo-seed');
  const schemes = new SchemeService(db);
  const budgets = new BudgetService(db);
  const kemensos = await schemes.create(
    ctx,
    CreateSchemeSchema.parse({
      programmeId: programme.id,
      year: 2018,
      name: KEMENSOS_SCHEME,
      note: 'Bantuan Kementerian Sosial (APBN) per orang yang layak: UEP, jaminan hidup dan transport lokal (data demo).',
      components: KEMENSOS_COMPONENTS.map((c, i) => ({ ...c, fundingSource: 'apbn_kemensos', sortOrder: i })),
    }),
  );
  const longDistance = await schemes.create(
    ctx,
    CreateSchemeSchema.parse({
      programmeId: programme.id,
      year: 2018,
      name: LONG_DISTANCE_SCHEME,
      note: 'APBD Provinsi Kalimantan Utara, tarif rata-rata per perjalanan ke luar provinsi. Membuat hak memberi setiap orang yang layak: untuk yang pulang ke luar provinsi saja (data demo).',
      components: [{ ...LONG_DISTANCE, fundingSource: 'apbd_province' }],
    }),
  );
  for (const c of kemensos.components)
    await budgets.create(
      ctx,
      CreateAllocationSchema.parse({ componentId: c.id, fundingSource: 'apbn_kemensos', amount: c.amount * KEMENSOS_PERSONS, note: `APBN Kemensos 2018 untuk ${KEMENSOS_PERSONS} orang hasil verifikasi bersama (data demo).` }),
    );
  await budgets.create(
    ctx,
    CreateAllocationSchema.parse({ componentId: longDistance.components[0]!.id, fundingSource: 'apbd_province', regionCode: '65', amount: LONG_DISTANCE_BUDGET, note: 'APBD Provinsi Kalimantan Utara 2018 (data demo).' }),
  );
}
