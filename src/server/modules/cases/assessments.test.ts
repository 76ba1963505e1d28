import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { clientOf, makeCase } from './cases.test-support.ts';

const ANSWERS = {
  basic_needs: ['shelter', 'food'],
  education_level: 'sd',
  can_read: false,
  threatened: true,
  wish: 'return_home',
  dependants: 4,
  business_idea: 'Warung kopi dekat pelabuhan Tunon Taka',
};

test('assessments: forms as data, drafts, locked submissions, new versions, scores and flags, sealed answers', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = clientOf(app, workerS.headers);
  const other = clientOf(app, (await asUser(app, { roles: ['case_worker'], scope: '65.03' })).headers);
  const admin = clientOf(app, (await asUser(app, { roles: ['admin'] })).headers);
  const caseId = await makeCase(app, { caseWorkerId: workerS.user.id });
  const A = `/api/cases/${caseId}/assessments`;

  let draftId = 0;
  await t.test('the default ATENSI form is there; a draft starts from it', async () => {
    const forms = (await worker.get('/api/assessment-forms')).json();
    const atensi = forms.items.find((f: { key: string }) => f.key === 'atensi');
    assert.ok(atensi);
    assert.deepEqual(
      atensi.definition.sections.map((s: { key: string }) => s.key),
      ['needs', 'skills_work', 'education', 'family', 'health', 'safety', 'return_wish', 'business'],
    );
    assert.deepEqual(forms.actions, []);
    const res = await worker.post(A, {});
    assert.equal(res.statusCode, 200, res.body);
    draftId = res.json().id;
    assert.equal(res.json().status, 'draft');
    assert.deepEqual(res.json().actions, ['edit', 'submit']);
    assert.equal((await worker.post(A, {})).json().error.code, 'case.assessment_draft_exists');
    assert.equal((await other.get(A)).statusCode, 404, 'another worker’s case is not found');
  });

  await t.test('saving checks types; submitting checks required answers, then scores, flags and locks', async () => {
    const bad = await worker.put(`${A}/${draftId}`, { answers: { education_level: 'phd', unknown_q: 'x' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'case.answers_invalid');
    assert.deepEqual(bad.json().error.fields.map((f: { field: string }) => f.field).sort(), ['body.answers.education_level', 'body.answers.unknown_q']);
    const partial = await worker.put(`${A}/${draftId}`, { answers: { education_level: 'sd' } });
    assert.equal(partial.statusCode, 200, partial.body);
    const missing = await worker.post(`${A}/${draftId}/submit`, {});
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().error.fields.some((f: { field: string }) => f.field === 'body.answers.threatened'));
    const saved = await worker.put(`${A}/${draftId}`, { answers: ANSWERS });
    assert.deepEqual(saved.json().answers, ANSWERS);
    const submitted = await worker.post(`${A}/${draftId}/submit`, {});
    assert.equal(submitted.statusCode, 200, submitted.body);
    const s = submitted.json();
    assert.equal(s.status, 'submitted');
    // shelter 2 + food 2 + sd 1 + cannot read 2 + threatened 3 = 10
    assert.equal(s.score, 10);
    assert.deepEqual(s.flags, ['literacy_support', 'many_dependants', 'needs_shelter', 'return_home', 'safety_risk']);
    assert.deepEqual(s.actions, ['new_version']);
    const locked = await worker.put(`${A}/${draftId}`, { answers: { wish: 'stay' } });
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.json().error.code, 'case.assessment_locked');
    assert.match(locked.json().error.message, /versi baru/);
  });

  await t.test('a correction is a new version linked to the previous, starting from its answers', async () => {
    const res = await worker.post(A, {});
    assert.equal(res.statusCode, 200, res.body);
    const v2 = res.json();
    assert.equal(v2.version, 2);
    assert.equal(v2.previousId, draftId);
    assert.deepEqual(v2.answers, ANSWERS);
    const list = (await worker.get(A)).json();
    assert.deepEqual(list.items.map((i: { version: number }) => i.version), [2, 1]);
    assert.deepEqual(list.items[1].actions, []);
  });

  await t.test('answers are sealed at rest and never in the audit log', async () => {
    const rows = await database.db.selectFrom('case_assessment').select(['answers_ct']).execute();
    for (const r of rows) assert.ok(!Buffer.from(r.answers_ct).toString('latin1').includes('Tunon Taka'));
    const events = await database.db.selectFrom('audit_event').select(['action', 'summary']).where('action', 'like', 'case_assessment%').execute();
    assert.ok(events.some((e) => e.action === 'case_assessment.viewed'));
    assert.ok(events.some((e) => e.action === 'case_assessments.listed'), 'listing a case’s assessments is a read of the case');
    assert.doesNotMatch(JSON.stringify(events), /Tunon|return_home|shelter|safety/);
  });

  await t.test('an administrator adds a question without a code change: a new form version', async () => {
    const forms = (await admin.get('/api/assessment-forms')).json();
    assert.deepEqual(forms.actions, ['configure']);
    const atensi = forms.items.find((f: { key: string }) => f.key === 'atensi');
    const definition = structuredClone(atensi.definition);
    definition.sections[0].questions.push({ key: 'has_phone', kind: 'yes_no', label: { id: 'Memiliki telepon genggam', en: 'Has a mobile phone' } });
    const res = await admin.post('/api/assessment-forms', { key: 'atensi', title: atensi.title, definition, note: 'Tambah pertanyaan telepon' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().version, 2);
    const dup = structuredClone(definition);
    dup.sections[1].questions.push({ key: 'has_phone', kind: 'text', label: { id: 'x', en: 'x' } });
    assert.equal((await admin.post('/api/assessment-forms', { key: 'atensi', title: atensi.title, definition: dup })).statusCode, 400);
    assert.equal((await worker.post('/api/assessment-forms', { key: 'atensi', title: atensi.title, definition })).statusCode, 403);
  });
});

