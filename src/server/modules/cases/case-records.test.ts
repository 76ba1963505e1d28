import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { PDF, multipart } from '../sites/sites.matrix.ts';
import { clientOf, makeCase } from './cases.test-support.ts';

const PLAN = {
  goals: [{ text: 'Membuka usaha warung sendiri', targetDate: '2019-06-30' }],
  services: [
    { component: 'entrepreneurship_training', description: 'Pelatihan usaha kuliner', responsible: 'Dinsos Kabupaten Nunukan', startDate: '2019-01-10', endDate: '2019-02-10' },
    { component: 'social_assistance', responsible: 'Kemensos', startDate: '2019-02-15' },
  ],
};

test('plans: versions, submission, approval by another supervisor, returned with a reason, approved plans locked', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = clientOf(app, workerS.headers);
  const headS = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const head = clientOf(app, headS.headers);
  const caseId = await makeCase(app, { caseWorkerId: workerS.user.id, supervisorId: headS.user.id });
  const P = `/api/cases/${caseId}/plans`;

  const created = await worker.post(P, PLAN);
  assert.equal(created.statusCode, 200, created.body);
  const plan = created.json();
  assert.equal(plan.version, 1);
  assert.equal(plan.services[1].status, 'planned');
  assert.deepEqual(plan.actions, ['edit', 'submit']);
  assert.equal((await worker.post(P, PLAN)).json().error.code, 'case.plan_open_exists');
  const badDates = await worker.put(`${P}/${plan.id}`, { ...PLAN, services: [{ ...PLAN.services[0], endDate: '2018-01-01' }] });
  assert.equal(badDates.statusCode, 400);

  assert.equal((await head.post(`${P}/${plan.id}/approve`)).json().error.code, 'case.plan_not_submitted');
  assert.equal((await worker.post(`${P}/${plan.id}/submit`)).statusCode, 200);
  assert.equal((await worker.put(`${P}/${plan.id}`, PLAN)).json().error.code, 'case.plan_locked');
  assert.equal((await worker.post(`${P}/${plan.id}/approve`)).statusCode, 403, 'a case worker does not approve');
  const returned = await head.post(`${P}/${plan.id}/return`, { reason: 'Tambahkan dukungan keluarga' });
  assert.equal(returned.statusCode, 200, returned.body);
  assert.equal(returned.json().status, 'returned');
  assert.equal(returned.json().returnReason, 'Tambahkan dukungan keluarga');

  const withFamily = { ...PLAN, services: [...PLAN.services, { component: 'family_support', responsible: 'Pendamping', startDate: '2019-01-10' }] };
  assert.equal((await worker.put(`${P}/${plan.id}`, withFamily)).statusCode, 200);
  assert.equal((await worker.post(`${P}/${plan.id}/submit`)).statusCode, 200);
  const approved = await head.post(`${P}/${plan.id}/approve`);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().status, 'approved');
  assert.deepEqual(approved.json().actions, []);
  assert.equal((await worker.put(`${P}/${plan.id}`, PLAN)).json().error.code, 'case.plan_locked');

  const v2 = await worker.post(P, { ...withFamily, note: 'Jadwal pelatihan bergeser' });
  assert.equal(v2.statusCode, 200, v2.body);
  assert.deepEqual([v2.json().version, v2.json().previousId], [2, plan.id]);
  const list = (await head.get(P)).json();
  assert.deepEqual(list.items.map((p: { version: number; status: string }) => `${p.version}:${p.status}`), ['2:draft', '1:approved']);

  // the approved plan lets the case move to services
  const cases = app.services.cases;
  await database.db.updateTable('rehab_case').set({ status: 'plan' }).where('id', '=', caseId).execute();
  const moved = await worker.post(`/api/cases/${caseId}/status`, { status: 'services' });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.ok(cases);
  const rows = await database.db.selectFrom('case_plan').select(['content_ct', 'components']).execute();
  for (const r of rows) assert.ok(!Buffer.from(r.content_ct).toString('latin1').includes('warung'));
  assert.deepEqual(rows[0]!.components.sort(), ['entrepreneurship_training', 'family_support', 'social_assistance']);
});

