import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../platform/db/database.ts';
import { TEST_DATABASE_URL, build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { decide, makeScheme } from '../aid/aid.test-support.ts';
import { SYSTEM, makePerson, makeProgramme, nikOf } from '../verval/verval.test-support.ts';
import { budgetHeadroom } from './budgets.repository.ts';

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    send: (method: 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) }),
  };
}

test('budgets: allocations, headroom, realisation per region and component, monthly spending', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const db = database.db;
  const national = client(app, await asUser(app, { roles: ['finance_officer'], scope: 'national' }));
  const nunukan = client(app, await asUser(app, { roles: ['finance_officer'], scope: '65.03' }));
  const head = client(app, await asUser(app, { roles: ['head_of_office'], scope: '65' }));
  const programme = await makeProgramme(app, '65');
  const scheme = await makeScheme(app, programme);
  const people: number[] = [];
  for (let i = 1; i <= 2; i++) people.push(await makePerson(app, { regencyCode: '65.03', nik: nikOf('1985-07-05', i) }));
  people.push(await makePerson(app, { regencyCode: '65.01', nik: nikOf('1985-07-05', 3) }));
  for (const p of people) await decide(db, programme, p);
  await app.services.aidEntitlements.generate(SYSTEM, scheme.id);

  let uep = 0;
  await t.test('the national budget by national finance; regional ones by their holders', async () => {
    const res = await national.send('POST', '/api/budgets/allocations', { componentId: scheme.componentIds.UEP, fundingSource: 'apbn_kemensos', amount: 150_000_000 });
    assert.equal(res.statusCode, 200, res.body);
    uep = res.json().id;
    assert.deepEqual([res.json().year, res.json().remaining, res.json().actions], [2018, 150_000_000, ['update']]);
    const regional = await nunukan.send('POST', '/api/budgets/allocations', { componentId: scheme.componentIds.JADUP, fundingSource: 'apbn_kemensos', amount: 1 });
    assert.equal(regional.json().error.code, 'budget.out_of_scope');
    const mismatch = await nunukan.send('POST', '/api/budgets/allocations', { componentId: scheme.componentIds.JADUP, fundingSource: 'apbd_regency', regionCode: '65.03', amount: 1 });
    assert.equal(mismatch.json().error.code, 'budget.source_mismatch');
    assert.equal(mismatch.json().error.fields[0].field, 'fundingSource');
    const badRegion = await national.send('POST', '/api/budgets/allocations', { componentId: scheme.componentIds.JADUP, fundingSource: 'apbn_kemensos', regionCode: '65', amount: 1 });
    assert.equal(badRegion.json().error.fields[0].field, 'regionCode');
    const twice = await national.send('POST', '/api/budgets/allocations', { componentId: scheme.componentIds.UEP, fundingSource: 'apbn_kemensos', amount: 1 });
    assert.equal(twice.json().error.code, 'budget.exists');
  });

  await t.test('the head of office sees the national allocation but may not change it', async () => {
    const list = (await head.get('/api/budgets/allocations?year=2018')).json();
    assert.equal(list.items.length, 1);
    assert.deepEqual(list.items[0].actions, []);
    const res = await head.send('PUT', `/api/budgets/allocations/${uep}`, { amount: 1, version: 1 });
    assert.equal(res.json().error.code, 'budget.out_of_scope');
    const changed = await national.send('PUT', `/api/budgets/allocations/${uep}`, { amount: 160_000_000, version: 1 });
    assert.equal(changed.json().amount, 160_000_000);
    const stale = await national.send('PUT', `/api/budgets/allocations/${uep}`, { amount: 1, version: 1 });
    assert.equal(stale.json().error.code, 'budget.stale');
  });

  await t.test('budgetHeadroom locks the allocation and reports what remains', async () => {
    const h = await inTransaction(db, (tx) => budgetHeadroom(tx, { componentId: scheme.componentIds.UEP!, fundingSource: 'apbn_kemensos', regionCode: null }));
    assert.deepEqual(h, { allocationId: uep, amount: 160_000_000, committed: 0, paid: 0, remaining: 160_000_000 });
    const none = await inTransaction(db, (tx) => budgetHeadroom(tx, { componentId: scheme.componentIds.JADUP!, fundingSource: 'apbn_kemensos', regionCode: null }));
    assert.equal(none, null);
  });

  await t.test('two approvals on one allocation take turns (the row lock)', { skip: TEST_DATABASE_URL ? false : 'PostgreSQL only: PGlite has one connection' }, async () => {
    const key = { componentId: scheme.componentIds.UEP!, fundingSource: 'apbn_kemensos' as const, regionCode: null };
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const firstLocked = new Promise<void>((r) => (locked = r));
    const first = inTransaction(db, async (tx) => {
      await budgetHeadroom(tx, key);
      order.push('first locked');
      locked();
      await held;
      order.push('first done');
    });
    await firstLocked;
    const second = inTransaction(db, async (tx) => {
      await budgetHeadroom(tx, key);
      order.push('second locked');
    });
    await new Promise((r) => setTimeout(r, 200));
    release();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first locked', 'first done', 'second locked']);
  });

  await t.test('realisation per region and component, scoped; monthly series; workbook', async () => {
    await db.updateTable('aid_entitlement').set({ status: 'paid', paid_at: new Date('2018-11-20T03:00:00Z') }).where('person_id', '=', people[0]!).execute();
    const all = (await national.get('/api/budgets/realisation?year=2018')).json();
    assert.equal(all.rows.length, 6);
    assert.deepEqual(all.totals, { allocated: 160_000_000, entitled: 16_500_000, committed: 0, paid: 5_500_000 });
    assert.deepEqual(all.monthly, [{ month: '2018-11', paid: 5_500_000, cumulative: 5_500_000 }]);
    const uepNunukan = all.rows.find((r: { regencyCode: string; componentCode: string }) => r.regencyCode === '65.03' && r.componentCode === 'UEP');
    assert.deepEqual([uepNunukan.persons, uepNunukan.entitled, uepNunukan.paid], [2, 6_000_000, 3_000_000]);
    const mine = (await nunukan.get('/api/budgets/realisation?year=2018')).json();
    assert.ok(mine.rows.every((r: { regencyCode: string }) => r.regencyCode === '65.03'));
    assert.equal(mine.totals.entitled, 11_000_000);
    const xlsx = await nunukan.get('/api/budgets/realisation.xlsx?year=2018');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  });

  await t.test('changes are audited', async () => {
    const actions = (await db.selectFrom('audit_event').select('action').where('entity_type', '=', 'budget_allocation').execute()).map((e) => e.action);
    assert.deepEqual(actions.sort(), ['budget_allocation.created', 'budget_allocation.updated']);
  });
});
