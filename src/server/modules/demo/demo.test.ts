import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { keyRing } from '../../platform/crypto/key-provider.ts';
import { build, testConfig, TEST_MASTER_KEY } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { seedDemo, SYSTEM_TABLES, tablesWithData } from './demo.seed.ts';
import { NO_CASE } from './nunukan-cases.scenario.ts';
import { HOLDER_MISMATCH, NO_ACCOUNT } from './nunukan-finance.scenario.ts';
import { call, reauthed } from '../payments/payments.test-support.ts';

const keys = keyRing(TEST_MASTER_KEY);

async function seeded(t: Parameters<typeof build>[0], asOf: 2018 | 2019) {
  const { app, database } = await build(t, { regions: true });
  const result = await seedDemo(database.db, testConfig(), async () => {}, { asOf, keys });
  const officer = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: officer.headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res;
  };
  const programme = (await get('/api/programmes?level=province')).json().items.find((p: { name: string }) => p.name === 'Kaltara Bebas Lokalisasi 2018');
  assert.ok(programme, 'the provincial programme is there');
  const statuses = async () =>
    Object.fromEntries((await get(`/api/programmes/${programme.id}/regions`)).json().items.map((r: { regionCode: string; status: string }) => [r.regionCode, r.status]));
  const nunukanCounts = async () => {
    const site = (await get('/api/sites?regency=65.03')).json().items.find((s: { name: string }) => s.name.startsWith('Lokalisasi Nunukan'));
    return (await get(`/api/sites/${site.id}/head-counts`)).json().items.map((c: { workers: number }) => c.workers);
  };
  return { app, database, result, get, programme, statuses, nunukanCounts };
}

// The 2018 and 2019 demos, each seeded once for the tests that only read it
// (the last test of the 2019 one makes payments after the others have read it).
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const fn of cleanups.reverse()) await fn();
});
const demos: Partial<Record<2018 | 2019, ReturnType<typeof seeded>>> = {};
const shared = (asOf: 2018 | 2019) => (demos[asOf] ??= seeded({ after: (fn: () => Promise<void>) => cleanups.push(fn) }, asOf));

