import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';

/** An app with regions loaded and a signed-in user; `get(url)` sends the user's session. */
async function signedIn(t: Parameters<typeof build>[0], regions = true) {
  const { app } = await build(t, { regions });
  const { headers } = await asUser(app, { roles: ['regency_officer'], scope: regions ? '65.03' : 'national' });
  const get = (url: string, extra: InjectOptions['headers'] = {}) => app.inject({ method: 'GET', url, headers: { ...headers, ...extra } });
  return { app, get };
}

const KALTARA = [
  { code: '65.01', name: 'Kabupaten Bulungan' },
  { code: '65.02', name: 'Kabupaten Malinau' },
  { code: '65.03', name: 'Kabupaten Nunukan' },
  { code: '65.04', name: 'Kabupaten Tana Tidung' },
  { code: '65.71', name: 'Kota Tarakan' },
];

test('the region import job loads the official lists with progress', async (t) => {
  const { app, get } = await signedIn(t, false);
  const jobId = await app.services.regions.startImport(false);
  const queued = await get(`/api/jobs/${jobId}`);
  assert.equal(queued.json().status, 'queued');
  // A second request while one is queued gets the same job, not a second import.
  assert.equal(await app.services.regions.startImport(false), jobId);

  await app.services.jobs.runUntilIdle();
  const done = (await get(`/api/jobs/${jobId}`)).json();
  assert.equal(done.status, 'succeeded');
  assert.equal(done.progress.done, done.progress.total);

  const summary = (await get('/api/regions/summary')).json();
  assert.deepEqual(summary.counts, { province: 38, regency: 514, district: 7285, village: 0, former: 5 });
  assert.equal(summary.lastImport.id, jobId);
});

test('GET /api/regions?parent=65 lists Kalimantan Utara’s five regencies/cities', async (t) => {
  const { get } = await signedIn(t);
  const res = await get('/api/regions?parent=65');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.total, 5);
  assert.deepEqual(
    body.items.map((r: { code: string; name: string }) => ({ code: r.code, name: r.name })),
    KALTARA,
  );
  const nunukan = body.items.find((r: { code: string }) => r.code === '65.03');
  assert.equal(nunukan.level, 'regency');
  assert.equal(nunukan.parentCode, '65');
  assert.equal(nunukan.childCount, 21);
});

test('search by name is case-insensitive and treats % and _ literally', async (t) => {
  const { get } = await signedIn(t);
  const res = await get('/api/regions?q=NUNUKAN');
  const codes = res.json().items.map((r: { code: string }) => r.code);
  assert.deepEqual(codes, ['12.13.22', '65.03', '65.03.02', '65.03.09']);
  const wildcard = await get('/api/regions?q=%25%25');
  assert.equal(wildcard.json().total, 0);
  const withinKaltara = await get('/api/regions?parent=65&q=selatan');
  assert.deepEqual(
    withinKaltara.json().items.map((r: { code: string }) => r.code),
    ['65.02.06', '65.02.10', '65.02.13', '65.02.14', '65.03.07', '65.03.09'],
    'with a search, parent means anywhere below it',
  );
  const byCode = await get('/api/regions?q=65.7&level=regency');
  assert.deepEqual(byCode.json().items.map((r: { code: string }) => r.code), ['65.71']);
});

test('lists paginate on the server', async (t) => {
  const { get } = await signedIn(t);
  const page1 = (await get('/api/regions?level=province&limit=10')).json();
  const page4 = (await get('/api/regions?level=province&limit=10&offset=30')).json();
  assert.equal(page1.total, 38);
  assert.equal(page1.items.length, 10);
  assert.equal(page4.items.length, 8);
  assert.equal(page1.items[0].code, '11');
});

test('a region’s detail has its ancestors and its former codes', async (t) => {
  const { get } = await signedIn(t);
  const district = (await get('/api/regions/65.03.02')).json();
  assert.equal(district.name, 'Nunukan');
  assert.deepEqual(
    district.ancestors.map((a: { code: string }) => a.code),
    ['65', '65.03'],
  );
  const nunukan = (await get('/api/regions/65.03')).json();
  assert.deepEqual(nunukan.formerCodes, [{ code: '64.05', name: 'Kabupaten Nunukan', validTo: '2012-11-17' }]);
});

test('former codes are hidden from lists unless asked for', async (t) => {
  const { get } = await signedIn(t);
  const current = (await get('/api/regions?parent=64')).json();
  assert.ok(!current.items.some((r: { code: string }) => r.code === '64.05'));
  const all = (await get('/api/regions?parent=64&includeFormer=true')).json();
  const former = all.items.find((r: { code: string }) => r.code === '64.05');
  assert.equal(former.validTo, '2012-11-17');
  assert.equal(former.successorCode, '65.03');
});

test('bad parameters name the field; unknown codes are 404 in the caller’s language', async (t) => {
  const { get } = await signedIn(t);
  const bad = await get('/api/regions?parent=6503&limit=0');
  assert.equal(bad.statusCode, 400);
  const body = bad.json();
  assert.equal(body.error.code, 'validation');
  assert.deepEqual(body.error.fields.map((f: { field: string }) => f.field).sort(), ['query.limit', 'query.parent']);

  const missing = await get('/api/regions/99.99', { 'accept-language': 'en' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.message, 'No region has the code 99.99.');
  const missingId = await get('/api/regions/99.99');
  assert.equal(missingId.json().error.message, 'Wilayah dengan kode 99.99 tidak ditemukan.');
});
