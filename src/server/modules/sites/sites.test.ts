import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { PDF, makeSite, multipart } from './sites.matrix.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);

async function setup(t: Parameters<typeof build>[0], config: Record<string, string> = {}) {
  const { app } = await build(t, { regions: true, config });
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const as = (who: SignedIn) => ({
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, payload: object) => app.inject({ method: 'POST', url, headers: who.headers, payload }),
    put: (url: string, payload: object) => app.inject({ method: 'PUT', url, headers: who.headers, payload }),
    upload: (url: string, file: { name: string; type: string; bytes: Buffer }, lang = 'id') => {
      const body = multipart(file);
      return app.inject({ method: 'POST', url, headers: { ...who.headers, ...body.headers, 'accept-language': lang }, payload: body.payload });
    },
  });
  const nunukan = async () => {
    const res = await as(officer).post('/api/sites', {
      name: 'Lokalisasi Km 9',
      localNames: ['Kilo Sembilan'],
      regionCode: '65.03.02',
      latitude: 4.1,
      longitude: 117.6,
      managingParties: 'Pengelola lokasi; RT setempat',
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  return { app, officer, as, nunukan };
}

test('a site gets a code per regency, milestones for all seven stages and the actions its caller may take', async (t) => {
  const { as, officer, nunukan, app } = await setup(t);
  const site = await nunukan();
  assert.equal(site.code, 'LOK-6503-001');
  assert.equal(site.regencyCode, '65.03');
  assert.equal(site.status, 'open');
  assert.deepEqual(site.localNames, ['Kilo Sembilan']);
  assert.deepEqual(
    site.milestones.map((m: { stage: string }) => m.stage),
    ['identification', 'integrated_team_decree', 'socialisation', 'verification', 'closure_ceremony', 'return_home', 'monitoring'],
  );
  assert.deepEqual(site.actions, ['update', 'set_milestone', 'upload_evidence', 'add_head_count', 'record_closure']);
  assert.equal((await nunukan()).code, 'LOK-6503-002');

  const reader = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  assert.deepEqual((await as(reader).get(`/api/sites/${site.id}`)).json().actions, []);

  const planned = await as(officer).put(`/api/sites/${site.id}/milestones/socialisation`, { plannedDate: '2018-07-02', note: 'Sosialisasi ke pekerja dan warga' });
  assert.equal(planned.json().status, 'open', 'a planned date alone does not start the closure');
  const done = await as(officer).put(`/api/sites/${site.id}/milestones/integrated_team_decree`, { doneDate: '2018-06-15' });
  assert.equal(done.json().status, 'closing');
  const m = done.json().milestones.find((x: { stage: string }) => x.stage === 'socialisation');
  assert.deepEqual([m.plannedDate, m.note], ['2018-07-02', 'Sosialisasi ke pekerja dan warga']);

  const closed = await as(officer).post(`/api/sites/${site.id}/closure`, { decreeNumber: 'SK 188.45/15/2019', decreeDate: '2019-01-02', closureDate: '2019-01-10' });
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal(closed.json().status, 'closed');
  assert.deepEqual([closed.json().closureDecreeNumber, closed.json().closureDecreeDate, closed.json().closureDate], ['SK 188.45/15/2019', '2019-01-02', '2019-01-10']);
  assert.ok(closed.json().actions.includes('add_monitoring_visit'));
  assert.ok(!closed.json().actions.includes('record_closure'));
  const twice = await as(officer).post(`/api/sites/${site.id}/closure`, { decreeNumber: 'SK 2', decreeDate: '2019-01-02', closureDate: '2019-01-10' });
  assert.equal(twice.json().error.code, 'site.already_closed');
});

test('Nunukan’s head counts: 48 → 51 → 37 → 27, oldest first, each with its source, reason and change', async (t) => {
  const { as, officer, nunukan } = await setup(t);
  const site = await nunukan();
  const url = `/api/sites/${site.id}/head-counts`;
  // Entered out of order: the history is sorted by the date of the count.
  for (const c of [
    { countedOn: '2018-05-18', source: 'dinsos', workers: 51, othersAffected: 6, reasonForChange: 'Pendataan ulang Dinsos Provinsi untuk rakor penutupan' },
    { countedOn: '2017-01-20', source: 'site_manager', workers: 48, othersAffected: 5, reasonForChange: 'Daftar awal dari pengelola' },
    { countedOn: '2018-10-05', source: 'joint_verification', workers: 37, othersAffected: 4, reasonForChange: 'Verval Kemensos–Dinsos: 14 tanpa e-KTP atau datang setelah batas pendataan' },
    { countedOn: '2019-01-08', source: 'joint_verification', workers: 27, othersAffected: 13, reasonForChange: '10 pindah ke daerah lain; 13 warga setempat tercatat sebagai terdampak' },
  ]) {
    const res = await as(officer).post(url, c);
    assert.equal(res.statusCode, 200, res.body);
  }
  const history = (await as(officer).get(url)).json().items;
  assert.deepEqual(history.map((h: { workers: number }) => h.workers), [48, 51, 37, 27]);
  assert.deepEqual(history.map((h: { workersChange: number | null }) => h.workersChange), [null, 3, -14, -10]);
  assert.deepEqual(history.map((h: { othersAffected: number }) => h.othersAffected), [5, 6, 4, 13]);
  assert.deepEqual(history.map((h: { source: string }) => h.source), ['site_manager', 'dinsos', 'joint_verification', 'joint_verification']);
  assert.match(history[2].reasonForChange, /Verval/);
  assert.equal(history[0].personListId, null);
  const latest = (await as(officer).get(`/api/sites/${site.id}`)).json().latestHeadCount;
  assert.deepEqual(latest, { countedOn: '2019-01-08', workers: 27, othersAffected: 13 });

  const negative = await as(officer).post(url, { countedOn: '2019-02-01', source: 'other', workers: -1 });
  assert.equal(negative.statusCode, 400);
  assert.equal(negative.json().error.fields[0].field, 'body.workers');
  const badSource = await as(officer).post(url, { countedOn: '2019-02-01', source: 'rumor', workers: 3 });
  assert.equal(badSource.json().error.fields[0].field, 'body.source');
});

test('a monitoring finding "activity resumed" reopens the site, tells the region’s heads of office and is audited', async (t) => {
  const { app, as, officer, nunukan } = await setup(t);
  const head = await asUser(app, { roles: ['head_of_office'], scope: '65.03' });
  const provinceHead = await asUser(app, { roles: ['head_of_office'], scope: '65' });
  const otherHead = await asUser(app, { roles: ['head_of_office'], scope: '65.01' });
  const site = await nunukan();
  const url = `/api/sites/${site.id}/monitoring-visits`;
  const early = await as(officer).post(url, { visitedOn: '2018-12-01', finding: 'no_activity', visitedBy: 'Tim Dinsos Nunukan' });
  assert.equal(early.statusCode, 409, 'monitoring comes after closure');
  await as(officer).post(`/api/sites/${site.id}/closure`, { decreeNumber: 'SK 1/2019', decreeDate: '2019-01-02', closureDate: '2019-01-10' });

  await as(officer).post(url, { visitedOn: '2019-03-01', finding: 'no_activity', visitedBy: 'Tim Dinsos Nunukan' });
  assert.equal((await as(officer).get(`/api/sites/${site.id}`)).json().status, 'closed');
  const resumed = await as(officer).post(url, { visitedOn: '2019-09-12', finding: 'activity_resumed', notes: 'Beberapa wisma buka kembali malam hari', visitedBy: 'Tim Dinsos Nunukan' });
  assert.equal(resumed.statusCode, 200, resumed.body);
  assert.deepEqual(resumed.json().items.map((v: { finding: string }) => v.finding), ['no_activity', 'activity_resumed']);
  const after = (await as(officer).get(`/api/sites/${site.id}`)).json();
  assert.equal(after.status, 'reopened');
  assert.ok(after.actions.includes('record_closure'), 'a reopened site can be closed again');

  for (const who of [head, provinceHead]) {
    const n = (await as(who).get('/api/notifications')).json();
    assert.equal(n.unread, 1);
    assert.equal(n.items[0].kind, 'site_reopened');
    assert.match(n.items[0].body, /LOK-6503-001/);
  }
  assert.equal((await as(otherHead).get('/api/notifications')).json().unread, 0, 'heads of other regions are not told');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await as(auditor).get('/api/audit?action=site.monitoring_visit.add')).json().items;
  const event = events.find((e: { summary: { finding: string } }) => e.summary.finding === 'activity_resumed');
  assert.equal(event.summary.status, 'reopened');
  assert.equal(event.summary.notified, 2);
  assert.equal(event.entityId, String(site.id));
  assert.equal(event.regionCode, '65.03.02');
});

test('evidence files: PDF or image only, sniffed from the bytes, within the size limit, downloaded as attachments', async (t) => {
  const { as, officer, nunukan } = await setup(t, { FILE_MAX_BYTES: '2048' });
  const site = await nunukan();
  const url = `/api/sites/${site.id}/milestones/integrated_team_decree/evidence`;

  const ok = await as(officer).upload(url, { name: 'SK Tim Terpadu.pdf', type: 'application/pdf', bytes: PDF });
  assert.equal(ok.statusCode, 200, ok.body);
  const [file] = ok.json().items;
  assert.deepEqual([file.contentType, file.sizeBytes, file.originalName], ['application/pdf', PDF.length, 'SK Tim Terpadu.pdf']);
  assert.match(file.sha256, /^[0-9a-f]{64}$/);
  const photo = await as(officer).upload(url, { name: 'foto.png', type: 'image/png', bytes: PNG });
  assert.equal(photo.statusCode, 200, photo.body);
  assert.equal((await as(officer).get(`/api/sites/${site.id}`)).json().milestones[1].evidenceCount, 2);

  const fakePdf = await as(officer).upload(url, { name: 'sk.pdf', type: 'application/pdf', bytes: PNG });
  assert.equal(fakePdf.statusCode, 415);
  assert.equal(fakePdf.json().error.code, 'file.type_mismatch');
  const wrongDeclared = await as(officer).upload(url, { name: 'foto.png', type: 'application/pdf', bytes: PNG });
  assert.equal(wrongDeclared.json().error.code, 'file.type_mismatch');
  const exe = await as(officer).upload(url, { name: 'setup.exe', type: 'application/x-msdownload', bytes: EXE });
  assert.equal(exe.statusCode, 415);
  assert.equal(exe.json().error.code, 'file.type_not_allowed');
  const exeAsPdf = await as(officer).upload(url, { name: 'sk.pdf', type: 'application/pdf', bytes: EXE });
  assert.equal(exeAsPdf.json().error.code, 'file.type_not_allowed');

  const big = Buffer.concat([PDF, Buffer.alloc(3000, 0x20)]);
  const tooBig = await as(officer).upload(url, { name: 'besar.pdf', type: 'application/pdf', bytes: big });
  assert.equal(tooBig.statusCode, 413);
  assert.equal(tooBig.json().error.code, 'file.too_large');
  assert.equal(tooBig.json().error.message, 'Berkas terlalu besar: batasnya 2 KB.');
  const tooBigEn = await as(officer).upload(url, { name: 'besar.pdf', type: 'application/pdf', bytes: big }, 'en');
  assert.equal(tooBigEn.json().error.message, 'The file is too large: the limit is 2 KB.');

  const missing = await as(officer).post(url, {});
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.code, 'file.missing');
  assert.equal((await as(officer).get(url)).json().items.length, 2, 'refused files are not stored');

  const download = await as(officer).get(`/api/sites/${site.id}/evidence/${file.fileId}`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  assert.match(String(download.headers['content-disposition']), /^attachment; filename="SK Tim Terpadu.pdf"/);
  assert.deepEqual(download.rawPayload, PDF);
  const elsewhere = await nunukan();
  assert.equal((await as(officer).get(`/api/sites/${elsewhere.id}/evidence/${file.fileId}`)).statusCode, 404, 'a file is reached only through its own site');
});

test('scope: a Nunukan (65.03) officer neither sees nor fetches nor changes a Bulungan (65.01) site', async (t) => {
  const { app, as, officer, nunukan } = await setup(t);
  const own = await nunukan();
  const bulungan = await makeSite(app, '65.01.01', { name: 'Lokalisasi Bulungan' });
  const listed = (await as(officer).get('/api/sites')).json();
  assert.deepEqual(listed.items.map((s: { id: number }) => s.id), [own.id]);
  assert.equal(listed.total, 1);
  assert.equal((await as(officer).get(`/api/sites/${bulungan}`)).statusCode, 404);
  assert.equal((await as(officer).get(`/api/sites/${bulungan}/head-counts`)).statusCode, 404);
  assert.equal((await as(officer).post(`/api/sites/${bulungan}/head-counts`, { countedOn: '2018-01-01', source: 'dinsos', workers: 3 })).statusCode, 404);
  const create = await as(officer).post('/api/sites', { name: 'Di luar wilayah', regionCode: '65.01.01' });
  assert.equal(create.statusCode, 403);
  const province = await asUser(app, { roles: ['province_officer'], scope: '65' });
  assert.equal((await as(province).get('/api/sites')).json().total, 2);
  assert.equal((await as(province).get('/api/sites?regency=65.01')).json().items[0].id, bulungan);
});

test('the list filters, sorts and pages on the server', async (t) => {
  const { app, as, officer } = await setup(t);
  for (const name of ['Delta', 'Alfa', 'Echo', 'Charlie', 'Bravo']) await makeSite(app, '65.03.01', { name });
  await makeSite(app, '65.03.02', { name: 'Foxtrot', closed: true });
  const page = (q: string) => as(officer).get(`/api/sites?${q}`).then((r) => r.json());
  const names = (r: { items: { name: string }[] }) => r.items.map((s) => s.name);
  assert.deepEqual(names(await page('sort=name&limit=2')), ['Alfa', 'Bravo']);
  const second = await page('sort=name&limit=2&offset=2');
  assert.deepEqual([names(second), second.total], [['Charlie', 'Delta'], 6]);
  assert.deepEqual(names(await page('sort=-name&limit=3')), ['Foxtrot', 'Echo', 'Delta']);
  assert.deepEqual((await page('sort=code&limit=2')).items.map((s: { code: string }) => s.code), ['LOK-6503-001', 'LOK-6503-002']);
  assert.deepEqual(names(await page('status=closed')), ['Foxtrot']);
  assert.deepEqual(names(await page('q=arli')), ['Charlie']);
  assert.deepEqual((await page('q=%25')).total, 0, 'wildcards match literally');
  const bad = await as(officer).get('/api/sites?sort=size&limit=500');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields.map((f: { field: string }) => f.field).sort(), ['query.limit', 'query.sort']);
});

