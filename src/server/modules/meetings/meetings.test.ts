import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { asUser } from '../../test/users.ts';
import { PDF, makeSite } from '../sites/sites.matrix.ts';
import { fieldsOf, setup, type Res } from './meetings.fixtures.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);

test('the 18 May 2018 rakor in Nunukan: participants, linked region and site, agenda, minutes and a decision', async (t) => {
  const { app, as, province, rakor } = await setup(t);
  const { meeting, siteId } = await rakor();
  assert.equal(meeting.startsAt, '2018-05-18T01:00:00.000Z', '09:00 WITA is 01:00 UTC');
  assert.equal(meeting.type, 'rakor');
  assert.equal(meeting.regionCode, '65');
  assert.equal(meeting.regionName, 'Kalimantan Utara');
  assert.deepEqual(
    meeting.participants.map((p: { institution: string }) => p.institution),
    ['Dinsos Provinsi Kaltara', 'Dinsos Kabupaten Nunukan', 'Pemkab Nunukan', 'Polres Nunukan'],
  );
  assert.equal(meeting.participants[0].representedBy, 'Kepala Dinas');
  assert.deepEqual(meeting.regions, [{ code: '65.03', name: 'Kabupaten Nunukan' }]);
  assert.deepEqual(meeting.sites.map((s: { id: number }) => s.id), [siteId]);
  assert.deepEqual(meeting.actions, ['update', 'add_decision', 'update_decision', 'add_action_item', 'upload_attachment']);

  const withDecision = await as(province).post(`/api/meetings/${meeting.id}/decisions`, {
    text: 'Menggelar rapat teknis untuk menyusun langkah-langkah penutupan lokalisasi di Nunukan',
  });
  assert.equal(withDecision.statusCode, 200, withDecision.body);
  const [decision] = withDecision.json().decisions;
  assert.equal(decision.sort, 1);
  const second = await as(province).post(`/api/meetings/${meeting.id}/decisions`, { text: 'Penutupan dimulai Juli 2018' });
  assert.deepEqual(second.json().decisions.map((d: { sort: number }) => d.sort), [1, 2]);
  const edited = await as(province).patch(`/api/meetings/${meeting.id}/decisions/${decision.id}`, { text: 'Rapat teknis akan digelar untuk menyusun jadwal penutupan' });
  assert.equal(edited.json().decisions[0].text, 'Rapat teknis akan digelar untuk menyusun jadwal penutupan');

  const minutes = await as(province).patch(`/api/meetings/${meeting.id}`, {
    minutes: 'Bulungan dan Malinau sudah menutup lokalisasi. Sasaran berikutnya Nunukan: 1 lokalisasi, 51 pekerja.',
    endsAt: '2018-05-18T12:00:00+08:00',
    participants: [{ institution: 'Dinsos Provinsi Kaltara' }, { institution: 'Dinsos Kabupaten Nunukan' }],
    siteIds: [],
  });
  assert.equal(minutes.statusCode, 200, minutes.body);
  assert.match(minutes.json().minutes, /51 pekerja/);
  assert.equal(minutes.json().endsAt, '2018-05-18T04:00:00.000Z');
  assert.equal(minutes.json().participants.length, 2, 'participants replace the whole list');
  assert.deepEqual(minutes.json().sites, []);
  assert.deepEqual(minutes.json().regions.map((r: { code: string }) => r.code), ['65.03'], 'lists not sent stay as they were');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const actions = (await as(auditor).get(`/api/audit?entityType=meeting&entityId=${meeting.id}&limit=50`)).json().items.map((e: { action: string }) => e.action);
  for (const a of ['meeting.created', 'meeting.decision_added', 'meeting.decision_updated', 'meeting.updated']) assert.ok(actions.includes(a), `${a} audited`);
  const created = (await as(auditor).get('/api/audit?action=meeting.created')).json().items[0];
  assert.deepEqual([created.regionCode, created.summary.participants, created.summary.regionCodes], ['65', 4, ['65.03']]);
});

