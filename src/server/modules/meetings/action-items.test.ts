import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { asUser } from '../../test/users.ts';
import { countOverdueActionItems } from './meetings.service.ts';
import { fieldsOf, setup } from './meetings.fixtures.ts';

test('an action item due 1 June 2018 is overdue from 2 June (WIB), listed per owner, and done clears it', async (t) => {
  const { app, database, as, province, nunukan, rakor, setNow } = await setup(t);
  const { meeting } = await rakor();
  const decision = (await as(province).post(`/api/meetings/${meeting.id}/decisions`, { text: 'Menggelar rapat teknis' })).json().decisions[0];
  const created = await as(province).post(`/api/meetings/${meeting.id}/action-items`, {
    title: 'Menyusun jadwal penutupan lokalisasi',
    decisionId: decision.id,
    ownerKind: 'institution',
    ownerInstitution: 'Dinsos Kabupaten Nunukan',
    dueDate: '2018-06-01',
  });
  assert.equal(created.statusCode, 200, created.body);
  const item = created.json();
  assert.deepEqual(
    [item.status, item.overdue, item.ownerName, item.decisionId, item.regionCode, item.meetingTitle, item.meetingStartsAt],
    ['open', false, 'Dinsos Kabupaten Nunukan', decision.id, '65', meeting.title, '2018-05-18T01:00:00.000Z'],
  );
  assert.deepEqual(item.actions, ['update']);
  const overdueIds = async (who = province) => (await as(who).get('/api/action-items?overdue=true')).json().items.map((a: { id: number }) => a.id);

  // 23:59 WIB on the due date: not yet overdue
  await setNow('2018-06-01T16:59:00Z');
  assert.deepEqual(await overdueIds(), []);
  assert.deepEqual((await as(province).get('/api/action-items/by-owner')).json().items, [
    { ownerKind: 'institution', ownerInstitution: 'Dinsos Kabupaten Nunukan', ownerUserId: null, ownerName: 'Dinsos Kabupaten Nunukan', open: 1, overdue: 0 },
  ]);
  // midnight WIB: overdue
  await setNow('2018-06-01T17:00:00Z');
  assert.deepEqual(await overdueIds(), [item.id]);
  assert.deepEqual(await overdueIds(nunukan), [item.id], 'the linked regency sees its overdue item');
  assert.equal((await as(province).get('/api/action-items?overdue=false')).json().total, 0);
  const listed = (await as(province).get('/api/action-items?ownerKind=institution&owner=dinsos%20kabupaten%20nunukan')).json();
  assert.deepEqual([listed.total, listed.items[0].overdue], [1, true]);
  assert.deepEqual((await as(province).get('/api/action-items/by-owner')).json().items[0], {
    ownerKind: 'institution',
    ownerInstitution: 'Dinsos Kabupaten Nunukan',
    ownerUserId: null,
    ownerName: 'Dinsos Kabupaten Nunukan',
    open: 1,
    overdue: 1,
  });
  const summary = (await as(province).get(`/api/meetings/${meeting.id}`)).json();
  assert.deepEqual([summary.openActionItems, summary.overdueActionItems, summary.actionItems[0].overdue], [1, 1, true]);
  assert.equal(await countOverdueActionItems(database.db, '65.03', '2018-06-02'), 1, 'the dashboard counts it for Nunukan');
  assert.equal(await countOverdueActionItems(database.db, '65.71', '2018-06-02'), 0);
  assert.equal(await countOverdueActionItems(database.db, null, '2018-06-01'), 0);

  // Nunukan's office reports progress (status only), then done
  const dueChange = await as(nunukan).patch(`/api/action-items/${item.id}`, { dueDate: '2018-07-01' });
  assert.equal(dueChange.statusCode, 403);
  assert.equal(dueChange.json().error.code, 'action_item.status_only');
  await setNow('2018-06-04T03:00:00Z');
  const done = await as(nunukan).patch(`/api/action-items/${item.id}`, { status: 'done' });
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual([done.json().status, done.json().doneAt, done.json().overdue], ['done', '2018-06-04T03:00:00.000Z', false]);
  assert.deepEqual(await overdueIds(), []);
  assert.deepEqual((await as(province).get('/api/action-items/by-owner')).json().items, []);
  assert.equal((await as(province).get('/api/action-items?status=done')).json().total, 1);
  assert.equal(await countOverdueActionItems(database.db, '65', '2018-06-05'), 0);

  // reopened by the organiser: done_at is cleared, overdue again; the due date moves
  const reopened = await as(province).patch(`/api/action-items/${item.id}`, { status: 'in_progress' });
  assert.deepEqual([reopened.json().doneAt, reopened.json().overdue], [null, true]);
  const moved = await as(province).patch(`/api/action-items/${item.id}`, { dueDate: '2018-06-30' });
  assert.deepEqual([moved.json().dueDate, moved.json().overdue], ['2018-06-30', false]);

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await as(auditor).get(`/api/audit?entityType=action_item&entityId=${item.id}`)).json().items;
  assert.deepEqual(events.map((e: { action: string }) => e.action).sort(), ['action_item.created', 'action_item.updated', 'action_item.updated', 'action_item.updated']);
  const doneEvent = events.find((e: { summary: { status?: string } }) => e.summary.status === 'done');
  assert.deepEqual([doneEvent.summary.from, doneEvent.actor.username], ['open', nunukan.user.username]);
});

