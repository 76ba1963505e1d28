import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { SYSTEM, makeList, makePerson, makeProgramme, makeSite, setRules } from './verval.test-support.ts';

test('the funnel: listed → verified → eligible per site, regency/city and in total (JSON and xlsx)', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const programme = await makeProgramme(app, '65');
  await setRules(app, programme, [{ code: 'ektp_seen' }]);

  // Nunukan: 10 listed; the joint verification's version drops one; 7 verified, 5 of them eligible.
  const nunukan = await makeSite(app, '65.03.02', 'Lokalisasi Nunukan');
  const people: number[] = [];
  for (let i = 0; i < 10; i++) people.push(await makePerson(app, { regencyCode: '65.03', siteId: nunukan }));
  await makeList(app, nunukan, people, '2018-05-14');
  await app.services.personLists.create(SYSTEM, nunukan, {
    source: 'joint_verification',
    listDate: '2018-06-20',
    note: '',
    fromPrevious: true,
    personIds: [],
    add: [],
    drop: [{ personId: people[9]!, reason: 'Pindah ke luar daerah' }],
  });
  for (const [i, id] of people.slice(0, 7).entries()) {
    const seen = i < 5;
    await app.services.verifications.verify(SYSTEM, programme, id, { ektpSeen: seen, decision: seen ? 'eligible' : 'not_eligible' });
  }
  // The head of office takes one not-eligible person after all, with a reason: still verified, now eligible.
  await app.services.verifications.decide(SYSTEM, programme, people[6]!, { decision: 'eligible', reason: 'e-KTP diserahkan sesudah verifikasi' });
  await app.services.verifications.verify(SYSTEM, programme, people[6]!, { decision: 'not_eligible' }); // and back: confirmed
  await app.services.verifications.evaluateOne(SYSTEM, programme, people[7]!); // evaluated, not decided

  // Bulungan: 2 listed, none verified.
  const bulungan = await makeSite(app, '65.01.01', 'Lokalisasi Bulungan');
  await makeList(app, bulungan, [await makePerson(app, { regencyCode: '65.01', siteId: bulungan }), await makePerson(app, { regencyCode: '65.01', siteId: bulungan })]);

  const provinceOfficer = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const nunukanOfficer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const worker = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const url = `/api/programmes/${programme}/verval-funnel`;

  await t.test('the province sees both regencies; the counts of each stage', async () => {
    const res = await app.inject({ method: 'GET', url, headers: provinceOfficer.headers });
    assert.equal(res.statusCode, 200, res.body);
    const f = res.json();
    const nun = f.sites.find((s: { siteId: number }) => s.siteId === nunukan);
    assert.deepEqual(
      { listed: nun.listed, onLatestList: nun.onLatestList, evaluated: nun.evaluated, verified: nun.verified, eligible: nun.eligible, notEligible: nun.notEligible, overridden: nun.overridden },
      { listed: 10, onLatestList: 9, evaluated: 8, verified: 7, eligible: 5, notEligible: 2, overridden: 0 },
    );
    assert.deepEqual(
      f.regencies.map((r: { regencyCode: string; listed: number; eligible: number }) => [r.regencyCode, r.listed, r.eligible]),
      [
        ['65.01', 2, 0],
        ['65.03', 10, 5],
      ],
    );
    assert.deepEqual([f.total.listed, f.total.verified, f.total.eligible], [12, 7, 5]);
  });

  await t.test('a regency sees its own sites only; the regency filter narrows; no report permission, no funnel', async () => {
    const own = (await app.inject({ method: 'GET', url, headers: nunukanOfficer.headers })).json();
    assert.deepEqual(own.sites.map((s: { siteId: number }) => s.siteId), [nunukan]);
    assert.equal(own.total.listed, 10);
    const narrowed = (await app.inject({ method: 'GET', url: `${url}?regency=65.01`, headers: provinceOfficer.headers })).json();
    assert.deepEqual(narrowed.sites.map((s: { siteId: number }) => s.siteId), [bulungan]);
    assert.equal((await app.inject({ method: 'GET', url, headers: worker.headers })).statusCode, 403);
  });

  await t.test('a listed record merged into another listed record by the duplicate review counts once', async () => {
    await database.db.updateTable('person').set({ merged_into_id: people[0]!, merged_at: new Date() }).where('id', '=', people[8]!).execute();
    try {
      const f = (await app.inject({ method: 'GET', url, headers: nunukanOfficer.headers })).json();
      assert.deepEqual([f.total.listed, f.total.onLatestList, f.total.verified], [9, 8, 7]);
      const review = (await app.inject({ method: 'GET', url: `/api/programmes/${programme}/verifications?siteId=${nunukan}`, headers: nunukanOfficer.headers })).json();
      assert.equal(review.total, 9);
      assert.ok(!review.items.some((v: { personId: number }) => v.personId === people[8]));
      const merged = await app.inject({ method: 'GET', url: `/api/programmes/${programme}/verifications/${people[8]}`, headers: nunukanOfficer.headers });
      assert.equal(merged.statusCode, 404);
    } finally {
      await database.db.updateTable('person').set({ merged_into_id: null, merged_at: null }).where('id', '=', people[8]!).execute(); // merges are reversible
    }
  });

  await t.test('the xlsx has a row per site, per regency and the total; the export is audited', async () => {
    const res = await app.inject({ method: 'GET', url: `${url}.xlsx`, headers: provinceOfficer.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /corong-verval-/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    assert.equal(rows.length, 1 + 2 + 2 + 1, 'header, two sites, two regencies, total');
    const total = rows.at(-1)!;
    assert.deepEqual([total[1], total[6], total[9], total[10]], ['Jumlah', 12, 7, 5]);
    const events = await database.db.selectFrom('audit_event').select('action').where('action', '=', 'verval_funnel.exported').execute();
    assert.equal(events.length, 1);
  });
});
