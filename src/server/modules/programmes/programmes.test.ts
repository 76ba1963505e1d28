import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';

type Inject = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object; lang?: 'en' };

async function setup(t: Parameters<typeof build>[0]) {
  const { app } = await build(t, { regions: true, clock: () => new Date('2018-05-18T08:00:00Z') });
  const minister = await asUser(app, { roles: ['ministry_officer', 'province_officer'], scope: 'national' });
  const province = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const call = (who: SignedIn, { method, url, payload, lang }: Inject) =>
    app.inject({ method, url, payload, headers: { ...who.headers, ...(lang && { 'accept-language': lang }) } });
  const national = (await call(minister, { method: 'POST', url: '/api/programmes', payload: { level: 'national', name: 'Indonesia Bebas Lokalisasi 2019', owner: 'Kemensos', targetDate: '2019-12-31' } })).json();
  const kaltara = await call(province, {
    method: 'POST',
    url: '/api/programmes',
    payload: { level: 'province', parentId: national.id, regionCode: '65', name: 'Kaltara Bebas Lokalisasi 2018', owner: 'Dinsos Provinsi Kaltara', targetDate: '2018-12-31' },
  });
  assert.equal(kaltara.statusCode, 200, kaltara.body);
  const addRegion = async (regionCode: string, targetDate: string | null = null) => {
    const res = await call(province, { method: 'POST', url: `/api/programmes/${kaltara.json().id}/regions`, payload: { regionCode, targetDate } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { id: number; status: string; actions: string[]; nextStatuses: string[] };
  };
  const move = (who: SignedIn, regionId: number, to: string, reason = `Pindah ke ${to} sesuai hasil rakor`, extra: object = {}) =>
    call(who, { method: 'POST', url: `/api/programme-regions/${regionId}/status`, payload: { to, reason, ...extra } });
  return { app, call, minister, province, national, kaltara: kaltara.json(), addRegion, move };
}

test('status moves along the state machine; history keeps who, when, why and the evidence', async (t) => {
  const { province, addRegion, move, call } = await setup(t);
  const nunukan = await addRegion('65.03', '2018-07-31');
  assert.equal(nunukan.status, 'not_started');
  assert.deepEqual(nunukan.nextStatuses, ['preparing']);
  for (const to of ['preparing', 'scheduled', 'closing', 'closed', 'monitoring']) {
    const res = await move(province, nunukan.id, to, `Tahap ${to}: rapat teknis dan instruksi gubernur`, { evidence: 'Surat instruksi gubernur', evidenceRef: `SI/${to}/2018` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, to);
  }
  const history = (await call(province, { method: 'GET', url: `/api/programme-regions/${nunukan.id}/history` })).json().items;
  assert.deepEqual(
    history.map((h: { from: string; to: string }) => `${h.from}>${h.to}`),
    ['not_started>preparing', 'preparing>scheduled', 'scheduled>closing', 'closing>closed', 'closed>monitoring'],
  );
  assert.equal(history[0].changedBy.id, province.user.id);
  assert.equal(history[0].reason, 'Tahap preparing: rapat teknis dan instruksi gubernur');
  assert.equal(history[0].evidenceRef, 'SI/preparing/2018');
  assert.equal(history[0].changedAt, '2018-05-18T08:00:00.000Z');
});

test('an invalid transition is 409 naming both statuses, in the caller’s language; nothing is recorded', async (t) => {
  const { province, addRegion, move, call } = await setup(t);
  const nunukan = await addRegion('65.03');
  const res = await move(province, nunukan.id, 'closed');
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'programme.invalid_transition');
  assert.match(res.json().error.message, /"belum dimulai".*"ditutup"/);
  const en = await call(province, { method: 'POST', url: `/api/programme-regions/${nunukan.id}/status`, payload: { to: 'monitoring', reason: 'Pemantauan sudah berjalan' }, lang: 'en' });
  assert.match(en.json().error.message, /"not started" to "post-closure monitoring"/);
  assert.deepEqual((await call(province, { method: 'GET', url: `/api/programme-regions/${nunukan.id}/history` })).json().items, []);
  assert.equal((await call(province, { method: 'GET', url: `/api/programme-regions/${nunukan.id}` })).json().status, 'not_started');
});

test('every status change needs a reason of at least 10 characters', async (t) => {
  const { province, addRegion, move } = await setup(t);
  const nunukan = await addRegion('65.03');
  const res = await move(province, nunukan.id, 'preparing', 'rakor');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.fields[0].field, 'body.reason');
  const blank = await move(province, nunukan.id, 'preparing', '            ');
  assert.equal(blank.statusCode, 400, 'blank space is no reason');
});

test('reopening a closed site alerts the province’s and the regency’s heads of office and is marked in the audit log', async (t) => {
  const { app, province, addRegion, move, call } = await setup(t);
  const provinceHead = await asUser(app, { roles: ['head_of_office'], scope: '65' });
  const nunukanHead = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const bulunganHead = await asUser(app, { roles: ['head_of_office'], scope: '65.01' });
  const nunukan = await addRegion('65.03');
  for (const to of ['preparing', 'scheduled', 'closing', 'closed']) assert.equal((await move(province, nunukan.id, to)).statusCode, 200);
  const reopened = await move(province, nunukan.id, 'reopened', 'Laporan warga: lokasi aktif kembali sebagai tempat hiburan', { evidenceRef: 'Laporan monitoring 2019-03' });
  assert.equal(reopened.statusCode, 200, reopened.body);
  assert.deepEqual(reopened.json().nextStatuses, ['closing', 'closed']);

  for (const head of [provinceHead, nunukanHead]) {
    const n = (await call(head, { method: 'GET', url: '/api/notifications' })).json();
    assert.equal(n.unread, 1);
    assert.equal(n.items[0].kind, 'programme_reopened');
    assert.match(n.items[0].body, /Nunukan/);
  }
  assert.equal((await call(bulunganHead, { method: 'GET', url: '/api/notifications' })).json().unread, 0, 'other regencies are not told');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const event = (await call(auditor, { method: 'GET', url: '/api/audit?action=programme.status_change&limit=1' })).json().items[0];
  assert.equal(event.summary.alert, 'reopened');
  assert.equal(event.summary.notified, 2);
  assert.equal(event.summary.from, 'closed');
  assert.equal(event.regionCode, '65.03');
  assert.equal(event.reason, 'Laporan warga: lokasi aktif kembali sebagai tempat hiburan');

  assert.equal((await move(province, nunukan.id, 'closing', 'Penutupan ulang bersama Satpol PP')).statusCode, 200);
});

test('readiness: Kota Tarakan waits for the city government’s answer, then is scheduled', async (t) => {
  const { province, addRegion, move, call } = await setup(t);
  const tarakan = await addRegion('65.71', '2018-12-28');
  assert.equal((await move(province, tarakan.id, 'preparing')).statusCode, 200);
  assert.equal((await move(province, tarakan.id, 'awaiting_readiness', 'Menunggu konfirmasi kesiapan Pemkot Tarakan')).statusCode, 200);
  const asked = await call(province, {
    method: 'POST',
    url: `/api/programme-regions/${tarakan.id}/readiness`,
    payload: { askedAt: '2018-05-18', askedOf: 'Pemkot Tarakan', question: 'Kesiapan menutup lokalisasi Karang Agas dan Sungai Bengawan' },
  });
  assert.equal(asked.statusCode, 200, asked.body);
  const pending = (await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/readiness` })).json().items;
  assert.equal(pending.length, 1);
  assert.equal(pending[0].answer, null);

  const early = await call(province, { method: 'POST', url: `/api/readiness-requests/${asked.json().id}/answer`, payload: { answeredAt: '2018-05-01', answer: 'ready', answeredBy: 'Sekretariat Daerah Kota Tarakan' } });
  assert.equal(early.statusCode, 400);
  assert.equal(early.json().error.fields[0].field, 'body.answeredAt');

  const answer = { answeredAt: '2018-11-20', answer: 'ready', answeredBy: 'Sekretariat Daerah Kota Tarakan', answerNote: 'Siap ditutup akhir Desember', documentRef: '460/1234/Kesra' };
  const answered = await call(province, { method: 'POST', url: `/api/readiness-requests/${asked.json().id}/answer`, payload: answer });
  assert.equal(answered.statusCode, 200, answered.body);
  assert.equal(answered.json().answer, 'ready');
  assert.equal(answered.json().documentRef, '460/1234/Kesra');
  const again = await call(province, { method: 'POST', url: `/api/readiness-requests/${asked.json().id}/answer`, payload: answer });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'programme.already_answered');

  const scheduled = await move(province, tarakan.id, 'scheduled', 'Pemkot Tarakan menyatakan siap', { evidenceRef: '460/1234/Kesra' });
  assert.equal(scheduled.statusCode, 200);
});

test('scope: a Nunukan officer sees the national and Kaltara programmes but only Nunukan’s row; others are 404', async (t) => {
  const { app, call, minister, national, kaltara, addRegion, move } = await setup(t);
  const kaltim = (await call(minister, { method: 'POST', url: '/api/programmes', payload: { level: 'province', parentId: national.id, regionCode: '64', name: 'Kaltim Bebas Lokalisasi', owner: 'Dinsos Kaltim' } })).json();
  const nunukan = await addRegion('65.03');
  const bulungan = await addRegion('65.01');
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });

  const list = (await call(officer, { method: 'GET', url: '/api/programmes' })).json();
  assert.deepEqual(list.items.map((p: { id: number }) => p.id).sort(), [national.id, kaltara.id].sort());
  assert.equal(list.total, 2);
  assert.deepEqual(list.items.find((p: { id: number }) => p.id === kaltara.id).actions, [], 'the provincial programme is the province’s to manage');
  assert.equal((await call(officer, { method: 'GET', url: `/api/programmes/${kaltim.id}` })).statusCode, 404);

  const rows = (await call(officer, { method: 'GET', url: `/api/programmes/${kaltara.id}/regions` })).json();
  assert.deepEqual(rows.items.map((r: { regionCode: string }) => r.regionCode), ['65.03']);
  assert.equal(rows.total, 1);
  assert.deepEqual(rows.items[0].actions, ['update', 'change_status', 'request_readiness', 'answer_readiness']);
  assert.equal((await call(officer, { method: 'GET', url: `/api/programme-regions/${bulungan.id}` })).statusCode, 404);
  assert.equal((await call(officer, { method: 'GET', url: `/api/programme-regions/${bulungan.id}/history` })).statusCode, 404);
  assert.equal((await move(officer, bulungan.id, 'preparing')).statusCode, 404);
  assert.equal((await move(officer, nunukan.id, 'preparing')).statusCode, 200);
  const postponed = await call(officer, { method: 'PATCH', url: `/api/programme-regions/${nunukan.id}`, payload: { targetDate: '2019-01-10', reason: 'Dana jadup dialihkan; penutupan ditunda' } });
  assert.equal(postponed.json().targetDate, '2019-01-10');
  const notMine = await call(officer, { method: 'PATCH', url: `/api/programme-regions/${bulungan.id}`, payload: { targetDate: '2019-01-10', reason: 'Dana jadup dialihkan; penutupan ditunda' } });
  assert.equal(notMine.statusCode, 404);

  const national2 = await call(officer, { method: 'POST', url: '/api/programmes', payload: { level: 'national', name: 'Program nasional lain', owner: 'Kemensos' } });
  assert.equal(national2.statusCode, 403);
  assert.equal(national2.json().error.code, 'programme.national_only');
  const patch = await call(officer, { method: 'PATCH', url: `/api/programmes/${kaltara.id}`, payload: { targetDate: '2019-01-31' } });
  assert.equal(patch.statusCode, 403);

  const kaltimOfficer = await asUser(app, { roles: ['province_officer'], scope: '64' });
  const foreign = await call(kaltimOfficer, { method: 'POST', url: '/api/programmes', payload: { level: 'province', parentId: national.id, regionCode: '65', name: 'Program Kaltara kedua', owner: 'Dinsos' } });
  assert.equal(foreign.statusCode, 403);

  // read-only roles see the row but may not change it
  const auditor = await asUser(app, { roles: ['auditor'], scope: '65' });
  const seen = (await call(auditor, { method: 'GET', url: `/api/programme-regions/${bulungan.id}` })).json();
  assert.deepEqual([seen.actions, seen.nextStatuses], [[], []]);
});

test('the province updates its programme; changes are audited without names', async (t) => {
  const { app, call, province, kaltara } = await setup(t);
  assert.deepEqual(kaltara.actions, ['update', 'add_region']);
  const res = await call(province, { method: 'PATCH', url: `/api/programmes/${kaltara.id}`, payload: { targetDate: '2019-01-10', description: 'Nunukan ditunda' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().targetDate, '2019-01-10');
  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const event = (await call(auditor, { method: 'GET', url: '/api/audit?action=programme.update' })).json().items[0];
  assert.deepEqual(event.summary.fields, ['targetDate', 'description']);
});

test('regional rows: filter by status, sort by target date or status, pages on the server', async (t) => {
  const { call, province, kaltara, addRegion, move } = await setup(t);
  const bulungan = await addRegion('65.01', '2018-03-31');
  const malinau = await addRegion('65.02', '2018-04-30');
  await addRegion('65.03', '2018-07-31');
  await addRegion('65.04', null);
  await addRegion('65.71', '2018-12-28');
  for (const to of ['preparing', 'scheduled', 'closing', 'closed']) await move(province, bulungan.id, to);
  await move(province, malinau.id, 'preparing');
  const page = async (query: string) => (await call(province, { method: 'GET', url: `/api/programmes/${kaltara.id}/regions?${query}` })).json();

  const byDate = await page('sort=target_date&order=desc&limit=2');
  assert.equal(byDate.total, 5);
  assert.deepEqual(byDate.items.map((r: { regionCode: string }) => r.regionCode), ['65.71', '65.03']);
  const next = await page('sort=target_date&order=desc&limit=2&offset=2');
  assert.deepEqual(next.items.map((r: { regionCode: string }) => r.regionCode), ['65.02', '65.01']);
  const last = await page('sort=target_date&order=desc&limit=2&offset=4');
  assert.deepEqual(last.items.map((r: { regionCode: string }) => r.regionCode), ['65.04'], 'no target date sorts last');

  const byStatus = await page('sort=status&order=desc');
  assert.deepEqual(byStatus.items.map((r: { status: string }) => r.status), ['closed', 'preparing', 'not_started', 'not_started', 'not_started']);
  const filtered = await page('status=not_started');
  assert.equal(filtered.total, 3);
  assert.deepEqual(filtered.items.map((r: { regionCode: string }) => r.regionCode), ['65.03', '65.04', '65.71']);
});

test('validation errors name the field', async (t) => {
  const { call, province, minister, kaltara, national, addRegion } = await setup(t);
  const outside = await call(province, { method: 'POST', url: `/api/programmes/${kaltara.id}/regions`, payload: { regionCode: '64.01' } });
  assert.equal(outside.statusCode, 400);
  assert.equal(outside.json().error.fields[0].field, 'body.regionCode');
  await addRegion('65.03');
  const twice = await call(province, { method: 'POST', url: `/api/programmes/${kaltara.id}/regions`, payload: { regionCode: '65.03' } });
  assert.equal(twice.statusCode, 409);
  const badDate = await call(minister, { method: 'POST', url: '/api/programmes', payload: { level: 'national', name: 'Program X', owner: 'Kemensos', targetDate: '31-12-2019' } });
  assert.equal(badDate.statusCode, 400);
  assert.equal(badDate.json().error.fields[0].field, 'body.targetDate');
  const badStatus = await call(province, { method: 'GET', url: `/api/programmes/${kaltara.id}/regions?status=done` });
  assert.equal(badStatus.statusCode, 400);
  assert.equal(badStatus.json().error.fields[0].field, 'query.status');
  const toNational = await call(province, { method: 'POST', url: `/api/programmes/${national.id}/regions`, payload: { regionCode: '65.03' } });
  assert.equal(toNational.statusCode, 409);
  const badParent = await call(province, { method: 'POST', url: '/api/programmes', payload: { level: 'province', parentId: kaltara.id, regionCode: '65', name: 'Sub', owner: 'Dinsos' } });
  assert.equal(badParent.statusCode, 400);
  assert.equal(badParent.json().error.fields[0].field, 'body.parentId');
});

test('monitoring can reopen; a "not ready" answer sends the regency back to preparing', async (t) => {
  const { province, addRegion, move, call } = await setup(t);
  const malinau = await addRegion('65.02');
  for (const to of ['preparing', 'scheduled', 'closing', 'closed', 'monitoring', 'reopened', 'closed']) assert.equal((await move(province, malinau.id, to)).statusCode, 200, to);
  assert.equal((await move(province, malinau.id, 'not_started')).statusCode, 409, 'no way back to the start');

  const tarakan = await addRegion('65.71');
  for (const to of ['preparing', 'awaiting_readiness']) await move(province, tarakan.id, to);
  const asked = (await call(province, { method: 'POST', url: `/api/programme-regions/${tarakan.id}/readiness`, payload: { askedAt: '2018-05-18', askedOf: 'Pemkot Tarakan', question: 'Kesiapan penutupan lokalisasi' } })).json();
  await call(province, { method: 'POST', url: `/api/readiness-requests/${asked.id}/answer`, payload: { answeredAt: '2018-06-01', answer: 'not_ready', answeredBy: 'Dinsos Kota Tarakan' } });
  assert.equal((await move(province, tarakan.id, 'preparing', 'Pemkot Tarakan belum siap; anggaran pemulangan belum ada')).statusCode, 200);
});

/** The rows of a workbook's first sheet as arrays of cell values (row 1: the headers). */
async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('regions: filters (status, name, target dates) in the list and the same rows in the xlsx export, headers in my language, audited', async (t) => {
  const { app, call, province, kaltara, addRegion, move } = await setup(t);
  const nunukan = await addRegion('65.03', '2018-07-31');
  await addRegion('65.01', '2018-03-31');
  const tarakan = await addRegion('65.71', '2018-12-28');
  await move(province, nunukan.id, 'preparing');
  await move(province, tarakan.id, 'preparing');
  const base = `/api/programmes/${kaltara.id}/regions`;

  const listed = await call(province, { method: 'GET', url: `${base}?status=preparing&targetFrom=2018-06-01&sort=target_date&order=desc` });
  assert.equal(listed.statusCode, 200, listed.body);
  assert.deepEqual(listed.json().items.map((r: { regionCode: string }) => r.regionCode), ['65.71', '65.03']);
  assert.equal(listed.json().total, 2);
  const byName = await call(province, { method: 'GET', url: `${base}?q=tarakan` });
  assert.deepEqual(byName.json().items.map((r: { regionCode: string }) => r.regionCode), ['65.71']);

  const xlsx = await call(province, { method: 'GET', url: `${base}.xlsx?status=preparing&targetFrom=2018-06-01&sort=target_date&order=desc&limit=1`, lang: 'en' });
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  assert.match(String(xlsx.headers['content-disposition']), /attachment; filename="program-\d+-wilayah-2018-05-18\.xlsx"/);
  const rows = await sheetRows(xlsx.rawPayload);
  assert.deepEqual(rows[0], ['Region code', 'Regency/city', 'Status', 'Target date', 'Status changed (WIB)']);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2]]), [
    ['65.71', 'Preparing'],
    ['65.03', 'Preparing'],
  ], 'every matching row (limit is not part of an export), sorted as asked');
  assert.ok(rows[1]![3] instanceof Date && (rows[1]![3] as Date).toISOString().startsWith('2018-12-28'), 'target dates are real dates');

  const indonesian = await sheetRows((await call(province, { method: 'GET', url: `${base}.xlsx` })).rawPayload);
  assert.deepEqual(indonesian[0]!.slice(0, 3), ['Kode wilayah', 'Kabupaten/kota', 'Status']);
  assert.equal(indonesian.length, 4);

  // A regency officer exports only their own row; another province's programme is not found.
  const nunukanOfficer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const own = await sheetRows((await call(nunukanOfficer, { method: 'GET', url: `${base}.xlsx` })).rawPayload);
  assert.deepEqual(own.slice(1).map((r) => r[0]), ['65.03']);
  const bad = await call(province, { method: 'GET', url: `${base}.xlsx?status=unknown` });
  assert.equal(bad.json().error.fields[0].field, 'query.status');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?action=programme_region.exported', headers: auditor.headers })).json();
  assert.equal(events.total, 3);
  const first = events.items.find((e: { summary: { rows: number } }) => e.summary.rows === 2);
  assert.deepEqual(first.summary.filter, { status: 'preparing', targetFrom: '2018-06-01', sort: 'target_date', order: 'desc' });
});

test('status history and readiness requests page and filter on the server', async (t) => {
  const { call, province, addRegion, move } = await setup(t);
  const tarakan = await addRegion('65.71');
  for (const to of ['preparing', 'awaiting_readiness', 'preparing']) assert.equal((await move(province, tarakan.id, to)).statusCode, 200);
  const page = await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/history?order=desc&limit=2` });
  assert.equal(page.statusCode, 200, page.body);
  assert.equal(page.json().total, 3);
  assert.deepEqual(page.json().items.map((c: { from: string; to: string }) => `${c.from}>${c.to}`), ['awaiting_readiness>preparing', 'preparing>awaiting_readiness']);

  const ask = (askedAt: string) =>
    call(province, { method: 'POST', url: `/api/programme-regions/${tarakan.id}/readiness`, payload: { askedAt, askedOf: 'Pemerintah Kota Tarakan', question: 'Apakah pemkot siap menutup lokalisasi?' } });
  const first = (await ask('2018-05-20')).json();
  await ask('2018-06-20');
  await call(province, { method: 'POST', url: `/api/readiness-requests/${first.id}/answer`, payload: { answeredAt: '2018-06-01', answer: 'not_ready', answeredBy: 'Sekretaris Daerah' } });
  const open = await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/readiness?answered=false` });
  assert.deepEqual(open.json().items.map((r: { askedAt: string }) => r.askedAt), ['2018-06-20']);
  assert.equal(open.json().total, 1);
  const all = await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/readiness` });
  assert.equal(all.json().total, 2);
});

