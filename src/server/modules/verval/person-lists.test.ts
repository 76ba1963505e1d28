import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { SYSTEM, makePerson, makeSite, nikOf } from './verval.test-support.ts';

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object) => app.inject({ method: 'POST', url, headers: who.headers, payload }),
  };
}

test('person lists: versions with added and dropped persons and their reasons, diffs, scope and caseload', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const officer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  const bulungan = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.01' }));
  const workerSession = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = client(app, workerSession);

  const siteId = await makeSite(app, '65.03.02', 'Lokalisasi Nunukan Uji');
  const otherSite = await makeSite(app, '65.01.01', 'Lokalisasi Bulungan Uji');
  const p = [] as number[];
  for (let i = 1; i <= 5; i++)
    p.push(await makePerson(app, { regencyCode: '65.03', siteId, alias: `Mawar ${i}`, nik: nikOf('1990-01-1' + i, i), ...(i === 2 ? { assignedUserId: workerSession.user.id } : {}) }));
  const [p1, p2, p3, p4, p5] = p as [number, number, number, number, number];
  const foreigner = await makePerson(app, { regencyCode: '65.01', siteId: otherSite });
  const codes = new Map<number, string>();
  for (const id of [...p, foreigner]) codes.set(id, (await app.services.persons.get(SYSTEM, id)).caseCode);

  const url = `/api/sites/${siteId}/person-lists`;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;

  await t.test('the first version is the whole list, pseudonymous', async () => {
    const res = await officer.post(url, { source: 'site_manager', listDate: '2018-05-14', note: 'Daftar pengelola', personIds: [p1, p2, p3, p4] });
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json();
    v1 = list.id;
    assert.deepEqual([list.version, list.entryCount, list.addedCount, list.droppedCount, list.previousId], [1, 4, 0, 0, null]);
    assert.deepEqual(Object.keys(list.entries[0]).sort(), ['alias', 'caseCode', 'personId', 'sex']);
    assert.equal(list.entries[0].alias, 'Mawar 1');
    assert.doesNotMatch(res.body, /Orang Uji Verval|650302/, 'no name or NIK in a list');
  });

  await t.test('dropping needs a reason; each problem is named at its field', async () => {
    const noReason = await officer.post(url, { source: 'joint_verification', listDate: '2018-06-01', drop: [{ personId: p1, reason: '' }] });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.json().error.fields.some((f: { field: string }) => f.field === 'body.drop.0.reason'), noReason.body);

    // A whole list that leaves someone out without a reason: the case code is named, not the person.
    const silent = await officer.post(url, { source: 'dinsos_count', listDate: '2018-06-01', fromPrevious: false, personIds: [p2, p3, p4, p5] });
    assert.equal(silent.statusCode, 400);
    const field = silent.json().error.fields.find((f: { field: string }) => f.field === 'body.drop');
    assert.ok(field?.message.includes(codes.get(p1)!), silent.body);

    const bad = await officer.post(url, {
      source: 'joint_verification',
      listDate: '2018-06-01',
      add: [{ personId: foreigner }, { personId: p2 }, { personId: 999999 }],
      drop: [{ personId: p5, reason: 'Tidak ada' }],
    });
    assert.equal(bad.statusCode, 400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field).sort();
    assert.deepEqual(fields, ['body.add.0.personId', 'body.add.1.personId', 'body.add.2.personId', 'body.drop.0.personId']);
  });

  await t.test('a version from the previous one records who was added and who dropped, with reasons', async () => {
    const res = await officer.post(url, {
      source: 'joint_verification',
      listDate: '2018-06-20',
      add: [{ personId: p5, reason: 'Datang setelah pendataan' }],
      drop: [{ personId: p1, reason: 'Tidak memiliki e-KTP' }],
    });
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json();
    v2 = list.id;
    assert.deepEqual([list.version, list.entryCount, list.addedCount, list.droppedCount, list.previousId], [2, 4, 1, 1, v1]);
    const byPerson = new Map(list.changes.map((c: { personId: number }) => [c.personId, c]));
    assert.deepEqual(byPerson.get(p1), { personId: p1, caseCode: codes.get(p1), alias: 'Mawar 1', sex: 'female', change: 'dropped', reason: 'Tidak memiliki e-KTP', version: 2 });
    assert.equal((byPerson.get(p5) as { reason: string }).reason, 'Datang setelah pendataan');
  });

  await t.test('a third version brings one back and drops another; diffs net the changes between any two versions', async () => {
    const res = await officer.post(url, {
      source: 'joint_verification',
      listDate: '2018-07-02',
      add: [{ personId: p1, reason: 'e-KTP sudah terbit' }],
      drop: [{ personId: p5, reason: 'Pulang ke daerah asal' }],
    });
    assert.equal(res.statusCode, 200, res.body);
    v3 = res.json().id;

    const d32 = (await officer.get(`/api/person-lists/${v3}/diff`)).json();
    assert.deepEqual(d32.from, { id: v2, version: 2 });
    assert.deepEqual(d32.added.map((c: { personId: number; reason: string }) => [c.personId, c.reason]), [[p1, 'e-KTP sudah terbit']]);
    assert.deepEqual(d32.dropped.map((c: { personId: number; reason: string }) => [c.personId, c.reason]), [[p5, 'Pulang ke daerah asal']]);
    assert.equal(d32.unchanged, 3);

    const d31 = (await officer.get(`/api/person-lists/${v3}/diff?from=${v1}`)).json();
    assert.deepEqual([d31.added, d31.dropped, d31.unchanged], [[], [], 4]);

    const d21 = (await officer.get(`/api/person-lists/${v2}/diff`)).json();
    assert.deepEqual(d21.dropped.map((c: { reason: string }) => c.reason), ['Tidak memiliki e-KTP']);

    const backwards = await officer.get(`/api/person-lists/${v1}/diff?from=${v3}`);
    assert.equal(backwards.statusCode, 400);
    assert.equal(backwards.json().error.code, 'verval.diff_order');
  });

  await t.test('a site’s versions, newest first, with counts', async () => {
    const res = await officer.get(url);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(
      body.items.map((l: { version: number; entryCount: number; addedCount: number; droppedCount: number }) => [l.version, l.entryCount, l.addedCount, l.droppedCount]),
      [
        [3, 4, 1, 1],
        [2, 4, 1, 1],
        [1, 4, 0, 0],
      ],
    );
    assert.deepEqual(body.actions, ['create_version']);
  });

  await t.test('another region: 404; a case worker sees their caseload only and may not create', async () => {
    assert.equal((await bulungan.get(url)).statusCode, 404);
    assert.equal((await bulungan.get(`/api/person-lists/${v1}`)).statusCode, 404);
    assert.equal((await bulungan.get(`/api/person-lists/${v3}/diff`)).statusCode, 404);
    assert.equal((await bulungan.post(url, { source: 'site_manager', listDate: '2018-05-14', personIds: [p1] })).statusCode, 404);

    const seen = (await worker.get(`/api/person-lists/${v1}`)).json();
    assert.deepEqual(seen.entries.map((e: { personId: number }) => e.personId), [p2]);
    assert.equal(seen.hiddenCount, 3);
    const diff = (await worker.get(`/api/person-lists/${v2}/diff`)).json();
    assert.deepEqual([diff.added.length, diff.dropped.length, diff.hiddenCount], [0, 0, 2]);
    assert.deepEqual((await worker.get(url)).json().actions, []);
    assert.equal((await worker.post(url, { source: 'site_manager', listDate: '2018-05-14', personIds: [p2] })).statusCode, 403);
  });

  await t.test('a record merged into another by the duplicate review cannot be listed: the record that stays is', async () => {
    const twin = await makePerson(app, { regencyCode: '65.03', siteId });
    await database.db.updateTable('person').set({ merged_into_id: p2, merged_at: new Date() }).where('id', '=', twin).execute();
    const res = await officer.post(url, { source: 'joint_verification', listDate: '2018-07-10', add: [{ personId: twin }] });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().error.fields.map((f: { field: string }) => f.field), ['body.add.0.personId']);
  });

  await t.test('each version is audited with counts, never identities', async () => {
    const events = await database.db.selectFrom('audit_event').select(['entity_id', 'region_code', 'summary']).where('action', '=', 'person_list.created').orderBy('seq').execute();
    assert.deepEqual(
      events.map((e) => [e.entity_id, e.region_code]),
      [v1, v2, v3].map((id) => [String(id), '65.03']),
    );
    const summary = (typeof events[1]!.summary === 'string' ? JSON.parse(events[1]!.summary) : events[1]!.summary) as Record<string, unknown>;
    assert.deepEqual({ version: summary.version, entries: summary.entries, added: summary.added, dropped: summary.dropped }, { version: 2, entries: 4, added: 1, dropped: 1 });
  });
});
