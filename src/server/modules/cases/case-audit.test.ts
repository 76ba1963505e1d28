import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { clientOf, makeCase } from './cases.test-support.ts';

// The case page reads a case through several modules; an auditor looking at one case
// (entity "case", its id) must find every one of those reads.
test('every read of a case, whichever module answers it, is audited under the case', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const workerS = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = clientOf(app, workerS.headers);
  const caseId = await makeCase(app, { caseWorkerId: workerS.user.id });
  const parts = ['', '/plans', '/notes', '/training', '/return-home', '/referrals', '/follow-ups'];
  for (const part of parts) {
    const res = await worker.get(`/api/cases/${caseId}${part}`);
    assert.equal(res.statusCode, 200, `${part}: ${res.body}`);
  }
  const assessment = (await worker.post(`/api/cases/${caseId}/assessments`, {})).json();
  assert.equal((await worker.get(`/api/cases/${caseId}/assessments/${assessment.id}`)).statusCode, 200);

  const events = await database.db.selectFrom('audit_event').select(['action']).where('entity_type', '=', 'case').where('entity_id', '=', String(caseId)).execute();
  const actions = new Set(events.map((e) => e.action));
  for (const action of [
    'case.viewed',
    'case_plan.viewed',
    'case_notes.viewed',
    'case.training_viewed',
    'case.return_home_viewed',
    'case.referrals_viewed',
    'case.follow_ups_viewed',
    'case_assessment.viewed',
  ])
    assert.ok(actions.has(action), `${action} under the case (got ${[...actions].join(', ')})`);
});
