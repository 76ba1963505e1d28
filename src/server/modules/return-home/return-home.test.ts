import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { makeUnit } from '../letters/letters.fixtures.ts';
import { makeCase } from './case-fixtures.ts';

const NOW = new Date('2019-03-01T03:00:00Z');

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    send: (method: 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: { ...who.headers, 'accept-language': 'en' }, ...(payload ? { payload } : {}) }),
  };
}

const plan = { plannedDate: '2019-03-10', route: 'Nunukan – Tarakan by speedboat, then KM Lambelu to Makassar', transportMode: 'ship', costRupiah: 1_250_000 };

test('return home: NIK proposal, payer rule and override, statuses, letter, audit, through HTTP', async (t) => {
  const { app, database } = await build(t, { regions: true, clock: () => NOW });
  const db = database.db;
  const workerSession = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = client(app, workerSession);
  const otherWorker = client(app, await asUser(app, { roles: ['case_worker'], scope: '65.03' }));
  const officer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  const bulungan = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.01' }));
  const head = client(app, await asUser(app, { roles: ['head_of_office'], scope: '65.03' }));

  // Home in Cilacap (Central Java: another province) by her NIK.
  const far = await makeCase(app, db, { regencyCode: '65.03', nikDistrict: '330102', assignedUserId: workerSession.user.id });
  const near = await makeCase(app, db, { regencyCode: '65.03', nikDistrict: '650101' });
  const noNik = await makeCase(app, db, { regencyCode: '65.03', nikDistrict: null, assignedUserId: workerSession.user.id });

  // The proposal: the NIK's district, its regency, and the payer by the distance rule.
  const view = await worker.get(`/api/cases/${far.caseId}/return-home`);
  assert.equal(view.statusCode, 200, view.body);
  assert.deepEqual(view.json().proposal, {
    homeRegion: { code: '33.01.02', name: 'Kesugihan' },
    homeRegency: { code: '33.01', name: 'Kabupaten Cilacap' },
    payer: 'regional_budget',
  });
  assert.deepEqual(view.json().actions, ['create']);
  assert.doesNotMatch(view.body, /330102\d{10}/, 'the NIK never leaves the server');
  // Scope and caseload: another regency and another case worker do not see the case.
  assert.equal((await bulungan.get(`/api/cases/${far.caseId}/return-home`)).statusCode, 404);
  assert.equal((await otherWorker.get(`/api/cases/${far.caseId}/return-home`)).statusCode, 404);
  assert.equal((await worker.get(`/api/cases/${near.caseId}/return-home`)).statusCode, 404);
  // The head of office reads but may not plan (and is shown no NIK proposal).
  const headView = await head.get(`/api/cases/${far.caseId}/return-home`);
  assert.equal(headView.statusCode, 200);
  assert.deepEqual([headView.json().proposal, headView.json().actions], [null, []]);
  assert.equal((await head.send('POST', `/api/cases/${far.caseId}/return-home`, plan)).statusCode, 403);

  // Plan from the NIK; the payer defaults to the rule's proposal.
  const created = await worker.send('POST', `/api/cases/${far.caseId}/return-home`, plan);
  assert.equal(created.statusCode, 200, created.body);
  const rh = created.json();
  assert.deepEqual(
    [rh.homeRegion.code, rh.homeRegionSource, rh.payer, rh.proposedPayer, rh.costRupiah, rh.status],
    ['33.01.02', 'nik', 'regional_budget', 'regional_budget', 1_250_000, 'planned'],
  );
  assert.deepEqual(rh.actions, ['update', 'depart', 'cancel'], 'a case worker cannot make letters');
  // One plan at a time.
  assert.equal((await worker.send('POST', `/api/cases/${far.caseId}/return-home`, plan)).json().error.code, 'return_home.exists');

  // Overriding the payer needs a reason, named at its field.
  const noReason = await worker.send('PUT', `/api/return-homes/${rh.id}`, { ...plan, payer: 'kemensos_local', version: rh.version });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.code, 'return_home.payer_reason_required');
  assert.equal(noReason.json().error.fields[0].field, 'body.payerReason');
  const overridden = await worker.send('PUT', `/api/return-homes/${rh.id}`, {
    ...plan,
    costRupiah: 900_000,
    payer: 'kemensos_local',
    payerReason: 'Dana APBD daerah asal belum tersedia tahun ini',
    version: rh.version,
  });
  assert.equal(overridden.statusCode, 200, overridden.body);
  assert.deepEqual([overridden.json().payer, overridden.json().proposedPayer, overridden.json().costRupiah, overridden.json().version], ['kemensos_local', 'regional_budget', 900_000, 2]);
  // A stale version is refused.
  assert.equal((await worker.send('PUT', `/api/return-homes/${rh.id}`, { ...plan, version: 1 })).json().error.code, 'return_home.stale');

  // Without a NIK the district must be declared; an unknown one is named at its field.
  const missing = await worker.send('POST', `/api/cases/${noNik.caseId}/return-home`, plan);
  assert.deepEqual([missing.statusCode, missing.json().error.code, missing.json().error.fields[0].field], [400, 'return_home.home_region_required', 'body.homeRegionCode']);
  const unknown = await worker.send('POST', `/api/cases/${noNik.caseId}/return-home`, { ...plan, homeRegionCode: '65.03.99' });
  assert.equal(unknown.json().error.code, 'return_home.unknown_region');
  const declared = await worker.send('POST', `/api/cases/${noNik.caseId}/return-home`, { ...plan, homeRegionCode: '65.01.01', transportMode: 'bus', costRupiah: 150_000 });
  assert.deepEqual([declared.json().homeRegionSource, declared.json().payer], ['declared', 'kemensos_local'], 'same province: local transport');

  // The officer plans the other case and informs the receiving Dinsos by a letter.
  const nearPlan = (await officer.send('POST', `/api/cases/${near.caseId}/return-home`, { ...plan, transportMode: 'bus', costRupiah: 300_000 })).json();
  assert.deepEqual(nearPlan.actions, ['update', 'depart', 'cancel', 'notify']);
  const unit = await makeUnit(app, '65.03');
  const notified = await officer.send('POST', `/api/return-homes/${nearPlan.id}/letter`, { unitId: unit.id, letterDate: '2019-03-01', signatoryName: 'Kepala Dinas', signatoryTitle: 'Kepala Dinas Sosial' });
  assert.equal(notified.statusCode, 200, notified.body);
  assert.equal(notified.json().letter.status, 'draft');
  assert.ok(!notified.json().actions.includes('notify'));
  const letter = await app.services.letters.get({ actor: { kind: 'system', username: 't' }, request: { requestId: null, ip: null, userAgent: null } }, notified.json().letter.id);
  assert.match(letter.subject, new RegExp(near.caseCode));
  assert.match(letter.body, /Tanjung Palas/);
  assert.doesNotMatch(letter.body, /Orang Uji|\d{16}/, 'the letter names the case code, never the person');
  assert.deepEqual(letter.recipients?.map((r) => [r.recipient, r.regionCode]), [['Kepala Dinas Sosial Kabupaten Bulungan', '65.01']]);
  assert.equal((await officer.send('POST', `/api/return-homes/${nearPlan.id}/letter`, { unitId: unit.id, letterDate: '2019-03-01' })).json().error.code, 'return_home.already_notified');

  // Departure, then arrival; dates checked; arrival runs the listeners in its transaction.
  const arrivals: number[] = [];
  app.services.returnHome.onArrived(async (tx, _ctx, e) => {
    const row = await tx.selectFrom('return_home').select('status').where('id', '=', e.returnHomeId).executeTakeFirstOrThrow();
    assert.equal(row.status, 'arrived');
    arrivals.push(e.caseId);
  });
  assert.equal((await worker.send('POST', `/api/return-homes/${rh.id}/arrival`, { arrivedOn: '2019-03-01' })).json().error.code, 'return_home.bad_status');
  const future = await worker.send('POST', `/api/return-homes/${rh.id}/departure`, { departedOn: '2019-03-02' });
  assert.deepEqual([future.statusCode, future.json().error.fields[0].field], [400, 'body.departedOn']);
  const departed = await worker.send('POST', `/api/return-homes/${rh.id}/departure`, { departedOn: '2019-02-27', note: 'Berangkat dari pelabuhan' });
  assert.deepEqual([departed.json().status, departed.json().departureConfirmedBy, departed.json().actions], ['departed', workerSession.user.username, ['arrive']]);
  assert.equal((await worker.send('POST', `/api/return-homes/${rh.id}/arrival`, { arrivedOn: '2019-02-26' })).json().error.code, 'return_home.date_order');
  const arrived = await worker.send('POST', `/api/return-homes/${rh.id}/arrival`, { arrivedOn: '2019-03-01', note: 'Diterima keluarga' });
  assert.deepEqual([arrived.json().status, arrived.json().arrivedOn, arrived.json().arrivedAt, arrived.json().actions], ['arrived', '2019-03-01', NOW.toISOString(), []]);
  assert.deepEqual(arrivals, [far.caseId]);

  // Cancelling needs a reason; afterwards a new plan may be made.
  assert.equal((await worker.send('POST', `/api/return-homes/${declared.json().id}/cancel`, { reason: 'short' })).statusCode, 400);
  const cancelled = await worker.send('POST', `/api/return-homes/${declared.json().id}/cancel`, { reason: 'Keluarga belum siap menerima' });
  assert.deepEqual([cancelled.json().status, cancelled.json().actions], ['cancelled', []]);
  assert.equal((await worker.send('POST', `/api/cases/${noNik.caseId}/return-home`, { ...plan, homeRegionCode: '65.01.02' })).statusCode, 200);
  assert.equal((await worker.get(`/api/cases/${noNik.caseId}/return-home`)).json().items.length, 2);

  // Every change audited, with the case code and never an identity value.
  const events = await db.selectFrom('audit_event').select(['action', 'summary', 'reason']).where('entity_type', 'in', ['return_home', 'case']).orderBy('seq').execute();
  const actions = events.map((e) => e.action);
  for (const a of ['case.return_home_viewed', 'return_home.planned', 'return_home.updated', 'return_home.notified', 'return_home.departed', 'return_home.arrived', 'return_home.cancelled'])
    assert.ok(actions.includes(a), `audited: ${a}`);
  const update = events.find((e) => e.action === 'return_home.updated')!;
  assert.deepEqual((update.summary as { fields: string[] }).fields, ['costRupiah', 'payer']);
  assert.equal(update.reason, 'Dana APBD daerah asal belum tersedia tahun ini');
  assert.doesNotMatch(JSON.stringify(events), /Orang Uji|\d{16}/);
});
