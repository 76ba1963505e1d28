import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, signIn, type SignedIn } from '../../test/users.ts';
import { clientOf, kaltaraProgramme, makeCase, SYSTEM } from '../cases/cases.test-support.ts';
import { sendFollowUpDigests } from './follow-ups-digest.job.ts';

let now = new Date('2019-01-15T03:00:00Z');
const at = (iso: string) => (now = new Date(iso));

/** A client that signs in again (sessions expire when the test moves the clock). */
function user(app: FastifyInstance, s: SignedIn) {
  let headers = s.headers;
  const c = () => clientOf(app, { ...headers, 'accept-language': 'en' });
  return {
    id: s.user.id,
    relog: async () => void (headers = (await signIn(app, s.user.username, s.password)).headers),
    get: (url: string) => c().get(url),
    post: (url: string, body?: object) => c().post(url, body),
    put: (url: string, body?: object) => c().put(url, body),
  };
}

async function close(app: FastifyInstance, caseId: number) {
  await app.services.cases.requestClosure(SYSTEM, caseId, 'Sudah mandiri dan bekerja');
  await app.services.cases.approveClosure(SYSTEM, caseId);
}

test('follow-ups: scheduling on closure and arrival, reopening, visits, my follow-ups, digest, outcome report', async (t) => {
  const { app, database } = await build(t, { regions: true, clock: () => now });
  const db = database.db;
  const worker = user(app, await asUser(app, { roles: ['case_worker'], scope: '65.03' }));
  const other = user(app, await asUser(app, { roles: ['case_worker'], scope: '65.03' }));
  const head = user(app, await asUser(app, { roles: ['head_of_office'], scope: '65.03' }));
  const bulungan = user(app, await asUser(app, { roles: ['regency_officer'], scope: '65.01' }));
  const province = user(app, await asUser(app, { roles: ['province_officer'], scope: '65' }));
  const ministry = user(app, await asUser(app, { roles: ['ministry_officer'] }));
  const all = [worker, other, head, bulungan, province, ministry];
  const relogAll = () => Promise.all(all.map((u) => u.relog()));
  const caseId = await makeCase(app, { caseWorkerId: worker.id, supervisorId: head.id });

  await t.test('an approved closure schedules 1, 3, 6 and 12 months; visible to the case’s worker only', async () => {
    assert.equal((await worker.post(`/api/cases/${caseId}/closure-request`, { reason: 'Sudah bekerja di toko' })).statusCode, 200);
    const approved = await head.post(`/api/cases/${caseId}/closure-approval`);
    assert.equal(approved.statusCode, 200, approved.body);
    const res = await worker.get(`/api/cases/${caseId}/follow-ups`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items;
    assert.deepEqual(
      items.map((v: { offsetMonths: number; dueDate: string; status: string; source: string }) => [v.offsetMonths, v.dueDate, v.status, v.source]),
      [
        [1, '2019-02-15', 'scheduled', 'closure'],
        [3, '2019-04-15', 'scheduled', 'closure'],
        [6, '2019-07-15', 'scheduled', 'closure'],
        [12, '2020-01-15', 'scheduled', 'closure'],
      ],
    );
    assert.deepEqual(items[0].actions, ['record', 'mark_missed']);
    assert.equal((await other.get(`/api/cases/${caseId}/follow-ups`)).statusCode, 404);
    assert.equal((await bulungan.get(`/api/cases/${caseId}/follow-ups`)).statusCode, 404);
    const audited = await db.selectFrom('audit_event').select('action').where('entity_id', '=', String(caseId)).where('action', 'in', ['follow_up.scheduled', 'case.follow_ups_viewed']).execute();
    assert.deepEqual(audited.map((a) => a.action).sort(), ['case.follow_ups_viewed', 'follow_up.scheduled']);
  });

  await t.test('reopening cancels the future unvisited visits (overdue ones stay); closing again reschedules only those, without duplicates', async () => {
    at('2019-03-01T03:00:00Z');
    await relogAll();
    const reopened = await head.post(`/api/cases/${caseId}/reopen`, { reason: 'Kehilangan pekerjaan' });
    assert.equal(reopened.statusCode, 200, reopened.body);
    let items = (await worker.get(`/api/cases/${caseId}/follow-ups`)).json().items;
    assert.deepEqual(
      items.map((v: { offsetMonths: number; status: string; overdue: boolean }) => [v.offsetMonths, v.status, v.overdue]),
      [
        [1, 'scheduled', true],
        [3, 'cancelled', false],
        [6, 'cancelled', false],
        [12, 'cancelled', false],
      ],
    );
    await close(app, caseId);
    await close(app, caseId).catch(() => undefined); // a second approval is refused: nothing more is scheduled
    items = (await worker.get(`/api/cases/${caseId}/follow-ups`)).json().items.filter((v: { status: string }) => v.status !== 'cancelled');
    assert.deepEqual(
      items.map((v: { offsetMonths: number; dueDate: string }) => [v.offsetMonths, v.dueDate]),
      [
        [1, '2019-02-15'],
        [3, '2019-06-01'],
        [6, '2019-09-01'],
        [12, '2020-03-01'],
      ],
    );
  });

  await t.test('recording a visit: outcome, moved-to region, a sealed note; errors name the field', async () => {
    const items = (await worker.get(`/api/cases/${caseId}/follow-ups`)).json().items;
    const first = items.find((v: { offsetMonths: number }) => v.offsetMonths === 1);
    const future = await worker.post(`/api/follow-ups/${first.id}/outcome`, { visitedOn: '2019-03-05', outcome: 'employed' });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().error.code, 'follow_up.visit_in_future');
    const wrongMove = await worker.post(`/api/follow-ups/${first.id}/outcome`, { visitedOn: '2019-02-20', outcome: 'employed', movedRegionCode: '33.01' });
    assert.equal(wrongMove.statusCode, 400);
    assert.equal(wrongMove.json().error.fields[0].field, 'body.movedRegionCode');
    assert.equal((await other.post(`/api/follow-ups/${first.id}/outcome`, { visitedOn: '2019-02-20', outcome: 'moved' })).statusCode, 404);
    const note = 'Tinggal bersama kakaknya, bekerja di warung makan';
    const ok = await worker.post(`/api/follow-ups/${first.id}/outcome`, { visitedOn: '2019-02-20', outcome: 'moved', movedRegionCode: '33.01', note });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([ok.json().status, ok.json().outcome, ok.json().movedRegionCode, ok.json().note, ok.json().overdue, ok.json().actions], ['done', 'moved', '33.01', note, false, []]);
    const row = await db.selectFrom('follow_up').select(['note_ct']).where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.ok(!Buffer.from(row.note_ct!).toString('utf8').includes('warung'), 'the note is sealed');
    const again = await worker.post(`/api/follow-ups/${first.id}/missed`, { reason: 'Tidak di rumah' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'follow_up.not_scheduled');
    // the supervisor reads the note; a provincial reader sees only that there is one
    assert.equal((await head.get(`/api/follow-ups/${first.id}`)).json().note, note);
    const prov = await province.get(`/api/follow-ups/${first.id}`);
    assert.equal(prov.statusCode, 200, prov.body);
    assert.equal(prov.json().hasNote, true);
    const audit = await db.selectFrom('audit_event').select(['summary']).where('action', '=', 'follow_up.recorded').executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(audit.summary), /warung/);
  });

  await t.test('my follow-ups lists overdue and due-soon visits of my cases; the daily digest notifies once a day with case codes', async () => {
    const second = await makeCase(app, { caseWorkerId: worker.id, supervisorId: head.id });
    await close(app, second); // 2019-03-01: the 1-month visit is due 2019-04-01
    at('2019-03-20T03:00:00Z');
    await relogAll();
    const mine = await worker.get('/api/follow-ups/mine');
    assert.equal(mine.statusCode, 200, mine.body);
    assert.deepEqual([mine.json().overdue, mine.json().dueSoon], [0, 1]);
    assert.equal((await other.get('/api/follow-ups/mine')).json().items.length, 0);
    at('2019-04-03T01:00:00Z');
    await relogAll();
    assert.deepEqual([(await worker.get('/api/follow-ups/mine')).json().overdue], [1]);

    const jobId = await app.services.jobs.enqueue({ ...(await import('./follow-ups-digest.job.ts')).followUpDigestJob }, {});
    await app.services.jobs.runUntilIdle();
    assert.equal((await app.services.jobs.get(jobId))?.status, 'succeeded');
    const sent = await db.selectFrom('notification').selectAll().where('kind', '=', 'follow_up.digest').execute();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.user_id, worker.id);
    const code = (await db.selectFrom('rehab_case as c').innerJoin('person as p', 'p.id', 'c.person_id').select('p.case_code').where('c.id', '=', second).executeTakeFirstOrThrow()).case_code;
    assert.match(sent[0]!.body_id, new RegExp(`Terlambat: ${code}`));
    assert.doesNotMatch(sent[0]!.body_id + sent[0]!.title_id, /Kasus Uji/, 'no alias or name');
    assert.deepEqual(await sendFollowUpDigests(db, now), { notified: 0 }, 'once a day');
  });

  await t.test('a confirmed arrival home schedules the series; the later closure adds nothing', async () => {
    const id = await makeCase(app, { caseWorkerId: worker.id, supervisorId: head.id });
    const rh = await app.services.returnHome.create(SYSTEM, id, { homeRegionCode: '33.01.02', plannedDate: '2019-04-01', route: '', transportMode: 'ship', costRupiah: 1_000_000 });
    await app.services.returnHome.depart(SYSTEM, rh.id, { departedOn: '2019-04-01', note: '' });
    const arrived = await worker.post(`/api/return-homes/${rh.id}/arrival`, { arrivedOn: '2019-04-02' });
    assert.equal(arrived.statusCode, 200, arrived.body);
    await close(app, id);
    const items = (await worker.get(`/api/cases/${id}/follow-ups`)).json().items;
    assert.deepEqual(
      items.map((v: { offsetMonths: number; dueDate: string; source: string }) => [v.offsetMonths, v.dueDate, v.source]),
      [
        [1, '2019-05-02', 'return_home'],
        [3, '2019-07-02', 'return_home'],
        [6, '2019-10-02', 'return_home'],
        [12, '2020-04-02', 'return_home'],
      ],
    );
  });

  await t.test('the programme schedule: default, set by a provincial officer, used for new series', async () => {
    const programmeId = await kaltaraProgramme(app);
    assert.deepEqual((await province.get(`/api/programmes/${programmeId}/follow-up-schedule`)).json(), { programmeId, offsetsMonths: [1, 3, 6, 12], isDefault: true });
    const national = (await db.selectFrom('programme').select('parent_id').where('id', '=', programmeId).executeTakeFirstOrThrow()).parent_id!;
    assert.equal((await province.put(`/api/programmes/${national}/follow-up-schedule`, { offsetsMonths: [6] })).statusCode, 403, 'the national programme’s schedule is set nationally');
    const dup = await province.put(`/api/programmes/${programmeId}/follow-up-schedule`, { offsetsMonths: [3, 3] });
    assert.equal(dup.statusCode, 400);
    const set = await province.put(`/api/programmes/${programmeId}/follow-up-schedule`, { offsetsMonths: [12, 3, 6] });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(set.json().offsetsMonths, [3, 6, 12]);
    const third = await makeCase(app, { caseWorkerId: worker.id });
    await close(app, third);
    const items = (await worker.get(`/api/cases/${third}/follow-ups`)).json().items;
    assert.deepEqual(items.map((v: { offsetMonths: number }) => v.offsetMonths), [3, 6, 12]);
    await db.deleteFrom('follow_up_schedule').where('programme_id', '=', programmeId).execute();
  });

  await t.test('outcome report: cohort shares at 3/6/12 months, "<5" and secondary suppression, region scope, xlsx', async () => {
    // Seven cases closed on 2019-05-01; at three months six are employed, one lost contact.
    at('2019-05-01T03:00:00Z');
    const cohort: number[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await makeCase(app, { caseWorkerId: worker.id });
      await close(app, id);
      cohort.push(id);
    }
    at('2019-08-10T03:00:00Z');
    await relogAll();
    for (const [i, id] of cohort.entries()) {
      const v = await db.selectFrom('follow_up').select('id').where('case_id', '=', id).where('offset_months', '=', 3).executeTakeFirstOrThrow();
      const res = await worker.post(`/api/follow-ups/${v.id}/outcome`, { visitedOn: '2019-07-25', outcome: i === 0 ? 'lost_contact' : 'employed' });
      assert.equal(res.statusCode, 200, res.body);
    }
    const url = '/api/follow-ups/outcomes?cohortFrom=2019-05-01&cohortTo=2019-05-31';
    assert.equal((await worker.get(url)).statusCode, 403, 'case workers have no report.read');
    const res = await province.get(url);
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.deepEqual(r.cohort, { count: 7, shown: '7', share: null });
    const m3 = r.milestones.find((m: { months: number }) => m.months === 3);
    const cell = (o: string) => m3.outcomes.find((x: { outcome: string }) => x.outcome === o);
    assert.deepEqual(m3.reached, { count: 7, shown: '7', share: null });
    assert.deepEqual(cell('lost_contact'), { outcome: 'lost_contact', count: null, shown: '<5', share: null });
    assert.deepEqual(cell('employed'), { outcome: 'employed', count: null, shown: '*', share: null }, 'hidden too: 7 − 6 would reveal the 1');
    assert.deepEqual(cell('moved'), { outcome: 'moved', count: 0, shown: '0', share: 0 });
    assert.deepEqual(r.milestones.find((m: { months: number }) => m.months === 6).reached, { count: 0, shown: '0', share: null });
    assert.doesNotMatch(res.body, /"count":[1-4][,}]/, 'no count under 5 anywhere');

    // The cohort of March (cases 1 and 2): under five → "<5" everywhere.
    const small = (await ministry.get('/api/follow-ups/outcomes?cohortFrom=2019-03-01&cohortTo=2019-03-31')).json();
    assert.equal(small.cohort.shown, '<5');
    assert.doesNotMatch(JSON.stringify(small), /"count":[1-4][,}]/);
    // Region scope: Bulungan's officer sees an empty cohort and may not ask for Nunukan.
    assert.equal((await bulungan.get(url)).json().cohort.shown, '0');
    const foreign = await bulungan.get(`${url}&regionCode=65.03`);
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json().error.code, 'follow_up.region_out_of_scope');
    const bad = await province.get('/api/follow-ups/outcomes?cohortFrom=2019-06-01&cohortTo=2019-05-01');
    assert.equal(bad.json().error.code, 'follow_up.period_invalid');

    const xlsx = await province.get(url.replace('outcomes?', 'outcomes.xlsx?'));
    assert.equal(xlsx.statusCode, 200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const counts = book.worksheets[0]!.getColumn(3).values.map(String);
    assert.ok(counts.includes('<5') && counts.includes('*'));
    assert.ok(!counts.includes('1') && !counts.includes('6'), 'the suppressed counts are not in the workbook');
  });
});