test('scope: Nunukan sees the province’s rakor that links it (read only); Kota Tarakan sees neither it nor its action items', async (t) => {
  const { as, province, nunukan, tarakan, rakor } = await setup(t);
  const { meeting } = await rakor();
  const item = await as(province).post(`/api/meetings/${meeting.id}/action-items`, {
    title: 'Menyusun jadwal penutupan',
    ownerKind: 'institution',
    ownerInstitution: 'Dinsos Kabupaten Nunukan',
    dueDate: '2018-06-01',
  });
  assert.equal(item.statusCode, 200, item.body);
  const own = await as(nunukan).post('/api/meetings', { type: 'technical', title: 'Rapat teknis penutupan', startsAt: '2018-06-05T09:00:00+08:00', regionCode: '65.03' });
  assert.equal(own.statusCode, 200, own.body);
  const elsewhere = await as(province).post('/api/meetings', { type: 'socialisation', title: 'Sosialisasi di Tarakan', startsAt: '2018-05-20T01:00:00Z', regionCode: '65', regionCodes: ['65.71'] });
  assert.equal(elsewhere.statusCode, 200, elsewhere.body);

  // Nunukan: the linked provincial rakor and its own meeting, not Tarakan's
  const seen = (await as(nunukan).get('/api/meetings?sort=starts_at&order=asc')).json();
  assert.deepEqual(seen.items.map((m: { id: number }) => m.id), [meeting.id, own.json().id]);
  const detail = (await as(nunukan).get(`/api/meetings/${meeting.id}`)).json();
  assert.deepEqual(detail.actions, [], 'the organising province manages the meeting');
  assert.deepEqual(detail.actionItems[0].actions, ['update_status'], 'the concerned office reports progress');
  assert.equal((await as(nunukan).patch(`/api/meetings/${meeting.id}`, { minutes: 'x' })).statusCode, 403);
  assert.equal((await as(nunukan).get(`/api/meetings/${elsewhere.json().id}`)).statusCode, 404);

  // Tarakan: nothing of Nunukan's
  assert.equal((await as(tarakan).get(`/api/meetings/${meeting.id}`)).statusCode, 404);
  assert.equal((await as(tarakan).get(`/api/meetings/${own.json().id}`)).statusCode, 404);
  assert.deepEqual((await as(tarakan).get('/api/meetings')).json().items.map((m: { id: number }) => m.id), [elsewhere.json().id]);
  assert.equal((await as(tarakan).get('/api/action-items')).json().total, 0);
  assert.equal((await as(tarakan).get(`/api/action-items?meetingId=${meeting.id}`)).json().total, 0);
  assert.deepEqual((await as(tarakan).get('/api/action-items/by-owner')).json().items, []);
  assert.equal((await as(tarakan).patch(`/api/action-items/${item.json().id}`, { status: 'done' })).statusCode, 404);
  assert.equal((await as(tarakan).post(`/api/meetings/${meeting.id}/decisions`, { text: 'Keputusan dari luar' })).statusCode, 404);
  assert.equal((await as(tarakan).post(`/api/meetings/${meeting.id}/action-items`, { title: 'Dari luar', ownerKind: 'institution', ownerInstitution: 'X', dueDate: '2018-06-01' })).statusCode, 404);
  const outside = await as(tarakan).post('/api/meetings', { type: 'rakor', title: 'Rakor Nunukan', startsAt: '2018-05-18T01:00:00Z', regionCode: '65.03' });
  assert.equal(outside.statusCode, 403);

  // The province sees all three; the region filter keeps meetings of or concerning a region
  assert.equal((await as(province).get('/api/meetings')).json().total, 3);
  const ofNunukan = (await as(province).get('/api/meetings?region=65.03&sort=starts_at&order=asc')).json();
  assert.deepEqual(ofNunukan.items.map((m: { id: number }) => m.id), [meeting.id, own.json().id]);
});

