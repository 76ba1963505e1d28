import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { makeList, makePerson, makeSite, setRules } from '../verval/verval.test-support.ts';
import { clientOf, kaltaraProgramme, makeCase, SYSTEM } from './cases.test-support.ts';

test('cases: opening, scope and caseload, assignment with person sync, status rules, closure and reopening, audited reads', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const officerS = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const officer = clientOf(app, officerS.headers);
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = clientOf(app, workerS.headers);
  const worker2S = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker2 = clientOf(app, worker2S.headers);
  const headS = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const head = clientOf(app, headS.headers);
  const bulungan = clientOf(app, (await asUser(app, { roles: ['regency_officer'], scope: '65.01' })).headers);
  const programmeId = await kaltaraProgramme(app);
  const personId = await makePerson(app, { regencyCode: '65.03', alias: 'Melati' });

  let caseId = 0;
  await t.test('an officer opens a case; a second case for the same programme is refused', async () => {
    const res = await officer.post('/api/cases', { personId, programmeId });
    assert.equal(res.statusCode, 200, res.body);
    const c = res.json();
    caseId = c.id;
    assert.equal(c.status, 'intake');
    assert.equal(c.regencyCode, '65.03');
    assert.ok(c.actions.includes('assign'));
    assert.ok(c.caseCode.startsWith('TNT-6503-'));
    const again = await officer.post('/api/cases', { personId, programmeId });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'case.already_open');
  });

  await t.test('another regency does not see it; an unassigned case is not in a case worker’s caseload', async () => {
    assert.equal((await bulungan.get(`/api/cases/${caseId}`)).statusCode, 404);
    assert.equal((await worker.get(`/api/cases/${caseId}`)).statusCode, 404);
    assert.equal((await worker.get('/api/cases')).json().total, 0);
    assert.equal((await bulungan.get('/api/cases')).json().total, 0);
  });

  await t.test('assignment: the worker sees it, the person follows; reassignment needs a reason and is kept', async () => {
    const res = await officer.put(`/api/cases/${caseId}/assignment`, { caseWorkerId: workerS.user.id, supervisorId: headS.user.id });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().caseWorker.id, workerS.user.id);
    assert.equal((await worker.get(`/api/cases/${caseId}`)).statusCode, 200);
    assert.equal((await worker.get('/api/cases?mine=true')).json().total, 1);
    const person = await database.db.selectFrom('person').select('assigned_user_id').where('id', '=', personId).executeTakeFirstOrThrow();
    assert.equal(person.assigned_user_id, workerS.user.id);

    const noReason = await officer.put(`/api/cases/${caseId}/assignment`, { caseWorkerId: worker2S.user.id });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.code, 'case.reason_required');
    const notAWorker = await officer.put(`/api/cases/${caseId}/assignment`, { caseWorkerId: headS.user.id, reason: 'Pindah tugas' });
    assert.equal(notAWorker.json().error.code, 'case.assignee_invalid');
    const moved = await officer.put(`/api/cases/${caseId}/assignment`, { caseWorkerId: worker2S.user.id, reason: 'Pendamping pindah tugas' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().assignments.length, 3);
    assert.equal(moved.json().assignments[0].reason, 'Pendamping pindah tugas');
    assert.equal((await worker.get(`/api/cases/${caseId}`)).statusCode, 404, 'the former worker loses the case');
    assert.equal((await worker2.get(`/api/cases/${caseId}`)).statusCode, 200);
    const after = await database.db.selectFrom('person').select('assigned_user_id').where('id', '=', personId).executeTakeFirstOrThrow();
    assert.equal(after.assigned_user_id, worker2S.user.id);
    // the registry's caseload reach follows: the new worker reads the person, the former one does not
    assert.equal((await worker2.get(`/api/persons/${personId}`)).statusCode, 200);
    assert.equal((await worker.get(`/api/persons/${personId}`)).statusCode, 404);
    // a case worker does not reassign
    assert.equal((await worker2.put(`/api/cases/${caseId}/assignment`, { caseWorkerId: workerS.user.id, reason: 'Saya tidak sanggup' })).statusCode, 403);
  });

  await t.test('status moves one step; plan needs a submitted assessment', async () => {
    const skip = await worker2.post(`/api/cases/${caseId}/status`, { status: 'services' });
    assert.equal(skip.statusCode, 409);
    assert.equal(skip.json().error.code, 'case.transition_not_allowed');
    const ok = await worker2.post(`/api/cases/${caseId}/status`, { status: 'assessment' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json().nextStatuses, ['intake', 'plan']);
    const plan = await worker2.post(`/api/cases/${caseId}/status`, { status: 'plan' });
    assert.equal(plan.json().error.code, 'case.needs_assessment');
    const stale = await worker2.post(`/api/cases/${caseId}/status`, { status: 'intake', version: 1 });
    assert.equal(stale.json().error.code, 'case.version_conflict');
  });

  await t.test('closure: requested with a reason, approved by a different supervisor; reopened with a reason', async () => {
    const short = await worker2.post(`/api/cases/${caseId}/closure-request`, { reason: 'x' });
    assert.equal(short.statusCode, 400);
    const req = await worker2.post(`/api/cases/${caseId}/closure-request`, { reason: 'Pindah ke luar daerah, kontak hilang' });
    assert.equal(req.statusCode, 200, req.body);
    assert.equal(req.json().closureRequested, true);
    assert.equal((await worker2.post(`/api/cases/${caseId}/status`, { status: 'intake' })).json().error.code, 'case.closure_pending');
    assert.equal((await worker2.post(`/api/cases/${caseId}/closure-approval`)).statusCode, 403, 'a case worker does not approve');
    const approved = await head.post(`/api/cases/${caseId}/closure-approval`);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'closed');
    assert.equal(approved.json().closureReason, 'Pindah ke luar daerah, kontak hilang');
    assert.ok(approved.json().actions.includes('reopen'));
    assert.equal((await worker2.post(`/api/cases/${caseId}/status`, { status: 'intake' })).json().error.code, 'case.closed');
    assert.equal((await head.post(`/api/cases/${caseId}/reopen`, { reason: '' })).statusCode, 400);
    const reopened = await head.post(`/api/cases/${caseId}/reopen`, { reason: 'Kembali ke Nunukan' });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().status, 'assessment');
    assert.equal(reopened.json().closureReason, null);
  });

  await t.test('a supervisor does not approve her own closure request', async () => {
    // The head is also given case.manage through a second role, so she can request.
    const both = await asUser(app, { roles: ['head_of_office', 'regency_officer'], scope: '65.03' });
    const hb = clientOf(app, both.headers);
    const id = await makeCase(app, { caseWorkerId: workerS.user.id });
    assert.equal((await hb.post(`/api/cases/${id}/closure-request`, { reason: 'Sudah mandiri' })).statusCode, 200);
    const own = await hb.post(`/api/cases/${id}/closure-approval`);
    assert.equal(own.statusCode, 403);
    assert.equal(own.json().error.code, 'case.own_request');
    const rejected = await head.post(`/api/cases/${id}/closure-rejection`, { reason: 'Belum ada tindak lanjut' });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().closureRequested, false);
  });

  await t.test('lists filter by status, worker, programme; overdue tasks', async () => {
    const all = (await officer.get('/api/cases')).json();
    assert.equal(all.total, 2);
    assert.equal((await officer.get('/api/cases?status=closed')).json().total, 0);
    assert.equal((await officer.get(`/api/cases?workerId=${workerS.user.id}`)).json().total, 1);
    assert.equal((await officer.get(`/api/cases?programmeId=${programmeId}&status=open`)).json().total, 2);
    await database.db.insertInto('case_task').values({ case_id: caseId, title: 'Kunjungan rumah', due_date: '2001-01-01' }).execute();
    const overdue = (await officer.get('/api/cases?overdue=true')).json();
    assert.deepEqual(overdue.items.map((c: { id: number }) => c.id), [caseId]);
    assert.equal(overdue.items[0].overdueTasks, 1);
  });

  await t.test('every read of a case and every change is audited, with case codes only', async () => {
    const events = await database.db.selectFrom('audit_event').select(['action', 'summary']).where('entity_type', '=', 'case').where('entity_id', '=', String(caseId)).orderBy('seq').execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['case.opened', 'case.viewed', 'case.assigned', 'case.reassigned', 'case.status_changed', 'case.closure_requested', 'case.closed', 'case.reopened']) assert.ok(actions.has(a), a);
    assert.doesNotMatch(JSON.stringify(events), /Melati/);
  });
});

