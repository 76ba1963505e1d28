import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { formatRupiah } from '../../../common/format.ts';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { makePerson, makeProgramme, nikOf } from '../verval/verval.test-support.ts';
import { PACKAGE_2018, decide } from './aid.test-support.ts';

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    send: (method: 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) }),
  };
}

test('aid schemes and entitlements, one per NIK across the registry, through HTTP', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const db = database.db;
  const province = client(app, await asUser(app, { roles: ['finance_officer'], scope: '65' }));
  const nunukan = client(app, await asUser(app, { roles: ['finance_officer'], scope: '65.03' }));
  const regencyOfficer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  const programme = await makeProgramme(app, '65');

  const twinNik = nikOf('1985-07-05', 1);
  const alya = await makePerson(app, { regencyCode: '65.03', alias: 'Alya', nik: twinNik });
  const noNik = await makePerson(app, { regencyCode: '65.03', alias: 'Tanpa NIK' });
  const refused = await makePerson(app, { regencyCode: '65.03', alias: 'Tidak layak', nik: nikOf('1990-01-01', 2) });
  // The same woman registered again in Bulungan before deduplication merged the two records.
  const alyaAgain = await makePerson(app, { regencyCode: '65.01', alias: 'Alya (lagi)', nik: twinNik });
  for (const p of [alya, noNik, alyaAgain]) await decide(db, programme, p);
  await decide(db, programme, refused, 'not_eligible');

  let schemeId = 0;
  await t.test('a scheme with the 2018 package: amounts in whole rupiah', async () => {
    const res = await province.send('POST', '/api/aid/schemes', { programmeId: programme, year: 2018, name: 'Paket Kemensos 2018', components: PACKAGE_2018 });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    schemeId = s.id;
    assert.equal(s.totalPerPerson, 5_500_000);
    assert.equal(formatRupiah(s.totalPerPerson), 'Rp 5.500.000');
    assert.deepEqual(s.actions, ['update', 'generate']);
    const again = await province.send('POST', '/api/aid/schemes', { programmeId: programme, year: 2018, name: 'Paket Kemensos 2018', components: [] });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'aid.scheme_exists');
    const twice = await province.send('POST', '/api/aid/schemes', { programmeId: programme, year: 2019, name: 'Ganda', components: [PACKAGE_2018[0], PACKAGE_2018[0]] });
    assert.equal(twice.statusCode, 400);
    assert.equal(twice.json().error.fields[0].field, 'components.code');
  });

  await t.test('a regency finance officer may not change a provincial scheme but may generate', async () => {
    const s = (await nunukan.get(`/api/aid/schemes/${schemeId}`)).json();
    assert.deepEqual(s.actions, ['generate']);
    const res = await nunukan.send('PUT', `/api/aid/schemes/${schemeId}`, { name: s.name, status: 'active', version: s.version, components: PACKAGE_2018 });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'aid.scheme_out_of_scope');
    const officer = await regencyOfficer.send('POST', `/api/aid/schemes/${schemeId}/entitlements/generate`);
    assert.equal(officer.statusCode, 403, 'generation needs aid.manage');
  });

  await t.test('generation: Nunukan first, then the province; the twin record gets nothing; idempotent', async () => {
    const first = await nunukan.send('POST', `/api/aid/schemes/${schemeId}/entitlements/generate`);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { eligiblePersons: 2, created: 6, skippedExisting: 0, skippedSameNik: 0, flaggedNoNik: 3 });
    const whole = await province.send('POST', `/api/aid/schemes/${schemeId}/entitlements/generate`);
    assert.deepEqual(whole.json(), { eligiblePersons: 3, created: 0, skippedExisting: 6, skippedSameNik: 3, flaggedNoNik: 0 });
    const again = await province.send('POST', `/api/aid/schemes/${schemeId}/entitlements/generate`);
    assert.deepEqual(again.json(), whole.json());
    const twin = (await province.get(`/api/aid/entitlements?personId=${alyaAgain}`)).json();
    assert.equal(twin.total, 0, 'one entitlement per NIK, even under another record and regency');
  });

  await t.test('the database itself refuses a second entitlement for the same NIK', async () => {
    const e = await db.selectFrom('aid_entitlement').selectAll().where('person_id', '=', alya).where('component_code', '=', 'UEP').executeTakeFirstOrThrow();
    const { id: _id, status: _s, version: _v, created_at: _c, updated_at: _u, status_changed_at: _sc, review_required: _r, review_note: _n, ...rest } = e;
    await assert.rejects(db.insertInto('aid_entitlement').values({ ...rest, person_id: alyaAgain, regency_code: '65.01' }).execute(), /unique|duplicate/i);
  });

  await t.test('lists are scoped; filters and totals', async () => {
    const all = (await nunukan.get('/api/aid/entitlements?limit=200')).json();
    assert.equal(all.total, 6);
    assert.equal(all.totalAmount, 11_000_000);
    for (const i of all.items) assert.equal(i.regencyCode, '65.03');
    const held = (await nunukan.get('/api/aid/entitlements?review=required')).json();
    assert.equal(held.total, 3);
    assert.ok(held.items.every((i: { personId: number; reviewReason: string }) => i.personId === noNik && i.reviewReason === 'no_nik'));
    const bulungan = (await nunukan.get(`/api/aid/entitlements?regency=65.01`)).json();
    assert.equal(bulungan.total, 0);
    const read = (await regencyOfficer.get('/api/aid/entitlements')).json();
    assert.equal(read.total, 6);
    assert.deepEqual(read.items[0].actions, [], 'reading without aid.manage: no actions');
  });

  await t.test('a held entitlement is released with a note; a due one cancelled with a reason, once', async () => {
    const held = (await nunukan.get('/api/aid/entitlements?review=required&componentCode=UEP')).json().items[0];
    assert.deepEqual(held.actions, ['clear_review', 'cancel']);
    const short = await nunukan.send('POST', `/api/aid/entitlements/${held.id}/clear-review`, { note: 'ok', version: held.version });
    assert.equal(short.statusCode, 400);
    const cleared = await nunukan.send('POST', `/api/aid/entitlements/${held.id}/clear-review`, { note: 'NIK dicocokkan dengan KK asli', version: held.version });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.equal(cleared.json().reviewRequired, false);
    const stale = await nunukan.send('POST', `/api/aid/entitlements/${held.id}/cancel`, { reason: 'Uji versi lama ditolak', version: held.version });
    assert.equal(stale.json().error.code, 'aid.stale');
    const cancelled = await nunukan.send('POST', `/api/aid/entitlements/${held.id}/cancel`, { reason: 'Orang menolak bantuan tertulis', version: held.version + 1 });
    assert.equal(cancelled.json().status, 'cancelled');
    const twice = await nunukan.send('POST', `/api/aid/entitlements/${held.id}/cancel`, { reason: 'Orang menolak bantuan tertulis', version: held.version + 2 });
    assert.equal(twice.json().error.code, 'aid.cannot_cancel');
    const events = await db.selectFrom('audit_event').select(['action', 'summary']).where('entity_type', '=', 'aid_entitlement').execute();
    assert.deepEqual(events.map((e) => e.action).sort(), ['aid_entitlement.cancelled', 'aid_entitlement.review_cleared']);
  });

  await t.test('a closed scheme generates nothing; components become inactive, not deleted', async () => {
    const s = (await province.get(`/api/aid/schemes/${schemeId}`)).json();
    const res = await province.send('PUT', `/api/aid/schemes/${schemeId}`, { name: s.name, status: 'closed', version: s.version, components: PACKAGE_2018.slice(0, 2) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().components.length, 3);
    assert.equal(res.json().totalPerPerson, 5_250_000);
    const gen = await province.send('POST', `/api/aid/schemes/${schemeId}/entitlements/generate`);
    assert.equal(gen.json().error.code, 'aid.scheme_closed');
  });
});