test('a user as owner: must be active, sees the item and may change its status; by-owner shows the user’s name', async (t) => {
  const { app, as, province, tarakan, rakor, setNow } = await setup(t);
  const { meeting } = await rakor();
  const officer = await asUser(app, { roles: ['regency_officer'], scope: '65.03', username: 'petugas.nunukan' });
  const url = `/api/meetings/${meeting.id}/action-items`;
  const mine = await as(province).post(url, { title: 'Pendataan ulang pekerja', ownerKind: 'user', ownerUserId: officer.user.id, dueDate: '2018-05-25' });
  assert.equal(mine.statusCode, 200, mine.body);
  assert.deepEqual([mine.json().ownerKind, mine.json().ownerUserId, mine.json().ownerName], ['user', officer.user.id, 'Test petugas.nunukan']);
  await as(province).post(url, { title: 'Koordinasi dengan Polres', ownerKind: 'institution', ownerInstitution: 'Polres Nunukan', dueDate: '2018-06-15' });
  await as(province).post(url, { title: 'Dibatalkan', ownerKind: 'institution', ownerInstitution: 'Pemkab Nunukan', dueDate: '2018-05-20', status: 'cancelled' });

  await setNow('2018-06-01T02:00:00Z', officer);
  const byOwner = (await as(province).get('/api/action-items/by-owner')).json().items;
  assert.deepEqual(
    byOwner.map((o: { ownerName: string; open: number; overdue: number }) => [o.ownerName, o.open, o.overdue]),
    [
      ['Test petugas.nunukan', 1, 1],
      ['Polres Nunukan', 1, 0],
    ],
    'most overdue first; owners without open items (cancelled) are left out',
  );
  assert.equal((await as(province).get(`/api/action-items?owner=${officer.user.id}`)).json().items[0].id, mine.json().id);
  const sorted = (await as(province).get('/api/action-items?sort=due_date&order=desc')).json().items.map((a: { dueDate: string }) => a.dueDate);
  assert.deepEqual(sorted, ['2018-06-15', '2018-05-25', '2018-05-20']);
  const paged = (await as(province).get('/api/action-items?limit=1&offset=1')).json();
  assert.deepEqual([paged.items.length, paged.total, paged.items[0].dueDate], [1, 3, '2018-05-25']);
  assert.deepEqual(fieldsOf(await as(province).get('/api/action-items?status=late&sort=owner&limit=0')), ['query.limit', 'query.sort', 'query.status']);

  const theirs = (await as(officer).get(`/api/meetings/${meeting.id}`)).json().actionItems.find((a: { id: number }) => a.id === mine.json().id);
  assert.deepEqual(theirs.actions, ['update_status']);
  assert.equal((await as(officer).patch(`/api/action-items/${mine.json().id}`, { status: 'in_progress' })).json().status, 'in_progress');
  assert.equal((await as(officer).patch(`/api/action-items/${mine.json().id}`, { ownerKind: 'institution', ownerInstitution: 'Lainnya' })).statusCode, 403);
  const handedOver = await as(province).patch(`/api/action-items/${mine.json().id}`, { ownerKind: 'institution', ownerInstitution: 'Dinsos Kabupaten Nunukan' });
  assert.deepEqual([handedOver.json().ownerKind, handedOver.json().ownerUserId, handedOver.json().ownerName], ['institution', null, 'Dinsos Kabupaten Nunukan']);
  assert.deepEqual(fieldsOf(await as(province).patch(`/api/action-items/${mine.json().id}`, { ownerKind: 'user' })), ['body.ownerUserId']);
  assert.deepEqual(fieldsOf(await as(province).patch(`/api/action-items/${mine.json().id}`, { ownerInstitution: 'Tanpa jenis' })), ['body.ownerKind']);
  assert.equal((await as(tarakan).patch(`/api/action-items/${mine.json().id}`, { status: 'done' })).statusCode, 404);
});

