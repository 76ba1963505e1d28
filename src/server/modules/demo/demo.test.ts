import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyRing } from '../../platform/crypto/key-provider.ts';
import { build, testConfig, TEST_MASTER_KEY } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { seedDemo } from './demo.seed.ts';

const keys = keyRing(TEST_MASTER_KEY);

async function seeded(t: Parameters<typeof build>[0], asOf: 2018 | 2019) {
  const { app, database } = await build(t, { regions: true });
  const result = await seedDemo(database.db, testConfig(), async () => {}, { asOf, keys });
  const officer = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: officer.headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res;
  };
  const programme = (await get('/api/programmes?level=province')).json().items.find((p: { name: string }) => p.name === 'Kaltara Bebas Lokalisasi 2018');
  assert.ok(programme, 'the provincial programme is there');
  const statuses = async () =>
    Object.fromEntries((await get(`/api/programmes/${programme.id}/regions`)).json().items.map((r: { regionCode: string; status: string }) => [r.regionCode, r.status]));
  const nunukanCounts = async () => {
    const site = (await get('/api/sites?regency=65.03')).json().items.find((s: { name: string }) => s.name.startsWith('Lokalisasi Nunukan'));
    return (await get(`/api/sites/${site.id}/head-counts`)).json().items.map((c: { workers: number }) => c.workers);
  };
  return { app, database, result, get, programme, statuses, nunukanCounts };
}

