import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object, lang = 'id') => app.inject({ method: 'POST', url, headers: { ...who.headers, 'accept-language': lang }, payload }),
  };
}

const woman = (fullName: string, extra: Record<string, unknown>) => ({ fullName, sex: 'female', lawfulBasis: 'public_task', regencyCode: '65.03', ...extra });

test('the review queue: a run finds spelling variants and the same NIK across regions; merges hide a record and are reversible; cross-region pairs go to the province', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const nunukan = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const province = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const worker = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const as = (who: SignedIn) => client(app, who);
  const create = async (body: object) => {
    const res = await as(province).post('/api/persons', body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { id: number; caseCode: string };
  };

  // The site manager's list holds the same woman twice; Bulungan registered her too, with her e-KTP.
  const nurhaliza = await create(woman('Nurhaliza Fiktif', { nik: '6503025104900001', birthDate: '1990-04-11' }));
  const nurHaliza = await create(woman('Hj. Nur Haliza Fiktif', { birthDate: '1990-11-04', phone: '080065030051' }));
  const inBulungan = await create(woman('Nurhaliza Fiktif', { nik: '6503 0251 0490 0001', regencyCode: '65.01' }));
  const other = await create(woman('Wati Susanti Fiktif', { nik: '6503025707850002', birthDate: '1985-07-17' }));

  const started = await as(nunukan).post('/api/duplicates/runs', { mode: 'new' });
  assert.equal(started.statusCode, 200, started.body);
  assert.equal((await as(nunukan).post('/api/duplicates/runs', { mode: 'new' })).statusCode, 409, 'one run at a time');
  await app.services.jobs.runUntilIdle();
  const run = (await as(nunukan).get(`/api/duplicates/runs/${started.json().id}`)).json();
  assert.equal(run.status, 'done');
  assert.equal(run.persons, 4);

  const queue = (await as(nunukan).get('/api/duplicates')).json();
  const pairOf = (x: number, y: number) =>
    queue.items.find((c: { a: { id: number }; b: { id: number } }) => [c.a.id, c.b.id].sort().join() === [x, y].sort().join());
  const spelling = pairOf(nurhaliza.id, nurHaliza.id);
  assert.ok(spelling, `the spelling variants are a candidate: ${JSON.stringify(queue.items)}`);
  assert.deepEqual(spelling.actions, ['decide']);
  const crossRegion = pairOf(nurhaliza.id, inBulungan.id);
  assert.ok(crossRegion, 'the same NIK in another regency is a candidate');
  assert.ok(crossRegion.reasons.includes('same_nik'), JSON.stringify(crossRegion.reasons));
  const bulunganSide = crossRegion.a.id === inBulungan.id ? crossRegion.a : crossRegion.b;
  assert.deepEqual([bulunganSide.visible, bulunganSide.alias, bulunganSide.siteCode], [false, null, null], 'the other regency’s side: case code and region only');
  assert.deepEqual(crossRegion.actions, [], 'a regency decides only pairs inside it');
  assert.equal(pairOf(nurhaliza.id, other.id), undefined, 'different women are not paired');
  assert.equal((await as(worker).get('/api/duplicates')).json().total, 0, 'a case worker with no cases sees no pair');

  // Merge: the kept record stays, the other leaves the lists (but not the database).
  const keepA = spelling.a.id === nurhaliza.id ? 'a' : 'b';
  assert.equal((await as(nunukan).post(`/api/duplicates/${spelling.id}/decision`, { decision: 'merged', keep: keepA, reason: 'x' })).statusCode, 400, 'a reason is needed');
  const merged = await as(nunukan).post(`/api/duplicates/${spelling.id}/decision`, { decision: 'merged', keep: keepA, reason: 'Orang yang sama, dicek dengan e-KTP' });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.deepEqual([merged.json().status, merged.json().actions], ['merged', ['reopen']]);
  const listed = async () => (await as(nunukan).get('/api/persons?regency=65.03&limit=200')).json().items.map((p: { id: number }) => p.id);
  assert.ok(!(await listed()).includes(nurHaliza.id));
  const mergedOnes = (await as(nunukan).get('/api/persons?merged=only')).json().items;
  assert.deepEqual(
    mergedOnes.map((p: { id: number; mergedIntoId: number }) => [p.id, p.mergedIntoId]),
    [[nurHaliza.id, nurhaliza.id]],
  );
  assert.equal((await as(nunukan).post(`/api/duplicates/${spelling.id}/decision`, { decision: 'not_duplicate', reason: 'Berubah pikiran' })).statusCode, 409);

  // Undo: both records stand on their own again; the history keeps both steps.
  const reopened = await as(nunukan).post(`/api/duplicates/${spelling.id}/reopen`, { reason: 'Tanggal lahir berbeda, periksa ulang' });
  assert.equal(reopened.statusCode, 200, reopened.body);
  assert.equal(reopened.json().status, 'open');
  assert.ok((await listed()).includes(nurHaliza.id));
  const history = (await as(nunukan).get(`/api/duplicates/${spelling.id}/history`)).json().items;
  assert.deepEqual(
    history.map((h: { decision: string }) => h.decision),
    ['merged', 'reopened'],
  );
  // Parking a pair as undecided needs a reason too.
  assert.equal((await as(nunukan).post(`/api/duplicates/${spelling.id}/decision`, { decision: 'undecided' })).statusCode, 400, 'a reason is needed');
  const parked = await as(nunukan).post(`/api/duplicates/${spelling.id}/decision`, { decision: 'undecided', reason: 'Tunggu e-KTP keduanya' });
  assert.equal(parked.statusCode, 200, parked.body);
  assert.deepEqual([parked.json().status, parked.json().actions], ['undecided', ['decide']]);

  // Across regencies: the province decides. A full run later leaves its decision alone.
  const refused = await as(nunukan).post(`/api/duplicates/${crossRegion.id}/decision`, { decision: 'not_duplicate', reason: 'Bukan orang yang sama' }, 'en');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().error.message, /decided by the province/);
  const decided = await as(province).post(`/api/duplicates/${crossRegion.id}/decision`, { decision: 'not_duplicate', reason: 'Kembar, dua orang berbeda' });
  assert.equal(decided.statusCode, 200, decided.body);
  await as(province).post('/api/duplicates/runs', { mode: 'full' });
  await app.services.jobs.runUntilIdle();
  assert.equal((await as(province).get(`/api/duplicates/${crossRegion.id}`)).json().status, 'not_duplicate');

  // Audited with reasons; blocking keys are integers (blind indexes), no name anywhere in the dedup tables.
  const events = await database.db.selectFrom('audit_event').select(['action', 'reason']).where('action', 'like', 'duplicate.%').orderBy('seq').execute();
  assert.deepEqual(
    events.map((e) => e.action),
    ['duplicate.run_started', 'duplicate.decided', 'duplicate.reopened', 'duplicate.decided', 'duplicate.decided', 'duplicate.run_started'],
  );
  assert.equal(events[1]!.reason, 'Orang yang sama, dicek dengan e-KTP');
  assert.equal(events[3]!.reason, 'Tunggu e-KTP keduanya');
  const keys = await database.db.selectFrom('person').select('block_keys').where('id', '=', nurhaliza.id).executeTakeFirstOrThrow();
  assert.ok(keys.block_keys!.length > 0 && keys.block_keys!.every((k) => Number.isInteger(k)));
  const stored = JSON.stringify(await database.db.selectFrom('dedup_candidate').selectAll().execute());
  assert.doesNotMatch(stored, /Haliza|6503025104900001/i);

  // A person whose processing is restricted (a data-subject request) is left out of matching.
  const restricted = await create(woman('Wati Susanti Fiktif', { birthDate: '1985-07-17' }));
  await database.db.updateTable('person').set({ processing_restricted: true }).where('id', '=', restricted.id).execute();
  await as(province).post('/api/duplicates/runs', { mode: 'new' });
  await app.services.jobs.runUntilIdle();
  const left = await database.db.selectFrom('person').select('block_keys').where('id', '=', restricted.id).executeTakeFirstOrThrow();
  assert.equal(left.block_keys, null);
  const queued = (await as(province).get('/api/duplicates?limit=200')).json().items;
  assert.ok(!queued.some((c: { a: { id: number }; b: { id: number } }) => c.a.id === restricted.id || c.b.id === restricted.id));
});
