// Training through HTTP: catalogue, runs and meeting days, enrolment within the case
// rule, attendance in bulk, the completion rule at its boundary, withdrawal, and the
// certificate (case code, or the full name as an audited reveal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { makeRun, seededCourse, trainee } from './training.test-support.ts';

const NOW = new Date('2019-03-08T03:00:00Z');
const DAYS = ['2019-03-01', '2019-03-02', '2019-03-04', '2019-03-05', '2019-03-06'];

function client(app: FastifyInstance, who: SignedIn) {
  const headers = { ...who.headers, 'accept-language': 'en' };
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    send: (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) }),
    reauth: () => app.inject({ method: 'POST', url: '/api/auth/reauth', headers, payload: { password: who.password } }),
  };
}

/** The text a PDF shows (standard fonts: hex strings in TJ/Tj operators). */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      content = m[1]!;
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[2]!];
      out.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('');
}

test('training: catalogue, runs, enrolment, attendance, completion at 80 %, withdrawal, certificates, through HTTP', async (t) => {
  const { app, database } = await build(t, { regions: true, clock: () => NOW });
  const db = database.db;
  const workerSession = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = client(app, workerSession);
  const officer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  const province = client(app, await asUser(app, { roles: ['province_officer'], scope: '65' }));
  const bulungan = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.01' }));
  const head = client(app, await asUser(app, { roles: ['head_of_office'], scope: '65.03' }));

  // The catalogue: the four seeded national courses with the default rule.
  const seeded = await worker.get('/api/training/courses');
  assert.equal(seeded.statusCode, 200, seeded.body);
  assert.deepEqual(
    seeded.json().items.map((c: { code: string; minAttendancePct: number }) => [c.code, c.minAttendancePct]),
    [['kerajinan_tangan', 80], ['menjahit', 80], ['tata_boga', 80], ['salon', 80]],
  );
  assert.deepEqual(seeded.json().actions, []);
  // An office's course: its own region only; the national catalogue is not a regency's.
  const course = { code: 'las_nunukan', nameId: 'Pengelasan', nameEn: 'Welding', provider: 'BLK Nunukan', minAttendancePct: 75, regionCode: '65.03' };
  assert.equal((await worker.send('POST', '/api/training/courses', course)).statusCode, 403);
  assert.equal((await officer.send('POST', '/api/training/courses', { ...course, regionCode: null })).json().error.code, 'training.course_region_outside_scope');
  assert.equal((await officer.send('POST', '/api/training/courses', { ...course, regionCode: '65.01' })).json().error.code, 'training.course_region_outside_scope');
  const made = await officer.send('POST', '/api/training/courses', course);
  assert.equal(made.statusCode, 200, made.body);
  assert.deepEqual([made.json().minAttendancePct, made.json().hoursPerDay, made.json().actions], [75, 4, ['edit', 'plan_run']]);
  assert.equal((await officer.send('POST', '/api/training/courses', course)).json().error.code, 'training.course_code_taken');
  // The province sees its regency's course; Bulungan does not.
  assert.ok((await province.get('/api/training/courses')).json().items.some((c: { code: string }) => c.code === 'las_nunukan'));
  assert.ok(!(await bulungan.get('/api/training/courses')).json().items.some((c: { code: string }) => c.code === 'las_nunukan'));
  const changed = await officer.send('PUT', `/api/training/courses/${made.json().id}`, { ...course, minAttendancePct: 90, hoursPerDay: 3, active: true, version: 1 });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().minAttendancePct, 90);
  assert.equal((await officer.send('PUT', `/api/training/courses/${made.json().id}`, { ...course, active: true, version: 1 })).json().error.code, 'training.stale');

  // A run of the sewing course held by the Nunukan office, with meeting days.
  const sewing = await seededCourse(app);
  const runBody = { courseId: sewing, regionCode: '65.03', title: 'Menjahit angkatan I', startsOn: '2019-03-01', endsOn: '2019-03-10', location: 'BLK Nunukan', trainer: 'Ibu Rahma' };
  assert.equal((await worker.send('POST', '/api/training/runs', runBody)).statusCode, 403);
  assert.equal((await bulungan.send('POST', '/api/training/runs', runBody)).json().error.code, 'training.run_region_outside_scope');
  assert.equal((await officer.send('POST', '/api/training/runs', { ...runBody, endsOn: '2019-02-01' })).json().error.code, 'training.bad_dates');
  const created = await officer.send('POST', '/api/training/runs', runBody);
  assert.equal(created.statusCode, 200, created.body);
  const runId: number = created.json().id;
  assert.deepEqual(created.json().actions, ['edit', 'add_meeting', 'enrol', 'record_attendance']);
  for (const date of DAYS) assert.equal((await officer.send('POST', `/api/training/runs/${runId}/meetings`, { date })).statusCode, 200);
  assert.equal((await officer.send('POST', `/api/training/runs/${runId}/meetings`, { date: '2019-03-11' })).json().error.code, 'training.meeting_outside_run');
  assert.equal((await officer.send('POST', `/api/training/runs/${runId}/meetings`, { date: DAYS[0] })).json().error.code, 'training.meeting_exists');
  const future = await officer.send('POST', `/api/training/runs/${runId}/meetings`, { date: '2019-03-09', hours: 2 });
  const futureDay = future.json().meetingDays.find((m: { date: string }) => m.date === '2019-03-09');
  assert.deepEqual([futureDay.hours, futureDay.actions], [2, ['delete']]);
  assert.equal((await officer.send('DELETE', `/api/training/meetings/${futureDay.id}`)).json().meetingDays.length, 5);
  const days: { id: number; date: string; hours: number }[] = (await officer.get(`/api/training/runs/${runId}`)).json().meetingDays;
  assert.deepEqual(days.map((d) => d.hours), [4, 4, 4, 4, 4], 'hours default to the course’s');
  // Bulungan's office does not see a Nunukan run; the province does.
  assert.equal((await bulungan.get(`/api/training/runs/${runId}`)).statusCode, 404);
  assert.equal((await province.get('/api/training/runs')).json().total, 1);
  assert.equal((await bulungan.get('/api/training/runs')).json().total, 0);

  // Enrolment: the case worker her own cases only; the office any case of its regency.
  const ana = await trainee(app, { caseWorkerId: workerSession.user.id, fullName: 'Zubaidah Quintessa Marwoto' });
  const bea = await trainee(app, { caseWorkerId: workerSession.user.id });
  const cici = await trainee(app);
  const far = await trainee(app, { regencyCode: '65.01' });
  const enrol = (who: typeof worker, caseId: number) => who.send('POST', `/api/training/runs/${runId}/enrolments`, { caseId });
  const a = await enrol(worker, ana.caseId);
  assert.equal(a.statusCode, 200, a.body);
  assert.deepEqual([a.json().caseCode, a.json().completion, a.json().actions], [ana.caseCode, 'in_progress', ['withdraw', 'record_attendance']]);
  assert.doesNotMatch(a.body, /Zubaidah/);
  assert.equal((await enrol(worker, ana.caseId)).json().error.code, 'training.already_enrolled');
  assert.equal((await enrol(worker, cici.caseId)).statusCode, 404, 'not her case');
  assert.equal((await enrol(head, cici.caseId)).statusCode, 403, 'heads of office do not work cases');
  assert.equal((await enrol(officer, far.caseId)).statusCode, 404, 'another regency’s case');
  const b = (await enrol(worker, bea.caseId)).json();
  const c = await enrol(officer, cici.caseId);
  assert.equal(c.statusCode, 200, c.body);
  // The case worker sees only her cases' enrolments in the run; the office all.
  assert.equal((await worker.get(`/api/training/runs/${runId}`)).json().enrolments.length, 2);
  assert.equal((await officer.get(`/api/training/runs/${runId}`)).json().enrolments.length, 3);

  // Attendance in bulk for a day; a future day cannot be recorded.
  const record = (who: typeof worker, meetingId: number, entries: { enrolmentId: number; status: string }[]) => who.send('PUT', `/api/training/meetings/${meetingId}/attendance`, { entries });
  const plan: Record<string, string[]> = {
    [a.json().id]: ['present', 'present', 'absent', 'present', 'present'], // 4 of 5: exactly 80 %
    [b.id]: ['present', 'present', 'excused', 'absent', 'present'], // 3 of 5
  };
  for (const [i, day] of days.entries()) {
    const res = await record(
      worker,
      day.id,
      Object.entries(plan).map(([enrolmentId, s]) => ({ enrolmentId: Number(enrolmentId), status: s[i]! })),
    );
    assert.equal(res.statusCode, 200, res.body);
  }
  const grid = await worker.get(`/api/training/meetings/${days[2]!.id}/attendance`);
  assert.deepEqual(
    grid.json().rows.map((r: { enrolmentId: number; status: string; editable: boolean }) => [r.enrolmentId, r.status, r.editable]),
    [[a.json().id, 'absent', true], [b.id, 'excused', true]].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
  );
  // Someone else's participant, or a day in the future, is refused.
  const notHers = await record(worker, days[0]!.id, [{ enrolmentId: c.json().id, status: 'present' }]);
  assert.equal(notHers.statusCode, 400);
  assert.deepEqual([notHers.json().error.code, notHers.json().error.fields[0].field], ['training.attendance_entry_invalid', 'body.entries.0.enrolmentId']);
  const later = await officer.send('POST', `/api/training/runs/${runId}/meetings`, { date: '2019-03-09' });
  const laterDay = later.json().meetingDays.find((m: { date: string }) => m.date === '2019-03-09');
  assert.equal((await record(officer, laterDay.id, [{ enrolmentId: c.json().id, status: 'present' }])).json().error.code, 'training.meeting_in_future');
  await officer.send('DELETE', `/api/training/meetings/${laterDay.id}`);

  // Completion: exactly 80 % is completed; 60 % is in progress while the run lasts.
  const byId = async () => new Map((await worker.get(`/api/training/runs/${runId}`)).json().enrolments.map((e: { id: number }) => [e.id, e])) as Map<number, Record<string, unknown>>;
  let now = await byId();
  assert.deepEqual([now.get(a.json().id)!.completion, now.get(a.json().id)!.attendedPct, now.get(a.json().id)!.actions], ['completed', 80, ['withdraw', 'record_attendance', 'certificate', 'certificate_with_name']]);
  assert.deepEqual([now.get(b.id)!.completion, now.get(b.id)!.present, now.get(b.id)!.excused, now.get(b.id)!.absent], ['in_progress', 3, 1, 1]);
  // The run ends (its dates moved before today): the rule not met is not completed.
  const runNow = (await officer.get(`/api/training/runs/${runId}`)).json();
  const moved = await officer.send('PUT', `/api/training/runs/${runId}`, { ...runBody, endsOn: '2019-03-07', version: runNow.version });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal((await officer.send('PUT', `/api/training/runs/${runId}`, { ...runBody, endsOn: '2019-03-05', version: moved.json().version })).json().error.code, 'training.meetings_outside_dates');
  now = await byId();
  assert.deepEqual([now.get(a.json().id)!.completion, now.get(b.id)!.completion], ['completed', 'not_completed']);
  assert.equal((await enrol(officer, (await trainee(app)).caseId)).json().error.code, 'training.run_ended');
  // The national catalogue is not the regency's to edit.
  const sewingNow = (await officer.get('/api/training/courses')).json().items.find((x: { id: number }) => x.id === sewing);
  assert.deepEqual(sewingNow.actions, ['plan_run'], 'the national catalogue is not the regency’s to edit');

  // Withdrawal with a reason; a withdrawn participant leaves the grid.
  assert.equal((await worker.send('POST', `/api/training/enrolments/${b.id}/withdraw`, { reason: 'pendek' })).statusCode, 400);
  const withdrawn = await worker.send('POST', `/api/training/enrolments/${b.id}/withdraw`, { reason: 'Mulai bekerja di toko kain' });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  assert.deepEqual([withdrawn.json().completion, withdrawn.json().actions], ['withdrawn', []]);
  assert.equal((await worker.send('POST', `/api/training/enrolments/${b.id}/withdraw`, { reason: 'Mulai bekerja di toko kain' })).json().error.code, 'training.already_withdrawn');
  assert.equal((await worker.get(`/api/training/meetings/${days[0]!.id}/attendance`)).json().rows.length, 1);
  assert.equal((await officer.send('POST', `/api/training/enrolments/${c.json().id}/withdraw`, { reason: 'Pindah ke Tarakan ikut keluarga' })).statusCode, 200);

  // Certificates: completed enrolments only; the case code unless the name is asked for.
  const cert = (who: typeof worker, id: number, body: object = {}) => who.send('POST', `/api/training/enrolments/${id}/certificate`, body);
  assert.equal((await cert(worker, b.id)).json().error.code, 'training.not_completed');
  assert.equal((await cert(head, a.json().id)).statusCode, 403);
  const plain = await cert(worker, a.json().id);
  assert.equal(plain.statusCode, 200, plain.body);
  assert.equal(plain.headers['content-type'], 'application/pdf');
  const text = pdfText(plain.rawPayload);
  assert.match(text, new RegExp(ana.caseCode));
  assert.match(text, /SERTIFIKAT/);
  assert.match(text, /16 jam pelatihan \(hadir 4 dari 5 hari pertemuan\)/);
  assert.doesNotMatch(text, /Zubaidah/);
  const number = (await worker.get(`/api/cases/${ana.caseId}/training`)).json().items[0].certificateNumber;
  assert.match(number, /^PLT-6503-2019-\d{6}$/);
  // The name: a reason, then a fresh re-authentication; the officer (no reveal right) cannot.
  assert.equal((await cert(worker, a.json().id, { withName: true })).json().error.code, 'training.reason_required');
  assert.equal((await cert(officer, a.json().id, { withName: true, reason: 'Sertifikat untuk melamar kerja' })).statusCode, 403);
  const why = { withName: true, reason: 'Sertifikat untuk melamar kerja di konveksi' };
  assert.equal((await cert(worker, a.json().id, why)).json().error.code, 'auth.reauth_required');
  assert.equal((await worker.reauth()).statusCode, 200);
  const named = await cert(worker, a.json().id, why);
  assert.equal(named.statusCode, 200, named.body);
  const namedText = pdfText(named.rawPayload);
  assert.match(namedText, /Zubaidah Quintessa Marwoto/);
  assert.match(namedText, new RegExp(number), 'a reprint keeps its number');

  // The case's tab, audited as a read of the case; another worker does not see it.
  const tab = await worker.get(`/api/cases/${ana.caseId}/training`);
  assert.deepEqual(tab.json().items.map((e: { completion: string }) => e.completion), ['completed']);
  assert.deepEqual(tab.json().actions, ['enrol'], 'her worker may enrol her in another run');
  assert.deepEqual((await head.get(`/api/cases/${ana.caseId}/training`)).json().actions, [], 'a head of office reads but does not enrol');
  assert.equal((await bulungan.get(`/api/cases/${ana.caseId}/training`)).statusCode, 404);

  // Every change audited; the name never in the audit log.
  const events = await db.selectFrom('audit_event').select(['action', 'reason', 'summary']).where('action', 'like', 'training.%').orderBy('seq').execute();
  const actions = new Set(events.map((e) => e.action));
  for (const action of ['training.course_created', 'training.course_updated', 'training.run_created', 'training.run_updated', 'training.meeting_added', 'training.meeting_deleted', 'training.enrolled', 'training.attendance_recorded', 'training.withdrawn', 'training.certificate_printed'])
    assert.ok(actions.has(action), action);
  assert.equal(events.filter((e) => e.action === 'training.certificate_printed').length, 2);
  const reveals = await db.selectFrom('audit_event').select(['reason', 'summary']).where('action', '=', 'person.identity_revealed').execute();
  assert.equal(reveals.length, 1);
  assert.equal(reveals[0]!.reason, why.reason);
  assert.ok((await db.selectFrom('audit_event').select('seq').where('action', '=', 'case.training_viewed').execute()).length >= 2);
  for (const read of ['training.run_viewed', 'training.attendance_viewed']) assert.ok(actions.has(read), read);
  const all = await db.selectFrom('audit_event').select('summary').execute();
  assert.doesNotMatch(JSON.stringify(all), /Zubaidah/);
});