test('programmes list: search by name or owner and sort by target date', async (t) => {
  const { call, province, minister, national } = await setup(t);
  const found = await call(province, { method: 'GET', url: '/api/programmes?q=kaltara' });
  assert.deepEqual(found.json().items.map((p: { name: string }) => p.name), ['Kaltara Bebas Lokalisasi 2018']);
  const byOwner = await call(province, { method: 'GET', url: '/api/programmes?q=kemensos' });
  assert.deepEqual(byOwner.json().items.map((p: { id: number }) => p.id), [national.id]);
  const sorted = await call(minister, { method: 'GET', url: '/api/programmes?sort=target_date' });
  assert.deepEqual(sorted.json().items.map((p: { targetDate: string }) => p.targetDate), ['2018-12-31', '2019-12-31']);
});

test('programmes.xlsx: the list’s filters and sort, every row, headers in my language; programmes outside my region stay out; audited', async (t) => {
  const { app, call, minister, province, national } = await setup(t);
  const kaltim = await call(minister, {
    method: 'POST',
    url: '/api/programmes',
    payload: { level: 'province', parentId: national.id, regionCode: '64', name: 'Kaltim Bebas Lokalisasi', owner: 'Dinsos Provinsi Kaltim', targetDate: '2019-06-30' },
  });
  assert.equal(kaltim.statusCode, 200, kaltim.body);

  const en = await call(minister, { method: 'GET', url: '/api/programmes.xlsx?level=province&sort=-target_date&limit=1', lang: 'en' });
  assert.equal(en.statusCode, 200, en.body);
  assert.match(String(en.headers['content-type']), /spreadsheetml/);
  assert.match(String(en.headers['content-disposition']), /attachment; filename="program-2018-05-18\.xlsx"/);
  const rows = await sheetRows(en.rawPayload);
  assert.deepEqual(rows[0], ['Level', 'Name', 'Owner', 'Province code', 'Target date', 'Description']);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1], r[3]]), [
    ['Provincial', 'Kaltim Bebas Lokalisasi', '64'],
    ['Provincial', 'Kaltara Bebas Lokalisasi 2018', '65'],
  ], 'every matching row (limit is not part of an export), sorted as asked');
  assert.ok(rows[2]![4] instanceof Date && (rows[2]![4] as Date).toISOString().startsWith('2018-12-31'), 'target dates are real dates');

  // A Kaltara officer sees the national programme and Kaltara's, not Kaltim's; headers in Indonesian.
  const own = await sheetRows((await call(province, { method: 'GET', url: '/api/programmes.xlsx' })).rawPayload);
  assert.deepEqual(own[0]!.slice(0, 3), ['Tingkat', 'Nama', 'Penanggung jawab']);
  assert.deepEqual(own.slice(1).map((r) => [r[0], r[1]]), [
    ['Nasional', 'Indonesia Bebas Lokalisasi 2019'],
    ['Provinsi', 'Kaltara Bebas Lokalisasi 2018'],
  ]);
  const search = await sheetRows((await call(province, { method: 'GET', url: '/api/programmes.xlsx?q=kemensos' })).rawPayload);
  assert.deepEqual(search.slice(1).map((r) => r[1]), ['Indonesia Bebas Lokalisasi 2019']);
  const bad = await call(province, { method: 'GET', url: '/api/programmes.xlsx?sort=owner' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].field, 'query.sort');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?action=programme.exported', headers: auditor.headers })).json();
  assert.equal(events.total, 3);
  const first = events.items.find((e: { summary: { rows: number; filter: { level?: string } } }) => e.summary.filter.level === 'province');
  assert.deepEqual(first.summary.filter, { level: 'province', sort: '-target_date' });
  assert.equal(first.summary.rows, 2);
});