test('cases: open for everyone decided eligible in a regency', async (t) => {
  const { app } = await build(t, { regions: true });
  const officer = clientOf(app, (await asUser(app, { roles: ['regency_officer'], scope: '65.03' })).headers);
  const programmeId = await kaltaraProgramme(app);
  await setRules(app, programmeId, [{ code: 'ektp_seen' }]);
  const site = await makeSite(app, '65.03.02');
  const ids = await Promise.all([1, 2, 3].map(() => makePerson(app, { regencyCode: '65.03', siteId: site })));
  await makeList(app, site, ids);
  await app.services.verifications.verify(SYSTEM, programmeId, ids[0]!, { ektpSeen: true, decision: 'eligible' });
  await app.services.verifications.verify(SYSTEM, programmeId, ids[1]!, { ektpSeen: true, decision: 'eligible' });
  await app.services.verifications.verify(SYSTEM, programmeId, ids[2]!, { ektpSeen: false, decision: 'not_eligible' });
  await app.services.cases.open(SYSTEM, { personId: ids[0]!, programmeId });

  const res = await officer.post(`/api/programmes/${programmeId}/cases/open-eligible`, { regencyCode: '65.03' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().opened, res.json().alreadyOpen], [1, 1]);
  const outside = await officer.post(`/api/programmes/${programmeId}/cases/open-eligible`, { regencyCode: '65.01' });
  assert.equal(outside.statusCode, 403);
  assert.equal(outside.json().error.code, 'case.regency_out_of_scope');
});