test('the demo seed holds the article’s Kaltara of 18 May 2018, made through the services', async () => {
  const { result, programme, statuses, nunukanCounts, get, database } = await shared(2018);
  assert.deepEqual(result.steps, ['kaltara-2018', 'kaltara-2018-events', 'nunukan-people']);
  assert.equal(programme.targetDate, '2018-12-31');
  const national = (await get(`/api/programmes/${programme.parentId}`)).json();
  assert.equal(national.name, 'Indonesia Bebas Lokalisasi 2019');
  assert.deepEqual(await statuses(), { '65.01': 'closed', '65.02': 'closed', '65.03': 'scheduled', '65.04': 'not_started', '65.71': 'awaiting_readiness' });
  assert.deepEqual(await nunukanCounts(), [48, 51]);

  const letters = (await get('/api/letters?type=instruksi_gubernur')).json().items;
  assert.equal(letters.length, 1);
  assert.equal(letters[0].status, 'issued');
  assert.match(letters[0].number, /^1\//, 'the first number of the year');
  assert.equal(letters[0].recipientCount, 5);
  const pdf = await get(`/api/letters/${letters[0].id}/pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');

  const meetings = (await get('/api/meetings?type=rakor')).json().items;
  assert.equal(meetings.length, 1);
  assert.equal(meetings[0].startsAt, '2018-05-18T01:00:00.000Z', 'Friday 18 May 2018, 09:00 WITA');
  const rakor = (await get(`/api/meetings/${meetings[0].id}`)).json();
  assert.match(rakor.decisions[0].text, /rapat teknis/i);
  assert.equal(rakor.actionItems.length, 1);

  const history = await database.db.selectFrom('programme_region_status_change').select('changed_at').orderBy('changed_at', 'desc').executeTakeFirstOrThrow();
  assert.equal(new Date(history.changed_at).toISOString().slice(0, 10), '2018-05-18', 'events carry their own dates');
  const events = await database.db.selectFrom('audit_event').select('action').execute();
  assert.ok(events.some((e) => e.action === 'letter.issue'), 'the seed is audited like real work');
});

test('the demo registry: 51 fictional women on the Nunukan site, encrypted and case-coded, none of them real-looking', async () => {
  const { app, database, get } = await shared(2018);
  const site = (await get('/api/sites?regency=65.03')).json().items[0];
  const listed = (await get(`/api/persons?siteId=${site.id}&limit=200`)).json();
  assert.equal(listed.total, 51);
  assert.deepEqual([listed.items[0].caseCode, listed.items[50].caseCode], ['TNT-6503-000001', 'TNT-6503-000051']);
  assert.ok(listed.items.every((p: { sex: string }) => p.sex === 'female'));
  const rows = await database.db.selectFrom('person').select(['nik_bidx', 'nik_match']).execute();
  assert.equal(rows.filter((r) => r.nik_match === null).length, 7, 'six without an e-KTP, and the second listing of Nurhaliza');
  // Revealed, a name says what it is.
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: officer.headers, payload: { password: officer.password } });
  const revealed = await app.inject({
    method: 'POST',
    url: `/api/persons/${listed.items[50].id}/reveal`,
    headers: officer.headers,
    payload: { fields: ['fullName'], reason: 'Pelatihan dengan data demo' },
  });
  assert.equal(revealed.json().fields.fullName, 'Hj. Nur Haliza Fiktif');
});

test('seeding again adds nothing; as of 2019, Tarakan and Nunukan are closed and Nunukan’s count reads 48 → 51 → 37 → 27', async (t) => {
  const { database, statuses, nunukanCounts } = await seeded(t, 2018);
  const again = await seedDemo(database.db, testConfig(), async () => {}, { asOf: 2019, keys, withoutSchemes: true });
  assert.deepEqual(again.steps, ['kaltara-2018', 'kaltara-2018-events', 'nunukan-people', 'nunukan-verval', 'kaltara-2019', 'nunukan-cases', 'nunukan-bank-accounts']);
  assert.equal((await database.db.selectFrom('aid_scheme').select('id').execute()).length, 0, 'without schemes: left to configure');
  assert.equal((await database.db.selectFrom('budget_allocation').select('id').execute()).length, 0, 'and so no budget allocations');
  assert.equal((await database.db.selectFrom('person_bank_account').select('id').execute()).length, 26, 'bank accounts all the same');
  assert.equal((await database.db.selectFrom('person').select('id').execute()).length, 51, 'no person twice');
  assert.equal((await database.db.selectFrom('person_list').select('id').execute()).length, 2, 'no list twice');
  await seedDemo(database.db, testConfig(), async () => {}, { asOf: 2019, keys });
  assert.equal((await database.db.selectFrom('aid_scheme').select('id').execute()).length, 2, 'the schemes come with a later run without the flag');
  assert.equal((await database.db.selectFrom('person_bank_account').select('id').execute()).length, 26, 'no account twice');
  assert.deepEqual(await statuses(), { '65.01': 'closed', '65.02': 'closed', '65.03': 'closed', '65.04': 'not_started', '65.71': 'closed' });
  assert.deepEqual(await nunukanCounts(), [48, 51, 37, 27]);
  const programmes = await database.db.selectFrom('programme').select('id').execute();
  assert.equal(programmes.length, 2, 'no duplicate programmes');
  const letters = await database.db.selectFrom('letter').select('type').orderBy('id').execute();
  assert.deepEqual(
    letters.map((l) => l.type),
    ['instruksi_gubernur', 'lainnya'],
    'no duplicate letters: the instruction and the return-home notice to Surabaya',
  );
  assert.equal((await database.db.selectFrom('rehab_case').select('id').execute()).length, 20, 'no case twice');
});

test('as of 2019, the Nunukan lists: 51 on the site manager’s list, 37 after the joint verification, fewer still eligible', async () => {
  const { get, programme } = await shared(2019);
  const site = (await get('/api/sites?regency=65.03')).json().items[0];
  const lists = (await get(`/api/sites/${site.id}/person-lists`)).json().items;
  assert.deepEqual(
    lists.map((l: { version: number; entryCount: number }) => [l.version, l.entryCount]).sort(),
    [
      [1, 51],
      [2, 37],
    ],
  );
  const latest = lists.find((l: { version: number }) => l.version === 2);
  const diff = (await get(`/api/person-lists/${latest.id}/diff`)).json();
  assert.equal(diff.dropped.length, 14);
  assert.ok(diff.dropped.every((d: { reason: string }) => d.reason.length > 10), 'every drop has its reason');
  const funnel = (await get(`/api/programmes/${programme.id}/verval-funnel`)).json().total;
  assert.equal(funnel.listed, 51);
  assert.equal(funnel.onLatestList, 37);
  assert.equal(funnel.verified, 37);
  assert.ok(funnel.eligible < 37 && funnel.eligible > 25, `eligible: ${funnel.eligible}`);
  assert.equal(funnel.eligible + funnel.notEligible, 37);
});

test('without events, the rakor and the instruction letter are left to record', async (t) => {
  const { database } = await build(t, { regions: true });
  const result = await seedDemo(database.db, testConfig(), async () => {}, { withoutEvents: true, keys });
  assert.deepEqual(result.steps, ['kaltara-2018', 'nunukan-people']);
  assert.equal((await database.db.selectFrom('letter').select('id').execute()).length, 0);
  assert.equal((await database.db.selectFrom('meeting').select('id').execute()).length, 0);
  assert.equal((await database.db.selectFrom('programme').select('id').execute()).length, 2);
});

test('as of 2019, twenty of the eligible Nunukan cohort have cases in every state, worked on their own dates; ten eligible have none', async () => {
  const { get, programme } = await shared(2019);
  const code = (n: number) => `TNT-6503-${String(n).padStart(6, '0')}`;
  const list = (await get(`/api/cases?programmeId=${programme.id}&limit=200`)).json();
  assert.equal(list.total, 20);
  type Summary = { id: number; caseCode: string; status: string; caseWorker: unknown; openedAt: string; closedAt: string | null };
  const byCode = new Map<string, Summary>(list.items.map((c: Summary) => [c.caseCode, c]));
  const statusOf = (n: number) => byCode.get(code(n))?.status;
  const counts: Record<string, number> = {};
  for (const c of list.items as Summary[]) counts[c.status] = (counts[c.status] ?? 0) + 1;
  assert.deepEqual(counts, { intake: 4, assessment: 4, plan: 2, services: 4, follow_up: 4, closed: 2 });
  assert.ok((list.items as Summary[]).every((c) => c.caseWorker === null), 'no demo accounts: cases wait for a worker');
  const id = (n: number) => byCode.get(code(n))!.id;
  const json = async (url: string) => (await get(url)).json();

  // Every case is of an eligible woman; ten eligible have none (for a trainee to open).
  const eligible = (await json(`/api/programmes/${programme.id}/verifications?state=eligible&limit=200`)).items.map((v: { caseCode: string }) => v.caseCode);
  assert.equal(eligible.length, 30);
  assert.deepEqual(
    eligible.filter((c: string) => !byCode.has(c)).sort(),
    NO_CASE.map(code),
  );
  assert.deepEqual(NO_CASE, [38, 39, 41, 42, 43, 45, 46, 47, 48, 50], 'the list the docs name');

  // Assessment: submitted (scored, locked) or a draft.
  const submitted = (await json(`/api/cases/${id(1)}/assessments`)).items[0];
  assert.equal(submitted.status, 'submitted');
  assert.equal(typeof submitted.score, 'number');
  assert.equal((await json(`/api/cases/${id(2)}/assessments`)).items[0].status, 'draft');
  // Plans: approved (the case at plan) or waiting for the supervisor.
  assert.equal(statusOf(25), 'plan');
  assert.equal((await json(`/api/cases/${id(25)}/plans`)).items[0].status, 'approved');
  assert.equal((await json(`/api/cases/${id(26)}/plans`)).items[0].status, 'submitted');
  // Training with attendance: eight days; one did not reach 80 %.
  const training = async (n: number) => (await json(`/api/cases/${id(n)}/training`)).items[0];
  assert.equal(statusOf(17), 'services');
  assert.deepEqual([(await training(17)).present, (await training(17)).meetings, (await training(17)).completion], [8, 8, 'completed']);
  assert.deepEqual([(await training(21)).present, (await training(21)).completion], [4, 'not_completed']);
  assert.deepEqual([(await training(23)).excused, (await training(23)).completion], [1, 'completed']);
  // Returned home: arrived, four visits scheduled from the arrival, the first recorded.
  assert.equal(statusOf(14), 'follow_up');
  const journey = (await json(`/api/cases/${id(14)}/return-home`)).items[0];
  assert.deepEqual([journey.status, journey.payer, journey.arrivedOn, journey.letterId !== null], ['arrived', 'regional_budget', '2019-02-22', true]);
  assert.equal((await json(`/api/cases/${id(10)}/return-home`)).items[0].payer, 'kemensos_local', 'Tarakan is in the province');
  const visits14 = (await json(`/api/cases/${id(14)}/follow-ups`)).items as { offsetMonths: number; status: string; outcome: string | null; dueDate: string; source: string }[];
  assert.deepEqual(
    visits14.map((v) => [v.offsetMonths, v.status, v.dueDate]).sort((a, b) => Number(a[0]) - Number(b[0])),
    [
      [1, 'done', '2019-03-22'],
      [3, 'scheduled', '2019-05-22'],
      [6, 'scheduled', '2019-08-22'],
      [12, 'scheduled', '2020-02-22'],
    ],
  );
  // Closed by a supervisor's approval, with an outcome at the first visit.
  const closed = await json(`/api/cases/${id(6)}`);
  assert.equal(closed.status, 'closed');
  assert.equal(closed.closedAt.slice(0, 10), '2019-04-01');
  assert.match(closed.closureReason, /pelatihan menjahit/);
  assert.ok(closed.events.some((e: { kind: string }) => e.kind === 'closure_requested'));
  assert.equal((await json(`/api/cases/${id(6)}/follow-ups`)).items.find((v: { offsetMonths: number }) => v.offsetMonths === 1).outcome, 'business_running');
  // Reopened: found back in the old trade; the later visits cancelled.
  const reopened = await json(`/api/cases/${id(9)}`);
  assert.deepEqual([reopened.status, reopened.events[0].kind], ['follow_up', 'reopened']);
  const visits9 = (await json(`/api/cases/${id(9)}/follow-ups`)).items as { offsetMonths: number; status: string; outcome: string | null }[];
  assert.deepEqual(visits9.map((v) => v.status).sort(), ['cancelled', 'cancelled', 'cancelled', 'done']);
  assert.equal(visits9.find((v) => v.status === 'done')!.outcome, 'returned_to_sex_work');

  // Every step on the scenario's dates: January to May 2019.
  for (const c of list.items as Summary[]) {
    const detail = await json(`/api/cases/${c.id}`);
    for (const e of detail.events as { at: string }[]) assert.ok(e.at >= '2019-01-14' && e.at < '2019-06-01', `${c.caseCode}: ${e.at}`);
  }
});

test('the system tables are exactly those the migrations (and the region import) fill: the seed refuses any other filled table', async (t) => {
  const { database } = await build(t, { regions: true });
  assert.deepEqual((await tablesWithData(database.db, new Set())).sort(), [...SYSTEM_TABLES].sort());
});

test('as of 2019, a finance office can try payments: accounts for most eligible (four without, one in another name), the 2018 schemes and their budgets', async () => {
  const { app, get, programme } = await shared(2019);
  const code = (n: number) => `TNT-6503-${String(n).padStart(6, '0')}`;
  const finance = await reauthed(app, ['finance_officer'], '65');
  const head = await reauthed(app, ['head_of_office'], '65');
  const as = async (who: typeof finance, url: string) => {
    const res = await call(app, who, 'GET', url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const missing = await as(finance, `/api/bank-accounts/missing?programmeId=${programme.id}&limit=200`);
  assert.deepEqual(missing.items.map((m: { caseCode: string }) => m.caseCode).sort(), NO_ACCOUNT.map(code));
  const mismatch = (await get(`/api/persons?q=${code(HOLDER_MISMATCH)}`)).json().items[0];
  const accounts = await as(finance, `/api/persons/${mismatch.id}/bank-accounts`);
  assert.deepEqual([accounts.items[0].nameCheck, accounts.items[0].reviewStatus], ['mismatch', 'pending']);
  assert.match(accounts.items[0].accountMasked, /^••••\d{4}$/);

  const schemes = (await as(finance, '/api/aid/schemes?year=2018')).items;
  const kemensos = schemes.find((s: { name: string }) => s.name === 'Paket bantuan Kemensos 2018');
  assert.equal(kemensos.totalPerPerson, 5_500_000, 'UEP 3.000.000 + jaminan hidup 2.250.000 + transport lokal 250.000');
  assert.deepEqual(
    schemes.find((s: { name: string }) => s.name === 'Pemulangan jarak jauh 2018').components.map((c: { code: string; fundingSource: string }) => [c.code, c.fundingSource]),
    [['PEMULANGAN_JAUH', 'apbd_province']],
  );
  const budgets = (await as(finance, '/api/budgets/allocations?year=2018')).items.map((a: { componentCode: string; fundingSource: string; regionCode: string | null; amount: number }) => [
    a.componentCode,
    a.fundingSource,
    a.regionCode,
    a.amount,
  ]);
  assert.deepEqual(budgets.sort(), [
    ['JADUP', 'apbn_kemensos', null, 83_250_000],
    ['PEMULANGAN_JAUH', 'apbd_province', '65', 25_000_000],
    ['TRANSPORT_LOKAL', 'apbn_kemensos', null, 9_250_000],
    ['UEP', 'apbn_kemensos', null, 111_000_000],
  ]);
  assert.equal((await as(finance, `/api/aid/entitlements?schemeId=${kemensos.id}`)).total, 0, 'entitlements are left to generate');

  // Trying it: generate, prepare (those with an account whose name matches), approve within the budget.
  const generated = await call(app, finance, 'POST', `/api/aid/schemes/${kemensos.id}/entitlements/generate`);
  assert.deepEqual([generated.statusCode, generated.json().created], [200, 90], generated.body);
  const candidates = await as(finance, `/api/payment-batches/candidates?programmeId=${programme.id}&schemeId=${kemensos.id}`);
  assert.deepEqual([candidates.count, candidates.totalAmount, candidates.withoutAccount.length, candidates.heldForReview], [75, 137_500_000, 12, 3]);
  const prepared = await call(app, finance, 'POST', '/api/payment-batches', { programmeId: programme.id, schemeId: kemensos.id });
  assert.equal(prepared.statusCode, 200, prepared.body);
  const batch = prepared.json().batch;
  assert.deepEqual([...new Set(batch.payments.map((p: { bankCode: string }) => p.bankCode))].sort(), ['BPD_KALTARA', 'BRI']);
  const approved = await call(app, head, 'POST', `/api/payment-batches/${batch.id}/approve`, { version: batch.version });
  assert.equal(approved.statusCode, 200, approved.body);
});
