// Test fixtures of payments: a programme with the 2018 package as a scheme, persons with
// due entitlements and bank accounts (sealed as the bank-accounts module seals them),
// budget allocations. Rows of the aid tables are written directly: generating
// entitlements is the aid module's to test.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { RoleKey } from '../../../common/permissions.ts';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import type { FundingSource } from '../../../common/aid.ts';
import type { Db } from '../../platform/db/database.ts';
import { makePerson, makeProgramme, nikOf } from '../verval/verval.test-support.ts';

export const COMPONENTS = [
  { code: 'UEP', amount: 3_000_000 },
  { code: 'JADUP', amount: 2_250_000 },
  { code: 'TRANSPORT_LOCAL', amount: 250_000 },
] as const;

export interface Programme {
  programmeId: number;
  schemeId: number;
  components: Record<string, number>;
}

export async function makeAidProgramme(app: FastifyInstance, db: Db, opts: { province?: string; year?: number; source?: FundingSource } = {}): Promise<Programme> {
  const programmeId = await makeProgramme(app, opts.province ?? '65');
  const scheme = await db
    .insertInto('aid_scheme')
    .values({ programme_id: programmeId, year: opts.year ?? 2018, name: `Paket ${opts.year ?? 2018} ${programmeId}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const components: Record<string, number> = {};
  for (const c of COMPONENTS) {
    const row = await db
      .insertInto('aid_component')
      .values({ scheme_id: scheme.id, code: c.code, name: c.code, amount: c.amount, funding_source: opts.source ?? 'apbn_kemensos' })
      .returning('id')
      .executeTakeFirstOrThrow();
    components[c.code] = row.id;
  }
  return { programmeId, schemeId: scheme.id, components };
}

let serial = 1;

/** A person in the regency with due entitlements to the components (all by default) and, unless told otherwise, a bank account. */
export async function makeBeneficiary(
  app: FastifyInstance,
  db: Db,
  p: Programme,
  opts: { regency?: string; codes?: string[]; account?: boolean; bank?: string; holderName?: string } = {},
): Promise<{ personId: number; caseCode: string; entitlementIds: number[] }> {
  const regency = opts.regency ?? '65.03';
  const personId = await makePerson(app, { regencyCode: regency, nik: nikOf('1985-07-05', serial++, `${regency.replace('.', '')}02`), birthDate: '1985-07-05' });
  const person = await db.selectFrom('person').select(['case_code', 'nik_match']).where('id', '=', personId).executeTakeFirstOrThrow();
  const entitlementIds: number[] = [];
  for (const code of opts.codes ?? COMPONENTS.map((c) => c.code)) {
    const amount = COMPONENTS.find((c) => c.code === code)!.amount;
    const row = await db
      .insertInto('aid_entitlement')
      .values({
        person_id: personId,
        programme_id: p.programmeId,
        scheme_id: p.schemeId,
        component_id: p.components[code]!,
        component_code: code,
        amount,
        funding_source: 'apbn_kemensos',
        regency_code: regency,
        nik_match: person.nik_match,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    entitlementIds.push(row.id);
  }
  if (opts.account !== false) {
    const sealed = app.services.persons.sealer.seal(`bank-account/${person.case_code}`, { accountNumber: `0123${String(personId).padStart(11, '0')}`, holderName: opts.holderName ?? 'Orang Uji Verval' });
    await db
      .insertInto('person_bank_account')
      .values({
        person_id: personId,
        bank_code: opts.bank ?? 'BRI',
        account_ct: sealed.ciphertext,
        dek_wrapped: sealed.wrappedKey,
        key_id: sealed.keyId,
        account_match: Buffer.from(`match-${personId}`),
        name_check: 'match',
      })
      .execute();
  }
  return { personId, caseCode: person.case_code, entitlementIds };
}

/** An APBN allocation for each component (rupiah each). */
export async function fund(db: Db, p: Programme, amountEach: number, year = 2018): Promise<void> {
  for (const componentId of Object.values(p.components))
    await db.insertInto('budget_allocation').values({ funding_source: 'apbn_kemensos', year, programme_id: p.programmeId, component_id: componentId, amount: amountEach }).execute();
}

let keys = 0;
export const key = () => `test-key-${Date.now()}-${++keys}`;

export async function reauthed(app: FastifyInstance, roles: RoleKey[], scope = '65.03'): Promise<SignedIn> {
  const s = await asUser(app, { roles, scope });
  const res = await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: s.headers, payload: { password: s.password } });
  assert.equal(res.statusCode, 200, res.body);
  return s;
}

export const call = (app: FastifyInstance, s: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, idem: string | null = key()) =>
  app.inject({ method, url, headers: { ...s.headers, ...(idem && method !== 'GET' ? { 'idempotency-key': idem } : {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });

export async function scenario(t: Parameters<typeof build>[0], budget = 100_000_000, clock?: () => Date) {
  const { app, database } = await build(t, { regions: true, clock });
  const db = database.db;
  const p = await makeAidProgramme(app, db);
  const people = [await makeBeneficiary(app, db, p), await makeBeneficiary(app, db, p)];
  const noAccount = await makeBeneficiary(app, db, p, { account: false, codes: ['UEP'] });
  await fund(db, p, budget);
  const finance = await reauthed(app, ['finance_officer']);
  const head = await reauthed(app, ['head_of_office']);
  return { app, db, p, people, noAccount, finance, head };
}

/** A scenario with its batch prepared, approved and sent. */
export async function sentBatch(t: Parameters<typeof build>[0], clock?: () => Date) {
  const s = await scenario(t, 100_000_000, clock);
  const batch = (await call(s.app, s.finance, 'POST', '/api/payment-batches', { programmeId: s.p.programmeId })).json().batch;
  assert.equal((await call(s.app, s.head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: 1 })).statusCode, 200);
  const sent = await call(s.app, s.finance, 'POST', `/api/payment-batches/${batch.id}/send`, { version: 2 });
  assert.equal(sent.statusCode, 200, sent.body);
  return { ...s, batch: sent.json() as { id: number; reference: string; payments: { id: number; reference: string; amount: number; caseCode: string }[] } };
}