test('the action-items export: every matching row, overdue flag and meeting, headers in the caller’s language', async (t) => {
  const { app, as, province, rakor, setNow } = await setup(t);
  const { meeting } = await rakor();
  const url = `/api/meetings/${meeting.id}/action-items`;
  await as(province).post(url, { title: 'Menyusun jadwal penutupan', ownerKind: 'institution', ownerInstitution: 'Dinsos Kabupaten Nunukan', dueDate: '2018-06-01' });
  await as(province).post(url, { title: 'Sosialisasi kepada pekerja', ownerKind: 'institution', ownerInstitution: 'Pemkab Nunukan', dueDate: '2018-07-02' });
  await setNow('2018-06-10T02:00:00Z');

  const res = await as(province).get('/api/action-items.xlsx?overdue=true');
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="tindak-lanjut-2018-06-10\.xlsx"/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['Tindak lanjut', 'Penanggung jawab', 'Batas waktu', 'Status', 'Terlambat', 'Rapat', 'Tanggal rapat', 'Kode wilayah']);
  assert.equal(sheet.rowCount, 2, 'only the overdue item');
  const row = sheet.getRow(2).values as unknown[];
  assert.deepEqual([row[1], row[2], (row[3] as Date).toISOString().slice(0, 10), row[4], row[5], row[6]], [
    'Menyusun jadwal penutupan',
    'Dinsos Kabupaten Nunukan',
    '2018-06-01',
    'Terbuka',
    'Ya',
    meeting.title,
  ]);

  const en = await as(province, 'en').get('/api/action-items.xlsx');
  const bookEn = new ExcelJS.Workbook();
  await bookEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
  const sheetEn = bookEn.worksheets[0]!;
  assert.equal(sheetEn.name, 'Action items');
  assert.deepEqual((sheetEn.getRow(1).values as unknown[]).slice(1, 4), ['Action item', 'Responsible', 'Due date']);
  assert.equal(sheetEn.rowCount, 3);
  assert.deepEqual([(sheetEn.getRow(3).values as unknown[])[4], (sheetEn.getRow(3).values as unknown[])[5]], ['Open', 'No']);

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await as(auditor).get('/api/audit?action=action_item.exported')).json().items;
  assert.equal(events.length, 2);
  assert.ok(events.some((e: { summary: { filter: { overdue?: boolean }; rows: number } }) => e.summary.filter.overdue === true && e.summary.rows === 1));
});