test('validation errors name the field', async (t) => {
  const { as, officer, nunukan } = await setup(t);
  const fields = async (res: Promise<{ json(): { error: { fields?: { field: string }[] } }; statusCode: number }>) => {
    const r = await res;
    assert.equal(r.statusCode, 400);
    return (r.json().error.fields ?? []).map((f) => f.field).sort();
  };
  assert.deepEqual(await fields(as(officer).post('/api/sites', { regionCode: '65.03.02', latitude: 95, longitude: 117 })), ['body.latitude', 'body.name']);
  assert.deepEqual(await fields(as(officer).post('/api/sites', { name: 'Tanpa bujur', regionCode: '65.03.02', latitude: 4 })), ['body.longitude']);
  assert.deepEqual(await fields(as(officer).post('/api/sites', { name: 'Kode salah', regionCode: '6503' })), ['body.regionCode']);
  const unknown = await as(officer).post('/api/sites', { name: 'Tidak ada', regionCode: '65.03.99' });
  assert.equal(unknown.json().error.code, 'site.unknown_region');
  const site = await nunukan();
  assert.deepEqual(await fields(as(officer).put(`/api/sites/${site.id}/milestones/party`, { doneDate: '2018-01-01' })), ['params.stage']);
  assert.deepEqual(await fields(as(officer).put(`/api/sites/${site.id}/milestones/verification`, { doneDate: '10/01/2019' })), ['body.doneDate']);
  const closure = await as(officer).post(`/api/sites/${site.id}/closure`, { decreeNumber: 'SK 1', decreeDate: '2019-02-01', closureDate: '2019-01-10' });
  assert.deepEqual(closure.json().error.fields.map((f: { field: string }) => f.field), ['body.decreeDate']);
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

test('sites.xlsx: the list’s filters and sort, every row, headers in my language; the export is audited', async (t) => {
  const { app, as, officer } = await setup(t);
  for (const name of ['Delta', 'Alfa', 'Charlie']) await makeSite(app, '65.03.01', { name });
  await makeSite(app, '65.03.02', { name: 'Foxtrot', closed: true });
  await makeSite(app, '65.01.01', { name: 'Bulungan Alfa' }); // outside the officer's scope
  const list = (await as(officer).get('/api/sites?status=open&sort=-name&limit=1')).json();
  assert.deepEqual([list.items[0].name, list.total], ['Delta', 3]);

  const en = await app.inject({ method: 'GET', url: '/api/sites.xlsx?status=open&sort=-name&limit=1', headers: { ...officer.headers, 'accept-language': 'en' } });
  assert.equal(en.statusCode, 200, en.body);
  assert.equal(en.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(String(en.headers['content-disposition']), /^attachment; filename="lokalisasi-\d{4}-\d{2}-\d{2}\.xlsx"/);
  const rows = await sheetRows(en.rawPayload);
  assert.deepEqual(rows[0]!.slice(0, 6), ['Code', 'Name', 'Local names', 'Regency/city', 'Region code', 'Status']);
  assert.deepEqual(rows.slice(1).map((r) => [r[1], r[5]]), [
    ['Delta', 'Open'],
    ['Charlie', 'Open'],
    ['Alfa', 'Open'],
  ]);

  const id = await as(officer).get('/api/sites.xlsx?q=fox');
  const idRows = await sheetRows(id.rawPayload);
  assert.deepEqual(idRows[0]!.slice(0, 2), ['Kode', 'Nama']);
  assert.deepEqual(idRows.slice(1).map((r) => [r[1], r[5], r[9]]), [['Foxtrot', 'Ditutup', 'SK 1/2019']]);
  assert.ok(idRows[1]![11] instanceof Date, 'the closure date is a date cell');

  const closedIn2019 = await sheetRows((await as(officer).get('/api/sites.xlsx?closedFrom=2019-01-01&closedTo=2019-01-31')).rawPayload);
  assert.deepEqual(closedIn2019.slice(1).map((r) => r[1]), ['Foxtrot']);
  assert.equal((await as(officer).get('/api/sites.xlsx?closedFrom=2019-13-01')).json().error.fields[0].field, 'query.closedFrom');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?action=site.exported', headers: auditor.headers })).json();
  assert.equal(events.total, 3);
  const first = events.items.find((e: { summary: { rows: number } }) => e.summary.rows === 3);
  assert.deepEqual(first.summary.filter, { status: 'open', sort: '-name' });
});

test('head counts: filter, order and pages in the list; the same rows in head-counts.xlsx with the changes', async (t) => {
  const { app, as, officer, nunukan } = await setup(t);
  const site = await nunukan();
  const url = `/api/sites/${site.id}/head-counts`;
  for (const c of [
    { countedOn: '2017-01-20', source: 'site_manager', workers: 48, othersAffected: 5, reasonForChange: 'Daftar awal dari pengelola' },
    { countedOn: '2018-05-18', source: 'dinsos', workers: 51, othersAffected: 6, reasonForChange: 'Pendataan ulang' },
    { countedOn: '2018-10-05', source: 'joint_verification', workers: 37, othersAffected: 4, reasonForChange: 'Verval' },
    { countedOn: '2019-01-08', source: 'joint_verification', workers: 27, othersAffected: 13, reasonForChange: 'Verval kedua' },
  ])
    assert.equal((await as(officer).post(url, c)).statusCode, 200);

  const joint = (await as(officer).get(`${url}?source=joint_verification&order=desc&limit=1`)).json();
  assert.equal(joint.total, 2);
  assert.deepEqual(joint.items.map((h: { workers: number; workersChange: number }) => [h.workers, h.workersChange]), [[27, -10]], 'changes come from the full history');
  const in2018 = (await as(officer).get(`${url}?from=2018-01-01&to=2018-12-31`)).json();
  assert.deepEqual(in2018.items.map((h: { workers: number }) => h.workers), [51, 37]);

  const xlsx = await app.inject({ method: 'GET', url: `${url}.xlsx?source=joint_verification&order=desc`, headers: { ...officer.headers, 'accept-language': 'en' } });
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.match(String(xlsx.headers['content-disposition']), /filename="lok-6503-001-jumlah-orang-/);
  const rows = await sheetRows(xlsx.rawPayload);
  assert.deepEqual(rows[0], ['Date', 'Source', 'Workers', 'Change in workers', 'Others affected', 'Change in others affected', 'Reason for the change']);
  assert.deepEqual(rows.slice(1).map((r) => [r[1], r[2], r[3]]), [
    ['Joint verification result', 27, -10],
    ['Joint verification result', 37, -14],
  ]);
  const all = await sheetRows((await as(officer).get(`${url}.xlsx`)).rawPayload);
  assert.deepEqual(all[0]!.slice(0, 3), ['Tanggal', 'Sumber', 'Pekerja']);
  assert.deepEqual(all.slice(1).map((r) => r[2]), [48, 51, 37, 27]);
  assert.equal(all[1]![3], undefined, 'the first count has no change');

  const bulungan = await makeSite(app, '65.01.01');
  assert.equal((await as(officer).get(`/api/sites/${bulungan}/head-counts.xlsx`)).statusCode, 404, 'out of scope');
  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?action=site.head_counts.exported', headers: auditor.headers })).json();
  assert.equal(events.total, 2);
  assert.equal(events.items[0].entityId, String(site.id));
});

test('monitoring visits: filter by finding and date, newest first', async (t) => {
  const { app, as, officer } = await setup(t);
  const id = await makeSite(app, '65.03.02', { closed: true });
  for (const [visitedOn, finding] of [
    ['2019-03-01', 'no_activity'],
    ['2019-06-01', 'converted_venue'],
    ['2019-09-01', 'no_activity'],
  ])
    assert.equal((await as(officer).post(`/api/sites/${id}/monitoring-visits`, { visitedOn, finding, visitedBy: 'Tim Dinsos' })).statusCode, 200);
  const res = (await as(officer).get(`/api/sites/${id}/monitoring-visits?finding=no_activity&order=desc`)).json();
  assert.deepEqual(res.items.map((v: { visitedOn: string }) => v.visitedOn), ['2019-09-01', '2019-03-01']);
  assert.equal(res.total, 2);
  const from = (await as(officer).get(`/api/sites/${id}/monitoring-visits?from=2019-05-01&limit=1`)).json();
  assert.deepEqual([from.items.map((v: { visitedOn: string }) => v.visitedOn), from.total], [['2019-06-01'], 2]);
});

test('monitoring-visits.xlsx: the list’s filters and order, every visit, headers in my language; out of scope is 404; audited', async (t) => {
  const { app, as, officer } = await setup(t);
  const id = await makeSite(app, '65.03.02', { closed: true });
  for (const [visitedOn, finding, notes] of [
    ['2019-03-01', 'no_activity', 'Lokasi sepi'],
    ['2019-06-01', 'converted_venue', 'Menjadi warung makan'],
    ['2019-09-01', 'no_activity', ''],
  ] as const)
    assert.equal((await as(officer).post(`/api/sites/${id}/monitoring-visits`, { visitedOn, finding, notes, visitedBy: 'Tim Dinsos Nunukan' })).statusCode, 200);
  const url = `/api/sites/${id}/monitoring-visits.xlsx`;

  const en = await app.inject({ method: 'GET', url: `${url}?finding=no_activity&order=desc&limit=1`, headers: { ...officer.headers, 'accept-language': 'en' } });
  assert.equal(en.statusCode, 200, en.body);
  assert.equal(en.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(String(en.headers['content-disposition']), /^attachment; filename="lok-6503-\d{3}-pemantauan-\d{4}-\d{2}-\d{2}\.xlsx"/);
  const rows = await sheetRows(en.rawPayload);
  assert.deepEqual(rows[0], ['Visited on', 'Finding', 'Visited by', 'Notes']);
  assert.deepEqual(rows.slice(1).map((r) => [(r[0] as Date).toISOString().slice(0, 10), r[1], r[2]]), [
    ['2019-09-01', 'No activity', 'Tim Dinsos Nunukan'],
    ['2019-03-01', 'No activity', 'Tim Dinsos Nunukan'],
  ], 'every matching visit (limit is not part of an export), newest first');

  const id2019 = await sheetRows((await as(officer).get(`${url}?from=2019-05-01&to=2019-08-31`)).rawPayload);
  assert.deepEqual(id2019[0], ['Tanggal kunjungan', 'Temuan', 'Dikunjungi oleh', 'Catatan']);
  assert.deepEqual(id2019.slice(1).map((r) => [r[1], r[3]]), [['Beralih fungsi', 'Menjadi warung makan']]);
  assert.equal((await as(officer).get(`${url}?finding=gone`)).json().error.fields[0].field, 'query.finding');

  const bulungan = await makeSite(app, '65.01.01', { closed: true });
  assert.equal((await as(officer).get(`/api/sites/${bulungan}/monitoring-visits.xlsx`)).statusCode, 404, 'out of scope');
  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?action=site.monitoring_visits.exported', headers: auditor.headers })).json();
  assert.equal(events.total, 2);
  const filtered = events.items.find((e: { summary: { rows: number } }) => e.summary.rows === 2);
  assert.deepEqual([filtered.entityId, filtered.summary.filter], [String(id), { finding: 'no_activity', order: 'desc' }]);
});