test('validation errors name the field, in Bahasa Indonesia and English', async (t) => {
  const { app, as, province, nunukan, rakor } = await setup(t);
  assert.deepEqual(fieldsOf(await as(province).post('/api/meetings', { regionCode: '65', place: 'Nunukan' })), ['body.startsAt', 'body.title', 'body.type']);
  assert.deepEqual(
    fieldsOf(await as(province).post('/api/meetings', { type: 'party', title: 'Rakor', startsAt: '18/05/2018', regionCode: '6503' })),
    ['body.regionCode', 'body.startsAt', 'body.type'],
  );
  const ends = await as(province).post('/api/meetings', { type: 'rakor', title: 'Rakor', startsAt: '2018-05-18T01:00:00Z', endsAt: '2018-05-17T01:00:00Z', regionCode: '65' });
  assert.deepEqual(fieldsOf(ends), ['body.endsAt']);

  const unknown = await as(province).post('/api/meetings', { type: 'rakor', title: 'Rakor', startsAt: '2018-05-18T01:00:00Z', regionCode: '65', regionCodes: ['65.99'] });
  assert.deepEqual(fieldsOf(unknown), ['body.regionCodes']);
  assert.equal(unknown.json().error.code, 'meeting.unknown_region');
  assert.equal(unknown.json().error.message, 'Wilayah 65.99 tidak dikenal.');

  const base = { type: 'technical', title: 'Rapat teknis', startsAt: '2018-06-05T01:00:00Z', regionCode: '65.03' };
  const outOfScope = await as(nunukan, 'en').post('/api/meetings', { ...base, regionCodes: ['65.03', '65.71'] });
  assert.deepEqual(fieldsOf(outOfScope), ['body.regionCodes']);
  assert.equal(outOfScope.json().error.code, 'meeting.region_out_of_scope');
  assert.equal(outOfScope.json().error.message, 'Region 65.71 is outside your region.');
  assert.equal(outOfScope.json().error.fields[0].message, 'outside your region: 65.71');

  const bulungan = await makeSite(app, '65.01.01', { name: 'Lokalisasi Bulungan' });
  const site = await as(nunukan).post('/api/meetings', { ...base, siteIds: [bulungan] });
  assert.deepEqual(fieldsOf(site), ['body.siteIds'], 'a site the caller cannot see is not found');
  assert.equal(site.json().error.code, 'meeting.unknown_site');
  assert.deepEqual(fieldsOf(await as(nunukan).post('/api/meetings', { ...base, programmeId: 999 })), ['body.programmeId']);
  assert.equal((await as(nunukan).get('/api/meetings')).json().total, 0, 'refused meetings are not stored');

  const { meeting } = await rakor();
  const url = `/api/meetings/${meeting.id}/action-items`;
  assert.deepEqual(fieldsOf(await as(province).post(url, { ownerKind: 'institution' })), ['body.dueDate', 'body.title']);
  assert.deepEqual(fieldsOf(await as(province).post(url, { title: 'Tindak lanjut', ownerKind: 'institution', ownerInstitution: ' ', dueDate: '2018-06-01' })), [
    'body.ownerInstitution',
  ]);
  assert.deepEqual(fieldsOf(await as(province).post(url, { title: 'Tindak lanjut', ownerKind: 'user', dueDate: '1 Juni' })), ['body.dueDate', 'body.ownerUserId']);
  assert.deepEqual(fieldsOf(await as(province).post(url, { title: 'Tindak lanjut', ownerKind: 'user', dueDate: '2018-06-01' })), ['body.ownerUserId']);
  assert.deepEqual(
    fieldsOf(await as(province).post(url, { title: 'Tindak lanjut', ownerKind: 'institution', ownerInstitution: 'Pemkab', ownerUserId: 3, dueDate: '2018-06-01' })),
    ['body.ownerUserId'],
  );
  const ghost = await as(province, 'en').post(url, { title: 'Tindak lanjut', ownerKind: 'user', ownerUserId: 99999, dueDate: '2018-06-01' });
  assert.deepEqual(fieldsOf(ghost), ['body.ownerUserId']);
  assert.equal(ghost.json().error.message, 'The responsible user does not exist or is not active.');
  const leaver = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const admin = await asUser(app, { roles: ['admin'], scope: 'national' });
  const disabled = await as(admin).post(`/api/users/${leaver.user.id}/disable`, {});
  assert.equal(disabled.statusCode, 200, disabled.body);
  assert.equal((await as(province).post(url, { title: 'Tindak lanjut', ownerKind: 'user', ownerUserId: leaver.user.id, dueDate: '2018-06-01' })).json().error.code, 'meeting.unknown_owner');

  const other = await as(province).post('/api/meetings', { type: 'technical', title: 'Rapat teknis', startsAt: '2018-06-05T01:00:00Z', regionCode: '65' });
  const foreignDecision = (await as(province).post(`/api/meetings/${other.json().id}/decisions`, { text: 'Keputusan rapat lain' })).json().decisions[0].id;
  assert.deepEqual(fieldsOf(await as(province).post(url, { title: 'Tindak lanjut', ownerKind: 'institution', ownerInstitution: 'Pemkab', decisionId: foreignDecision, dueDate: '2018-06-01' })), [
    'body.decisionId',
  ]);
  assert.deepEqual(fieldsOf(await as(province).post(`/api/meetings/${meeting.id}/decisions`, { text: 'ok' })), ['body.text']);
  assert.deepEqual(fieldsOf(await as(province).patch(`/api/meetings/${meeting.id}`, {})), ['body']);
  assert.equal((await as(province).patch(`/api/meetings/${meeting.id}/decisions/${foreignDecision}`, { text: 'Bukan keputusan rapat ini' })).statusCode, 404);
});