test('a new form version leaves submitted assessments as they were; a draft continues on its version; a correction takes the newest', async (t) => {
  const { app } = await build(t, { regions: true });
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = clientOf(app, workerS.headers);
  const officerS = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const officer = clientOf(app, officerS.headers);
  const submittedCase = `/api/cases/${await makeCase(app, { caseWorkerId: workerS.user.id })}/assessments`;
  const draftCase = `/api/cases/${await makeCase(app, { caseWorkerId: workerS.user.id })}/assessments`;

  const first = (await worker.post(submittedCase, {})).json();
  await worker.put(`${submittedCase}/${first.id}`, { answers: ANSWERS });
  const before = (await worker.post(`${submittedCase}/${first.id}/submit`, {})).json();
  assert.equal(before.score, 10);
  const draft = (await worker.post(draftCase, {})).json();

  // Version 2: the business section goes, primary school scores 4, a required yes/no question with a score and a flag.
  const v1 = (await officer.get('/api/assessment-forms')).json().items.find((f: { key: string }) => f.key === 'atensi');
  const definition = structuredClone(v1.definition);
  definition.sections = definition.sections.filter((s: { key: string }) => s.key !== 'business');
  const education = definition.sections.find((s: { key: string }) => s.key === 'education').questions[0];
  education.options.find((o: { value: string }) => o.value === 'sd').score = 4;
  definition.sections[0].questions.push({
    key: 'has_phone',
    kind: 'yes_no',
    required: true,
    label: { id: 'Memiliki telepon genggam', en: 'Has a mobile phone' },
    options: [{ value: 'no', label: { id: 'Tidak', en: 'No' }, score: 5, flag: 'no_phone' }],
  });
  const body = { key: 'atensi', basedOnVersion: 1, title: v1.title, definition, note: 'Tanpa bagian usaha; telepon' };
  const v2 = await officer.post('/api/assessment-forms', body);
  assert.equal(v2.statusCode, 200, v2.body);
  assert.equal(v2.json().version, 2);

  // Someone else's copy of version 1 is refused: saving it would drop version 2's changes.
  const stale = await app.inject({ method: 'POST', url: '/api/assessment-forms', headers: { ...officerS.headers, 'accept-language': 'en' }, payload: { ...body, note: 'stale copy' } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'case.form_version_conflict');
  assert.match(stale.json().error.message, /Version 2 was saved by someone else since you copied version 1/);

  // The submitted assessment reads exactly as submitted: its form, answers, score and flags.
  const after = (await worker.get(`${submittedCase}/${first.id}`)).json();
  assert.equal(after.form.version, 1);
  assert.ok(after.form.definition.sections.some((s: { key: string }) => s.key === 'business'));
  assert.deepEqual([after.answers, after.score, after.flags, after.status], [ANSWERS, 10, before.flags, 'submitted']);

  // The draft started on version 1 is submitted against version 1 (no phone question, business idea kept).
  const submitted = await worker.post(`${draftCase}/${draft.id}/submit`, { answers: ANSWERS });
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.deepEqual([submitted.json().formVersion, submitted.json().score], [1, 10]);

  // A correction takes version 2: answers to removed questions dropped, the new required question asked, new scores.
  const correction = (await worker.post(submittedCase, {})).json();
  assert.deepEqual([correction.version, correction.formVersion], [2, 2]);
  const { business_idea: _dropped, ...kept } = ANSWERS;
  assert.deepEqual(correction.answers, kept);
  const missing = await worker.post(`${submittedCase}/${correction.id}/submit`, {});
  assert.deepEqual(missing.json().error.fields.map((f: { field: string }) => f.field), ['body.answers.has_phone']);
  const rescored = (await worker.post(`${submittedCase}/${correction.id}/submit`, { answers: { ...kept, has_phone: false } })).json();
  assert.equal(rescored.score, 2 + 2 + 4 + 2 + 3 + 5);
  assert.ok(rescored.flags.includes('no_phone'));
  assert.equal((await worker.get(`${submittedCase}/${first.id}`)).json().score, 10, 'version 1 of the assessment is untouched');
});

test('a form version is checked field by field: keys, duplicate values, bounds (never a server error)', async (t) => {
  const { app } = await build(t);
  const admin = clientOf(app, (await asUser(app, { roles: ['admin'] })).headers);
  const question = (extra: object) => ({ key: 'q1', kind: 'text', label: { id: 'Pertanyaan', en: 'Question' }, ...extra });
  const form = (key: string, questions: object[]) => ({ key, title: { id: 'Uji', en: 'Test' }, definition: { sections: [{ key: 's1', title: { id: 'Bagian', en: 'Section' }, questions }] } });
  const fields = async (payload: object) => {
    const res = await admin.post('/api/assessment-forms', payload);
    assert.equal(res.statusCode, 400, res.body);
    return res.json().error.fields.map((f: { field: string }) => f.field);
  };
  // A one-letter form key used to pass the schema and fail the table's check (500).
  assert.deepEqual(await fields(form('a', [question({})])), ['body.key']);
  const option = (value: string) => ({ value, label: { id: value, en: value } });
  assert.deepEqual(await fields(form('uji', [question({ kind: 'single_choice', options: [option('ya'), option('ya')] })])), ['body.definition.sections.0.questions.0.options.1.value']);
  assert.deepEqual(await fields(form('uji', [question({ kind: 'number', flag: { code: 'x', below: 10, above: 5 } })])), ['body.definition.sections.0.questions.0.flag.below']);
  assert.deepEqual(await fields(form('uji', [question({}), question({ kind: 'yes_no' })])), ['body.definition.sections.0.questions.1.key']);
  assert.equal((await admin.post('/api/assessment-forms', form('uji', [question({})]))).statusCode, 200);
});