test('the demo seed holds the article’s Kaltara of 18 May 2018, made through the services', async (t) => {
  const { result, programme, statuses, nunukanCounts, get, database } = await seeded(t, 2018);
  assert.deepEqual(result.steps, ['kaltara-2018', 'kaltara-2018-events', 'nunukan-people']);
  assert.equal(programme.targetDate, '2018-12-31');
  const national = (await get(`/api/programmes/${programme.parentId}`)).json();
  assert.equal(national.name, 'Indonesia Bebas Lokalisasi 2019');
  assert.deepEqual(await statuses(), { '65.01': 'closed', '65.02': 'closed', '65.03': 'scheduled', '65.04': 'not_started', '65.71': 'awaiting_readiness' });
  assert.deepEqual(await nunukanCounts(), [48, 51]);

  const letters = (await get('/api/letters?type=instruksi_gubernur')).json().items;
  assert.equal(letters.length, 1);
  assert.equal(letters[0].status, 'issued');
  assert.match(letters[0].number, /^1\//, 'the first number of the year');
  assert.equal(letters[0].recipientCount, 5);
  const pdf = await get(`/api/letters/${letters[0].id}/pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');

  const meetings = (await get('/api/meetings?type=rakor')).json().items;
  assert.equal(meetings.length, 1);
  assert.equal(meetings[0].startsAt, '2018-05-18T01:00:00.000Z', 'Friday 18 May 2018, 09:00 WITA');
  const rakor = (await get(`/api/meetings/${meetings[0].id}`)).json();
  assert.match(rakor.decisions[0].text, /rapat teknis/i);
  assert.equal(rakor.actionItems.length, 1);

  const history = await database.db.selectFrom('programme_region_status_change').select('changed_at').orderBy('changed_at', 'desc').executeTakeFirstOrThrow();
  assert.equal(new Date(history.changed_at).toISOString().slice(0, 10), '2018-05-18', 'events carry their own dates');
  const events = await database.db.selectFrom('audit_event').select('action').execute();
  assert.ok(events.some((e) => e.action === 'letter.issue'), 'the seed is audited like real work');
});

test('the demo registry: 51 fictional women on the Nunukan site, encrypted and case-coded, none of them real-looking', async (t) => {
  const { app, database, get } = await seeded(t, 2018);
  const site = (await get('/api/sites?regency=65.03')).json().items[0];
  const listed = (await get(`/api/persons?siteId=${site.id}&limit=200`)).json();
  assert.equal(listed.total, 51);
  assert.deepEqual([listed.items[0].caseCode, listed.items[50].caseCode], ['TNT-6503-000001', 'TNT-6503-000051']);
  assert.ok(listed.items.every((p: { sex: string }) => p.sex === 'female'));
  const rows = await database.db.selectFrom('person').select(['nik_bidx', 'nik_match']).execute();
  assert.equal(rows.filter((r) => r.nik_match === null).length, 7, 'six without an e-KTP, and the second listing of Nurhaliza');
  // Revealed, a name says what it is.
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  await app.inject({ method: 'POST', url: '/api/auth/reauth', headers: officer.headers, payload: { password: officer.password } });
  const revealed = await app.inject({
    method: 'POST',
    url: `/api/persons/${listed.items[50].id}/reveal`,
    headers: officer.headers,
    payload: { fields: ['fullName'], reason: 'Pelatihan dengan data demo' },
  });
  assert.equal(revealed.json().fields.fullName, 'Hj. Nur Haliza Fiktif');
});

test('seeding again adds nothing; as of 2019, Tarakan and Nunukan are closed and Nunukan’s count reads 48 → 51 → 37 → 27', async (t) => {
  const { database, statuses, nunukanCounts } = await seeded(t, 2018);
  const again = await seedDemo(database.db, testConfig(), async () => {}, { asOf: 2019, keys });
  assert.deepEqual(again.steps, ['kaltara-2018', 'kaltara-2018-events', 'nunukan-people', 'nunukan-verval', 'kaltara-2019']);
  assert.equal((await database.db.selectFrom('person').select('id').execute()).length, 51, 'no person twice');
  assert.equal((await database.db.selectFrom('person_list').select('id').execute()).length, 2, 'no list twice');
  await seedDemo(database.db, testConfig(), async () => {}, { asOf: 2019, keys });
  assert.deepEqual(await statuses(), { '65.01': 'closed', '65.02': 'closed', '65.03': 'closed', '65.04': 'not_started', '65.71': 'closed' });
  assert.deepEqual(await nunukanCounts(), [48, 51, 37, 27]);
  const programmes = await database.db.selectFrom('programme').select('id').execute();
  assert.equal(programmes.length, 2, 'no duplicate programmes');
  const letters = await database.db.selectFrom('letter').select('id').execute();
  assert.equal(letters.length, 1, 'no duplicate letters');
});

test('as of 2019, the Nunukan lists: 51 on the site manager’s list, 37 after the joint verification, fewer still eligible', async (t) => {
  const { get, programme } = await seeded(t, 2019);
  const site = (await get('/api/sites?regency=65.03')).json().items[0];
  const lists = (await get(`/api/sites/${site.id}/person-lists`)).json().items;
  assert.deepEqual(
    lists.map((l: { version: number; entryCount: number }) => [l.version, l.entryCount]).sort(),
    [
      [1, 51],
      [2, 37],
    ],
  );
  const latest = lists.find((l: { version: number }) => l.version === 2);
  const diff = (await get(`/api/person-lists/${latest.id}/diff`)).json();
  assert.equal(diff.dropped.length, 14);
  assert.ok(diff.dropped.every((d: { reason: string }) => d.reason.length > 10), 'every drop has its reason');
  const funnel = (await get(`/api/programmes/${programme.id}/verval-funnel`)).json().total;
  assert.equal(funnel.listed, 51);
  assert.equal(funnel.onLatestList, 37);
  assert.equal(funnel.verified, 37);
  assert.ok(funnel.eligible < 37 && funnel.eligible > 25, `eligible: ${funnel.eligible}`);
  assert.equal(funnel.eligible + funnel.notEligible, 37);
});

test('without events, the rakor and the instruction letter are left to record', async (t) => {
  const { database } = await build(t, { regions: true });
  const result = await seedDemo(database.db, testConfig(), async () => {}, { withoutEvents: true, keys });
  assert.deepEqual(result.steps, ['kaltara-2018', 'nunukan-people']);
  assert.equal((await database.db.selectFrom('letter').select('id').execute()).length, 0);
  assert.equal((await database.db.selectFrom('meeting').select('id').execute()).length, 0);
  assert.equal((await database.db.selectFrom('programme').select('id').execute()).length, 2);
});