test('the meetings list filters, sorts and pages on the server; the export has the same rows in the caller’s language', async (t) => {
  const { app, as, province } = await setup(t);
  const add = async (type: string, title: string, startsAt: string, place = 'Tanjung Selor') => {
    const res = await as(province).post('/api/meetings', { type, title, startsAt, place, regionCode: '65' });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().id as number;
  };
  const rakor = await add('rakor', 'Rakor penutupan lokalisasi', '2018-05-18T01:00:00Z', 'Nunukan');
  const teknis = await add('technical', 'Rapat teknis Nunukan', '2018-06-05T01:00:00Z');
  const sos = await add('socialisation', 'Sosialisasi kepada pekerja', '2018-07-02T01:00:00Z');
  // 23:30 WIB on 31 May is 31 May in WIB even though it is 1 June in WITA
  const late = await add('monitoring', 'Pemantauan malam', '2018-05-31T16:30:00Z');
  const ids = (r: Res) => r.json().items.map((m: { id: number }) => m.id);

  assert.deepEqual(ids(await as(province).get('/api/meetings')), [sos, teknis, late, rakor], 'newest first by default');
  assert.deepEqual(ids(await as(province).get('/api/meetings?sort=title&order=asc')), [late, rakor, teknis, sos]);
  const page = await as(province).get('/api/meetings?sort=starts_at&order=asc&limit=2&offset=2');
  assert.deepEqual([ids(page), page.json().total], [[teknis, sos], 4]);
  assert.deepEqual(ids(await as(province).get('/api/meetings?type=technical')), [teknis]);
  assert.deepEqual(ids(await as(province).get('/api/meetings?from=2018-05-19&to=2018-05-31')), [late]);
  assert.deepEqual(ids(await as(province).get('/api/meetings?from=2018-06-01&to=2018-06-30')), [teknis]);
  assert.deepEqual(ids(await as(province).get('/api/meetings?q=nunukan&sort=starts_at&order=asc')), [rakor, teknis], 'q matches the title or the place');
  assert.equal((await as(province).get('/api/meetings?q=%25')).json().total, 0, 'wildcards match literally');
  assert.deepEqual(fieldsOf(await as(province).get('/api/meetings?sort=place&limit=500&from=kemarin')), ['query.from', 'query.limit', 'query.sort']);

  const exported = await as(province).get('/api/meetings.xlsx?q=nunukan&sort=starts_at&order=asc&limit=1');
  assert.equal(exported.statusCode, 200, exported.body);
  assert.equal(exported.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(String(exported.headers['content-disposition']), /^attachment; filename="rapat-2018-05-18\.xlsx"/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  assert.equal(sheet.name, 'Rapat');
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 5), ['Tanggal', 'Jam', 'Jenis rapat', 'Judul']);
  assert.equal(sheet.rowCount, 3, 'a header and every matching row (limit does not apply)');
  const first = sheet.getRow(2).values as unknown[];
  assert.deepEqual((first[1] as Date).toISOString().slice(0, 10), '2018-05-18');
  assert.deepEqual(first.slice(2, 6), ['09:00 WITA', 'Rapat koordinasi', 'Rakor penutupan lokalisasi', 'Nunukan']);
  assert.equal((sheet.getRow(3).values as unknown[])[4], 'Rapat teknis Nunukan');

  const en = await app.inject({ method: 'GET', url: '/api/meetings.xlsx?type=rakor', headers: { ...province.headers, 'accept-language': 'en' } });
  const bookEn = new ExcelJS.Workbook();
  await bookEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual((bookEn.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 5), ['Date', 'Time', 'Meeting type', 'Title']);
  assert.equal((bookEn.worksheets[0]!.getRow(2).values as unknown[])[3], 'Coordination meeting');
  assert.equal(bookEn.worksheets[0]!.rowCount, 2);

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await as(auditor).get('/api/audit?action=meeting.exported')).json().items;
  assert.equal(events.length, 2);
  const withQ = events.find((e: { summary: { filter: { q?: string } } }) => e.summary.filter.q === 'nunukan');
  assert.equal(withQ.summary.rows, 2);
});