test('notes: confidential text only for the case’s worker, supervisor and author; attachments; tasks with overdue flags', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = clientOf(app, workerS.headers);
  const headS = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const head = clientOf(app, headS.headers);
  const officer = clientOf(app, (await asUser(app, { roles: ['regency_officer'], scope: '65.03' })).headers);
  const otherHead = clientOf(app, (await asUser(app, { roles: ['head_of_office'], scope: '65.03' })).headers);
  const caseId = await makeCase(app, { caseWorkerId: workerS.user.id, supervisorId: headS.user.id });
  const N = `/api/cases/${caseId}/notes`;

  const open = await officer.post(N, { text: 'Kunjungan pertama, ia bersedia ikut pelatihan.' });
  assert.equal(open.statusCode, 200, open.body);
  const secret = await worker.post(N, { text: 'Mengaku diancam oleh mantan pasangan.', confidential: true });
  assert.equal(secret.statusCode, 200, secret.body);
  const noteId = secret.json().id;

  const seenBy = async (who: typeof worker) => (await who.get(N)).json().items.find((n: { id: number }) => n.id === noteId);
  assert.equal((await seenBy(worker)).text, 'Mengaku diancam oleh mantan pasangan.');
  assert.equal((await seenBy(head)).text, 'Mengaku diancam oleh mantan pasangan.');
  const hidden = await seenBy(officer);
  assert.deepEqual([hidden.text, hidden.hidden, hidden.confidential], [null, true, true]);
  assert.equal((await seenBy(otherHead)).text, null);

  const body = multipart({ name: 'surat.pdf', type: 'application/pdf', bytes: PDF });
  const upload = await app.inject({ method: 'POST', url: `${N}/${noteId}/attachments`, headers: { ...workerS.headers, ...body.headers }, payload: body.payload });
  assert.equal(upload.statusCode, 200, upload.body);
  const fileId = upload.json().attachments[0].fileId;
  const dl = await worker.get(`${N}/${noteId}/attachments/${fileId}`);
  assert.equal(dl.statusCode, 200);
  assert.deepEqual(dl.rawPayload, PDF);
  const refused = await officer.get(`${N}/${noteId}/attachments/${fileId}`);
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'case.note_confidential');
  assert.equal((await seenBy(officer)).attachments.length, 0);

  const rows = await database.db.selectFrom('case_note').select('body_ct').execute();
  for (const r of rows) assert.ok(!Buffer.from(r.body_ct).toString('latin1').includes('diancam'));
  const events = await database.db.selectFrom('audit_event').select(['action', 'summary']).where('action', 'like', 'case_note%').execute();
  assert.ok(events.some((e) => e.action === 'case_notes.viewed'));
  assert.doesNotMatch(JSON.stringify(events), /diancam|pelatihan/);

  // tasks
  const T = `/api/cases/${caseId}/tasks`;
  const late = await worker.post(T, { title: 'Antar ke puskesmas', dueDate: '2001-05-01' });
  assert.equal(late.statusCode, 200, late.body);
  assert.equal(late.json().overdue, true);
  const later = await worker.post(T, { title: 'Kunjungan rumah', dueDate: '2999-01-01' });
  assert.equal(later.json().overdue, false);
  assert.equal((await officer.get(`/api/cases?overdue=true`)).json().total, 1);
  const done = await worker.put(`${T}/${late.json().id}`, { done: true });
  assert.deepEqual([done.json().done, done.json().overdue], [true, false]);
  assert.equal((await officer.get(`/api/cases?overdue=true`)).json().total, 0);
  const undone = await worker.put(`${T}/${late.json().id}`, { done: false });
  assert.equal(undone.json().overdue, true);
  assert.equal((await head.post(T, { title: 'x y', dueDate: '2020-01-01' })).statusCode, 403, 'supervisors read tasks; workers keep them');
  assert.equal((await head.get(T)).statusCode, 200);
  const read = await database.db.selectFrom('audit_event').select('entity_id').where('action', '=', 'case_tasks.viewed').execute();
  assert.ok(read.some((e) => e.entity_id === String(caseId)), 'reading a case’s tasks is audited under the case');
});