test('cases: the history and the assignments carry the service clock’s time, like the opening (a scenario on its own dates reads right)', async (t) => {
  let now = new Date('2019-01-14T01:00:00Z');
  const { app } = await build(t, { regions: true, clock: () => now });
  const officerS = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const officer = clientOf(app, officerS.headers);
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const programmeId = await kaltaraProgramme(app);
  const personId = await makePerson(app, { regencyCode: '65.03', alias: 'Kenanga' });
  const opened = (await officer.post('/api/cases', { personId, programmeId, caseWorkerId: workerS.user.id })).json();
  assert.equal(opened.openedAt, '2019-01-14T01:00:00.000Z');
  now = new Date('2019-01-14T01:10:00Z'); // within the session's idle time
  const moved = await officer.post(`/api/cases/${opened.id}/status`, { status: 'assessment' });
  assert.equal(moved.statusCode, 200, moved.body);
  const c = moved.json();
  assert.deepEqual(
    c.events.map((e: { kind: string; at: string }) => [e.kind, e.at]),
    [
      ['status_changed', '2019-01-14T01:10:00.000Z'],
      ['opened', '2019-01-14T01:00:00.000Z'],
    ],
  );
  assert.equal(c.assignments[0].assignedAt, '2019-01-14T01:00:00.000Z');
});

test('cases: whom a case may be opened for — decided eligible, no case in the programme yet, within reach', async (t) => {
  const { app } = await build(t, { regions: true });
  const officer = clientOf(app, (await asUser(app, { roles: ['regency_officer'], scope: '65.03' })).headers);
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = clientOf(app, workerS.headers);
  const head = clientOf(app, (await asUser(app, { roles: ['head_of_office'], scope: '65.03' })).headers);
  const programmeId = await kaltaraProgramme(app);
  await setRules(app, programmeId, [{ code: 'ektp_seen' }]);
  const nunukan = await makeSite(app, '65.03.02');
  const bulungan = await makeSite(app, '65.01.01');
  // Dahlia is on the worker's caseload in the registry: the worker may open hers.
  // One after another: the candidates are listed by case code, given in the order made.
  const ids: number[] = [];
  for (const alias of ['Anggrek', 'Bakung', 'Cempaka', 'Dahlia'])
    ids.push(await makePerson(app, { regencyCode: '65.03', siteId: nunukan, alias, ...(alias === 'Dahlia' ? { assignedUserId: workerS.user.id } : {}) }));
  const elsewhere = await makePerson(app, { regencyCode: '65.01', siteId: bulungan, alias: 'Ermawar' });
  await makeList(app, nunukan, ids);
  await makeList(app, bulungan, [elsewhere]);
  for (const id of [ids[0]!, ids[1]!, ids[3]!, elsewhere]) await app.services.verifications.verify(SYSTEM, programmeId, id, { ektpSeen: true, decision: 'eligible' });
  await app.services.verifications.verify(SYSTEM, programmeId, ids[2]!, { ektpSeen: false, decision: 'not_eligible' });
  await app.services.cases.open(SYSTEM, { personId: ids[0]!, programmeId });

  const list = async (client: typeof officer, query = '') => {
    const res = await client.get(`/api/cases/candidates${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.map((i: { alias: string }) => i.alias);
  };
  assert.deepEqual(await list(officer), ['Bakung', 'Dahlia'], 'Anggrek has a case, Cempaka is not eligible, Ermawar is in Bulungan');
  assert.deepEqual(await list(officer, '?q=bak'), ['Bakung']);
  assert.deepEqual(await list(officer, `?programmeId=${programmeId}&regency=65.01`), []);
  assert.deepEqual(await list(worker), ['Dahlia'], 'a case worker: only her own persons');
  assert.equal((await head.get('/api/cases/candidates')).statusCode, 403, 'opening a case is case.manage');

  const opened = await officer.post('/api/cases', { personId: ids[1]!, programmeId });
  assert.equal(opened.statusCode, 200, opened.body);
  assert.deepEqual(await list(officer), ['Dahlia']);
});