test('training: capacity, the case outside the office’s region, and the rule at 75 % on ten days', async (t) => {
  const { app } = await build(t, { regions: true, clock: () => NOW });
  const officer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  const province = client(app, await asUser(app, { roles: ['province_officer'], scope: '65' }));
  const { runId } = await makeRun(app, { capacity: 1 });
  assert.equal((await officer.send('POST', `/api/training/runs/${runId}/enrolments`, { caseId: (await trainee(app)).caseId })).statusCode, 200);
  assert.equal((await officer.send('POST', `/api/training/runs/${runId}/enrolments`, { caseId: (await trainee(app)).caseId })).json().error.code, 'training.run_full');
  // A Bulungan run cannot take a Nunukan case.
  const { runId: bulunganRun } = await makeRun(app, { regionCode: '65.01' });
  assert.equal((await province.send('POST', `/api/training/runs/${bulunganRun}/enrolments`, { caseId: (await trainee(app)).caseId })).statusCode, 403, 'the province does not work cases');
  const c = await trainee(app);
  assert.equal((await officer.send('POST', `/api/training/runs/${bulunganRun}/enrolments`, { caseId: c.caseId })).statusCode, 404, 'a Bulungan run is not seen from Nunukan');
  // A province course with a 75 % rule over ten days (Feb): 8 completed, 7 not (the run ended).
  const course = await province.send('POST', '/api/training/courses', { code: 'salon_kaltara', nameId: 'Salon Kaltara', nameEn: 'Salon Kaltara', minAttendancePct: 75, regionCode: '65' });
  assert.equal(course.statusCode, 200, course.body);
  const days = Array.from({ length: 10 }, (_, i) => `2019-02-${String(i + 10).padStart(2, '0')}`);
  const { runId: feb, meetingIds } = await makeRun(app, { courseId: course.json().id, regionCode: '65', startsOn: '2019-02-10', endsOn: '2019-02-28', days });
  const enrolled = await Promise.all([trainee(app), trainee(app)]);
  const ids: number[] = [];
  // The run has ended, so enrolment is closed: reopen it (later end), enrol and record, then end it again.
  for (const e of enrolled) {
    const res = await officer.send('POST', `/api/training/runs/${feb}/enrolments`, { caseId: e.caseId });
    assert.equal(res.json().error.code, 'training.run_ended');
  }
  const run = (await province.get(`/api/training/runs/${feb}`)).json();
  await province.send('PUT', `/api/training/runs/${feb}`, { title: run.title, startsOn: run.startsOn, endsOn: '2019-03-20', location: run.location, trainer: run.trainer, capacity: null, version: run.version });
  for (const e of enrolled) ids.push((await officer.send('POST', `/api/training/runs/${feb}/enrolments`, { caseId: e.caseId })).json().id);
  for (const [i, meetingId] of meetingIds.entries()) {
    const res = await officer.send('PUT', `/api/training/meetings/${meetingId}/attendance`, {
      entries: [
        { enrolmentId: ids[0]!, status: i < 8 ? 'present' : 'absent' },
        { enrolmentId: ids[1]!, status: i < 7 ? 'present' : 'excused' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  const after = (await province.get(`/api/training/runs/${feb}`)).json();
  await province.send('PUT', `/api/training/runs/${feb}`, { title: after.title, startsOn: after.startsOn, endsOn: '2019-02-28', location: after.location, trainer: after.trainer, capacity: null, version: after.version });
  const list = (await officer.get(`/api/training/runs/${feb}`)).json().enrolments;
  const by = new Map(list.map((e: { id: number; completion: string }) => [e.id, e.completion]));
  assert.deepEqual([by.get(ids[0]), by.get(ids[1])], ['completed', 'not_completed']);
});