test('attachments: PDF or image only, checked against the bytes, downloaded through their own meeting', async (t) => {
  const { app, as, province, nunukan, tarakan, rakor } = await setup(t);
  const { meeting } = await rakor();
  const url = `/api/meetings/${meeting.id}/attachments`;
  const ok = await as(province).upload(url, { name: 'Notulen Rakor 18 Mei.pdf', type: 'application/pdf', bytes: PDF });
  assert.equal(ok.statusCode, 200, ok.body);
  const [file] = ok.json().attachments;
  assert.deepEqual([file.originalName, file.contentType, file.sizeBytes], ['Notulen Rakor 18 Mei.pdf', 'application/pdf', PDF.length]);
  const photo = await as(province).upload(url, { name: 'foto.png', type: 'image/png', bytes: PNG });
  assert.equal(photo.json().attachments.length, 2);

  const exe = await as(province).upload(url, { name: 'notulen.exe', type: 'application/x-msdownload', bytes: EXE });
  assert.equal(exe.statusCode, 415);
  assert.equal(exe.json().error.code, 'file.type_not_allowed');
  const disguised = await as(province).upload(url, { name: 'notulen.pdf', type: 'application/pdf', bytes: PNG });
  assert.equal(disguised.statusCode, 415);
  assert.equal(disguised.json().error.code, 'file.type_mismatch');
  assert.equal((await as(province).post(url, {})).json().error.code, 'file.missing');
  assert.equal((await as(province).get(`/api/meetings/${meeting.id}`)).json().attachments.length, 2, 'refused files are not stored');
  assert.equal((await as(nunukan).upload(url, { name: 'n.pdf', type: 'application/pdf', bytes: PDF })).statusCode, 403, 'a linked office reads, the organiser attaches');

  const download = await as(nunukan).get(`/api/meetings/${meeting.id}/attachments/${file.fileId}`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  assert.match(String(download.headers['content-disposition']), /^attachment; filename="Notulen Rakor 18 Mei.pdf"/);
  assert.deepEqual(download.rawPayload, PDF);
  assert.equal((await as(tarakan).get(`/api/meetings/${meeting.id}/attachments/${file.fileId}`)).statusCode, 404);
  const other = (await as(province).post('/api/meetings', { type: 'other', title: 'Rapat lain', startsAt: '2018-06-01T01:00:00Z', regionCode: '65' })).json();
  assert.equal((await as(province).get(`/api/meetings/${other.id}/attachments/${file.fileId}`)).statusCode, 404, 'a file is reached only through its own meeting');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const added = (await as(auditor).get('/api/audit?action=meeting.attachment_added')).json().items;
  assert.equal(added.length, 2);
  assert.equal((await as(auditor).get('/api/audit?action=meeting.attachment_downloaded')).json().items.length, 1);
});