test('history.xlsx and readiness.xlsx: the lists’ order and filter, every row, in my language; out of scope is 404; audited', async (t) => {
  const { app, call, province, addRegion, move } = await setup(t);
  const tarakan = await addRegion('65.71');
  for (const to of ['preparing', 'awaiting_readiness', 'preparing'])
    assert.equal((await move(province, tarakan.id, to, `Ke ${to}: hasil rakor Nunukan`, { evidenceRef: `SI/${to}` })).statusCode, 200);

  const history = await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/history.xlsx?order=desc&limit=1`, lang: 'en' });
  assert.equal(history.statusCode, 200, history.body);
  assert.match(String(history.headers['content-disposition']), /attachment; filename="program-\d+-65\.71-riwayat-status-2018-05-18\.xlsx"/);
  const changes = await sheetRows(history.rawPayload);
  assert.deepEqual(changes[0], ['When (WIB)', 'From', 'To', 'By', 'Reason', 'Evidence', 'Evidence reference']);
  assert.deepEqual(changes.slice(1).map((r) => [r[1], r[2], r[3], r[6]]), [
    ['Awaiting local-government readiness', 'Preparing', province.user.username, 'SI/preparing'],
    ['Preparing', 'Awaiting local-government readiness', province.user.username, 'SI/awaiting_readiness'],
    ['Not started', 'Preparing', province.user.username, 'SI/preparing'],
  ], 'every change (limit is not part of an export), newest first');
  assert.equal((changes[1]![0] as Date).toISOString(), '2018-05-18T15:00:00.000Z', 'the time is WIB wall-clock time');
  const historyId = await sheetRows((await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/history.xlsx` })).rawPayload);
  assert.deepEqual(historyId[0]!.slice(0, 3), ['Waktu (WIB)', 'Dari', 'Menjadi']);
  assert.equal(historyId[1]![1], 'Belum dimulai', 'oldest first by default');

  const ask = (askedAt: string) =>
    call(province, { method: 'POST', url: `/api/programme-regions/${tarakan.id}/readiness`, payload: { askedAt, askedOf: 'Pemerintah Kota Tarakan', question: 'Apakah pemkot siap menutup lokalisasi?' } });
  const first = (await ask('2018-05-20')).json();
  await ask('2018-06-20');
  await call(province, { method: 'POST', url: `/api/readiness-requests/${first.id}/answer`, payload: { answeredAt: '2018-06-01', answer: 'not_ready', answeredBy: 'Sekretaris Daerah' } });
  const answered = await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/readiness.xlsx?answered=true`, lang: 'en' });
  assert.equal(answered.statusCode, 200, answered.body);
  assert.match(String(answered.headers['content-disposition']), /filename="program-\d+-65\.71-kesiapan-2018-05-18\.xlsx"/);
  const requests = await sheetRows(answered.rawPayload);
  assert.deepEqual(requests[0]!.slice(0, 6), ['Asked on', 'Asked of', 'Question', 'Answered on', 'Answer', 'Answered by']);
  assert.deepEqual(requests.slice(1).map((r) => [r[1], r[4], r[5]]), [['Pemerintah Kota Tarakan', 'Not ready', 'Sekretaris Daerah']]);
  assert.ok(requests[1]![0] instanceof Date && (requests[1]![0] as Date).toISOString().startsWith('2018-05-20'), 'dates are real dates');
  const all = await sheetRows((await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/readiness.xlsx` })).rawPayload);
  assert.deepEqual(all.slice(1).map((r) => [r[4] ?? null]), [['Belum siap'], [null]]);

  // A Nunukan officer cannot see Tarakan's row: 404, nothing exported.
  const nunukanOfficer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  assert.equal((await call(nunukanOfficer, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/history.xlsx` })).statusCode, 404);
  assert.equal((await call(nunukanOfficer, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/readiness.xlsx` })).statusCode, 404);
  assert.equal((await call(province, { method: 'GET', url: `/api/programme-regions/${tarakan.id}/readiness.xlsx?answered=maybe` })).statusCode, 400);

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const historyEvents = (await app.inject({ method: 'GET', url: '/api/audit?action=programme_region.history.exported', headers: auditor.headers })).json();
  assert.equal(historyEvents.total, 2);
  const desc = historyEvents.items.find((e: { summary: { filter: { order: string } } }) => e.summary.filter.order === 'desc');
  assert.deepEqual([desc.entityId, desc.summary.rows], [String(tarakan.id), 3]);
  const readinessEvents = (await app.inject({ method: 'GET', url: '/api/audit?action=programme_region.readiness.exported', headers: auditor.headers })).json();
  assert.equal(readinessEvents.total, 2);
  assert.ok(readinessEvents.items.some((e: { summary: { filter: object; rows: number } }) => e.summary.rows === 1 && JSON.stringify(e.summary.filter) === '{"answered":true}'));
});
