import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { createUser, signIn } from '../../test/users.ts';
import type { RoleKey } from '../../../common/permissions.ts';

type T = Parameters<typeof build>[0];

/** Noon WIB of a date. */
const wib = (date: string) => new Date(`${date}T05:00:00Z`);

/**
 * The Kaltara 2018 story built through the API with a clock that moves: users
 * sign in again whenever the clock has moved (sessions expire after 30 idle minutes).
 */
async function setup(t: T) {
  let now = wib('2018-01-10');
  const { app } = await build(t, { regions: true, clock: () => now });
  const users = new Map<string, { username: string; password: string; headers: Record<string, string>; at: number }>();
  const user = async (name: string, roles: RoleKey[], scope: string) => {
    const u = await createUser(app, { roles, scope });
    users.set(name, { ...u, headers: (await signIn(app, u.username, u.password)).headers, at: now.getTime() });
  };
  const headers = async (name: string) => {
    const u = users.get(name)!;
    if (u.at !== now.getTime()) Object.assign(u, { headers: (await signIn(app, u.username, u.password)).headers, at: now.getTime() });
    return u.headers;
  };
  const call = async (name: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: await headers(name), ...(payload ? { payload } : {}) });
  const ok = async (name: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const res = await call(name, method, url, payload);
    assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const at = (date: string) => (now = wib(date));
  const atInstant = (iso: string) => (now = new Date(iso));
  return { app, user, call, ok, at, atInstant };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const TARGETS = { '65.01': '2018-03-31', '65.02': '2018-04-30', '65.03': '2018-07-31', '65.04': '2018-12-31', '65.71': '2018-06-30' } as const;

/** National 2019 and Kaltara 2018 programmes; five regencies/cities moved along their statuses in 2018. */
async function kaltara(s: Setup) {
  const { user, ok, at } = s;
  await user('kemensos', ['province_officer'], 'national');
  await user('province', ['province_officer'], '65');
  const national = await ok('kemensos', 'POST', '/api/programmes', { level: 'national', name: 'Indonesia Bebas Lokalisasi 2019', owner: 'Kemensos', targetDate: '2019-12-31' });
  const programme = await ok('province', 'POST', '/api/programmes', {
    level: 'province',
    parentId: national.id,
    regionCode: '65',
    name: 'Kaltara Bebas Lokalisasi 2018',
    owner: 'Dinsos Provinsi Kaltara',
    targetDate: '2018-12-31',
  });
  const regions: Record<string, number> = {};
  for (const [regionCode, targetDate] of Object.entries(TARGETS))
    regions[regionCode] = (await ok('province', 'POST', `/api/programmes/${programme.id}/regions`, { regionCode, targetDate })).id;
  const move = async (code: string, date: string, to: string) => {
    at(date);
    await ok('province', 'POST', `/api/programme-regions/${regions[code]}/status`, { to, reason: `Perubahan status ${to} sesuai rakor` });
  };
  // Bulungan: closed in March; Malinau: closed in April, monitored since May.
  await move('65.01', '2018-01-15', 'preparing');
  await move('65.01', '2018-02-01', 'scheduled');
  await move('65.02', '2018-02-01', 'preparing');
  await move('65.01', '2018-03-01', 'closing');
  await move('65.02', '2018-03-01', 'scheduled');
  await move('65.71', '2018-03-01', 'preparing');
  await move('65.01', '2018-03-20', 'closed');
  await move('65.71', '2018-04-01', 'awaiting_readiness');
  await move('65.02', '2018-04-10', 'closing');
  await move('65.02', '2018-04-20', 'closed');
  await move('65.02', '2018-05-10', 'monitoring');
  // Tarakan: one readiness request answered (conditional), the later one still pending.
  at('2018-04-02');
  const first = await ok('province', 'POST', `/api/programme-regions/${regions['65.71']}/readiness`, { askedAt: '2018-04-02', askedOf: 'Pemkot Tarakan', question: 'Apakah pemkot siap menutup lokalisasi?' });
  await ok('province', 'POST', `/api/readiness-requests/${first.id}/answer`, { answeredAt: '2018-04-25', answer: 'conditional', answeredBy: 'Sekda Kota Tarakan' });
  await ok('province', 'POST', `/api/programme-regions/${regions['65.71']}/readiness`, { askedAt: '2018-05-02', askedOf: 'Wali Kota Tarakan', question: 'Kapan penutupan dapat dijadwalkan?' });
  // Nunukan: the rakor of 18 May 2018, then scheduled.
  await move('65.03', '2018-05-18', 'preparing');
  await move('65.03', '2018-05-20', 'scheduled');

  // Sites: Nunukan's Km 9 (48 → 51 workers) and a Bulungan site closed in March.
  const km9 = await ok('province', 'POST', '/api/sites', { name: 'Lokalisasi Km 9', regionCode: '65.03.02' });
  await ok('province', 'POST', `/api/sites/${km9.id}/head-counts`, { countedOn: '2017-01-20', source: 'site_manager', workers: 48, othersAffected: 5 });
  await ok('province', 'POST', `/api/sites/${km9.id}/head-counts`, { countedOn: '2018-05-18', source: 'dinsos', workers: 51, othersAffected: 6, reasonForChange: 'Pendataan ulang untuk rakor' });
  await ok('province', 'PUT', `/api/sites/${km9.id}/milestones/identification`, { doneDate: '2018-05-18' });
  await ok('province', 'PUT', `/api/sites/${km9.id}/milestones/socialisation`, { plannedDate: '2018-07-02' });
  const bulungan = await ok('province', 'POST', '/api/sites', { name: 'Lokalisasi Tanjung Selor', regionCode: '65.01' });
  await ok('province', 'POST', `/api/sites/${bulungan.id}/head-counts`, { countedOn: '2018-03-01', source: 'joint_verification', workers: 30, othersAffected: 2 });
  await ok('province', 'POST', `/api/sites/${bulungan.id}/closure`, { decreeNumber: 'SK 188/2018', decreeDate: '2018-03-15', closureDate: '2018-03-20' });
  return { national, programme, regions, km9, bulungan };
}

/** The governor's instruction to the five governments (three still unanswered), a later circular to Tana Tidung, and unrelated letters. */
async function letters(s: Setup, programmeId: number) {
  const { ok, at } = s;
  at('2018-05-18');
  const unit = await ok('province', 'POST', '/api/letter-units', { code: 'DINSOS-KALTARA', name: 'Dinas Sosial Provinsi Kalimantan Utara', regionCode: '65' });
  const letter = async (payload: object) =>
    ok('province', 'POST', '/api/letters', {
      unitId: unit.id,
      type: 'instruksi_gubernur',
      letterDate: '2018-05-18',
      subject: 'Penutupan lokalisasi',
      signatoryName: 'Dr. H. Irianto Lambrie',
      signatoryTitle: 'Gubernur Kalimantan Utara',
      programmeId,
      ...payload,
    });
  const instruction = await letter({});
  await ok('province', 'POST', `/api/letters/${instruction.id}/issue`);
  const governments = { '65.01': 'Bupati Bulungan', '65.02': 'Bupati Malinau', '65.03': 'Bupati Nunukan', '65.04': 'Bupati Tana Tidung', '65.71': 'Wali Kota Tarakan' };
  const sent = await ok('province', 'POST', `/api/letters/${instruction.id}/recipients`, {
    recipients: Object.entries(governments).map(([regionCode, recipient]) => ({ recipient, regionCode, sentOn: '2018-05-21' })),
  });
  for (const r of sent.recipients.filter((x: { regionCode: string }) => x.regionCode === '65.01' || x.regionCode === '65.02'))
    await ok('province', 'PATCH', `/api/letters/${instruction.id}/recipients/${r.id}`, { responseOn: '2018-06-01', responseSummary: 'Sudah ditutup' });

  at('2018-07-25');
  const circular = await letter({ type: 'surat_edaran', letterDate: '2018-07-25', subject: 'Jadwal penutupan' });
  await ok('province', 'POST', `/api/letters/${circular.id}/issue`);
  await ok('province', 'POST', `/api/letters/${circular.id}/recipients`, { recipients: [{ recipient: 'Bupati Tana Tidung', regionCode: '65.04', sentOn: '2018-07-25' }] });
  // Not counted: a letter of no programme, and a draft.
  const other = await letter({ programmeId: null, type: 'undangan' });
  await ok('province', 'POST', `/api/letters/${other.id}/issue`);
  await ok('province', 'POST', `/api/letters/${other.id}/recipients`, { recipients: [{ recipient: 'Bupati Nunukan', regionCode: '65.03', sentOn: '2018-05-21' }] });
  await letter({ type: 'laporan' });
}

test('the programme dashboard: regions by status and lateness, sites, workers, readiness, letters', async (t) => {
  const s = await setup(t);
  const { programme, regions } = await kaltara(s);
  await letters(s, programme.id);
  s.at('2018-08-01');
  const d = await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}`);

  assert.deepEqual(d.programme, { id: programme.id, level: 'province', name: 'Kaltara Bebas Lokalisasi 2018', owner: 'Dinsos Provinsi Kaltara', regionCode: '65', targetDate: '2018-12-31' });
  assert.equal(d.today, '2018-08-01');
  assert.deepEqual([d.regions.total, d.regions.closed, d.regions.late], [5, 2, 2]);
  assert.deepEqual(Object.fromEntries(d.regions.byStatus.map((b: { status: string; count: number }) => [b.status, b.count])), {
    not_started: 1,
    preparing: 0,
    awaiting_readiness: 1,
    scheduled: 1,
    closing: 0,
    closed: 1,
    monitoring: 1,
    reopened: 0,
  });
  assert.deepEqual(
    d.regions.items.map((r: Record<string, unknown>) => [r.id, r.regionCode, r.regionName, r.status, r.targetDate, r.daysLate, r.readinessPending]),
    [
      [regions['65.01'], '65.01', 'Kabupaten Bulungan', 'closed', '2018-03-31', null, 0],
      [regions['65.02'], '65.02', 'Kabupaten Malinau', 'monitoring', '2018-04-30', null, 0],
      [regions['65.03'], '65.03', 'Kabupaten Nunukan', 'scheduled', '2018-07-31', 1, 0],
      [regions['65.04'], '65.04', 'Kabupaten Tana Tidung', 'not_started', '2018-12-31', null, 0],
      [regions['65.71'], '65.71', 'Kota Tarakan', 'awaiting_readiness', '2018-06-30', 32, 1],
    ],
  );
  assert.equal(d.readinessPending, 1);
  assert.deepEqual(d.sites, {
    total: 2,
    closed: 1,
    workers: 81,
    othersAffected: 8,
    workersAtOpenSites: 51,
    byRegion: [
      { regionCode: '65.01', regionName: 'Kabupaten Bulungan', sites: 1, sitesClosed: 1, workers: 30, othersAffected: 2, workersAtOpenSites: 0, latestCountedOn: '2018-03-01' },
      { regionCode: '65.03', regionName: 'Kabupaten Nunukan', sites: 1, sitesClosed: 0, workers: 51, othersAffected: 6, workersAtOpenSites: 51, latestCountedOn: '2018-05-18' },
    ],
  });
  // Instruction: Nunukan, Tana Tidung and Tarakan unanswered since 21 May (overdue after 14 days);
  // the circular to Tana Tidung of 25 July awaits its answer but is not overdue yet.
  assert.deepEqual(d.letters, { lettersAwaiting: 2, awaitingResponse: 4, overdue: 3, responseDays: 14 });
  assert.deepEqual(d.actionItems, { overdue: 0, top: [] });
  assert.deepEqual(d.alerts, { reopenedRegions: [], reopenedSites: [] });

  // A week later the circular is overdue too; on 30 July nothing was late at Nunukan yet.
  s.at('2018-08-09');
  const later = await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.deepEqual([later.letters.awaitingResponse, later.letters.overdue], [4, 4]);
  assert.equal(later.regions.items.find((r: { regionCode: string }) => r.regionCode === '65.03').daysLate, 9);
  s.at('2018-07-30');
  const before = await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.deepEqual([before.regions.late, before.letters.overdue], [1, 3]);
});

test('scope: a Tana Tidung officer sees only 65.04; other provinces’ programmes are 404; sections follow the read permissions', async (t) => {
  const s = await setup(t);
  const { programme, national } = await kaltara(s);
  await letters(s, programme.id);
  await s.user('tanaTidung', ['regency_officer'], '65.04');
  await s.user('nunukan', ['regency_officer'], '65.03');
  await s.user('finance', ['finance_officer'], '65');
  const kaltim = await s.ok('kemensos', 'POST', '/api/programmes', { level: 'province', parentId: national.id, regionCode: '64', name: 'Kaltim Bebas Lokalisasi', owner: 'Dinsos Kaltim' });
  s.at('2018-08-01');

  const d = await s.ok('tanaTidung', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.deepEqual(d.regions.items.map((r: { regionCode: string }) => r.regionCode), ['65.04']);
  assert.deepEqual([d.regions.total, d.regions.closed, d.regions.late, d.readinessPending], [1, 0, 0, 0]);
  assert.equal(d.regions.byStatus.find((b: { status: string }) => b.status === 'not_started').count, 1);
  assert.equal(d.regions.byStatus.reduce((n: number, b: { count: number }) => n + b.count, 0), 1);
  assert.deepEqual(d.sites, { total: 0, closed: 0, workers: 0, othersAffected: 0, workersAtOpenSites: 0, byRegion: [] });
  // Both letters addressed to Tana Tidung: the instruction (overdue) and the circular (not yet).
  assert.deepEqual(d.letters, { lettersAwaiting: 2, awaitingResponse: 2, overdue: 1, responseDays: 14 });

  const n = await s.ok('nunukan', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.deepEqual(n.regions.items.map((r: { regionCode: string; daysLate: number }) => [r.regionCode, r.daysLate]), [['65.03', 1]]);
  assert.deepEqual([n.sites.total, n.sites.workers, n.sites.workersAtOpenSites], [1, 51, 51]);
  assert.deepEqual(n.letters, { lettersAwaiting: 1, awaitingResponse: 1, overdue: 1, responseDays: 14 }, 'the letter of no programme is not counted');

  const timeline = await s.ok('tanaTidung', 'GET', `/api/dashboard/programmes/${programme.id}/timeline`);
  assert.deepEqual(timeline.regions.map((r: { regionCode: string }) => r.regionCode), ['65.04']);

  // Finance officers read programmes but not sites, meetings or letters.
  const f = await s.ok('finance', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.equal(f.regions.total, 5);
  assert.deepEqual([f.sites, f.actionItems, f.letters], [null, null, null]);
  assert.equal((await s.ok('finance', 'GET', `/api/dashboard/programmes/${programme.id}/timeline`)).regions[0].sites, null);

  for (const who of ['tanaTidung', 'province'])
    for (const url of [`/api/dashboard/programmes/${kaltim.id}`, `/api/dashboard/programmes/${kaltim.id}/timeline`, '/api/dashboard/programmes/999999']) {
      const res = await s.call(who, 'GET', url);
      assert.equal(res.statusCode, 404, `${who} ${url}`);
      assert.equal(res.json().error.code, 'dashboard.programme_not_found');
    }
  const nationalDashboard = await s.call('province', 'GET', `/api/dashboard/programmes/${national.id}`);
  assert.equal(nationalDashboard.statusCode, 409);
  assert.equal(nationalDashboard.json().error.code, 'dashboard.not_provincial');
  assert.equal((await s.app.inject({ method: 'GET', url: `/api/dashboard/programmes/${programme.id}` })).statusCode, 401);
});

test('an empty programme: zeros everywhere and a timeline without rows', async (t) => {
  const s = await setup(t);
  await s.user('kemensos', ['province_officer'], 'national');
  const national = await s.ok('kemensos', 'POST', '/api/programmes', { level: 'national', name: 'Indonesia Bebas Lokalisasi 2019', owner: 'Kemensos' });
  const empty = await s.ok('kemensos', 'POST', '/api/programmes', { level: 'province', parentId: national.id, regionCode: '65', name: 'Kaltara 2019', owner: 'Dinsos Kaltara' });
  const d = await s.ok('kemensos', 'GET', `/api/dashboard/programmes/${empty.id}`);
  assert.equal(d.today, '2018-01-10');
  assert.deepEqual([d.regions.total, d.regions.closed, d.regions.late, d.regions.items, d.readinessPending], [0, 0, 0, [], 0]);
  assert.ok(d.regions.byStatus.every((b: { count: number }) => b.count === 0));
  assert.equal(d.regions.byStatus.length, 8);
  assert.deepEqual(d.sites, { total: 0, closed: 0, workers: 0, othersAffected: 0, workersAtOpenSites: 0, byRegion: [] });
  assert.deepEqual(d.actionItems, { overdue: 0, top: [] });
  assert.deepEqual(d.letters, { lettersAwaiting: 0, awaitingResponse: 0, overdue: 0, responseDays: 14 });
  const tl = await s.ok('kemensos', 'GET', `/api/dashboard/programmes/${empty.id}/timeline`);
  assert.deepEqual(tl, {
    programme: { id: empty.id, level: 'province', name: 'Kaltara 2019', owner: 'Dinsos Kaltara', regionCode: '65', targetDate: null },
    today: '2018-01-10',
    range: { start: '2018-01-10', end: '2018-01-10' },
    regions: [],
  });
  const rollup = await s.ok('kemensos', 'GET', '/api/dashboard/national');
  assert.deepEqual(rollup.provinces.map((p: { regionsTotal: number; progress: string }) => [p.regionsTotal, p.progress]), [[0, 'on_track']]);
});

test('the timeline: status segments from the history, site milestones, closure and target dates, today', async (t) => {
  const s = await setup(t);
  const { programme, regions, km9, bulungan } = await kaltara(s);
  s.at('2018-08-01');
  const tl = await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}/timeline`);
  assert.equal(tl.today, '2018-08-01');
  assert.equal(tl.programme.targetDate, '2018-12-31');
  assert.deepEqual(tl.range, { start: '2018-01-10', end: '2018-12-31' });
  assert.deepEqual(tl.regions.map((r: { regionCode: string }) => r.regionCode), ['65.01', '65.02', '65.03', '65.04', '65.71']);
  const [bul, mal, nun, tt, tar] = tl.regions;
  assert.deepEqual([bul.id, bul.status, bul.targetDate, bul.closedOn], [regions['65.01'], 'closed', '2018-03-31', '2018-03-20']);
  assert.deepEqual(bul.segments, [
    { status: 'not_started', start: '2018-01-15', end: '2018-01-15' },
    { status: 'preparing', start: '2018-01-15', end: '2018-02-01' },
    { status: 'scheduled', start: '2018-02-01', end: '2018-03-01' },
    { status: 'closing', start: '2018-03-01', end: '2018-03-20' },
    { status: 'closed', start: '2018-03-20', end: null },
  ]);
  assert.deepEqual(bul.sites, [{ id: bulungan.id, code: 'LOK-6501-001', name: 'Lokalisasi Tanjung Selor', status: 'closed', closureDate: '2018-03-20', milestones: [] }]);
  assert.equal(mal.closedOn, '2018-04-20', 'monitoring counts as closed since the move to closed');
  assert.deepEqual(mal.segments.slice(-2), [
    { status: 'closed', start: '2018-04-20', end: '2018-05-10' },
    { status: 'monitoring', start: '2018-05-10', end: null },
  ]);
  assert.equal(nun.closedOn, null);
  assert.deepEqual(nun.segments.map((x: { status: string }) => x.status), ['not_started', 'preparing', 'scheduled']);
  assert.deepEqual(nun.sites, [
    {
      id: km9.id,
      code: 'LOK-6503-001',
      name: 'Lokalisasi Km 9',
      status: 'open',
      closureDate: null,
      milestones: [
        { stage: 'identification', plannedDate: null, doneDate: '2018-05-18' },
        { stage: 'socialisation', plannedDate: '2018-07-02', doneDate: null },
      ],
    },
  ]);
  // Tana Tidung never moved: one open "not started" segment from the day it joined.
  assert.deepEqual(tt.segments, [{ status: 'not_started', start: '2018-01-10', end: null }]);
  assert.deepEqual([tt.targetDate, tt.sites], ['2018-12-31', []]);
  assert.deepEqual(tar.segments.map((x: { status: string; start: string }) => [x.status, x.start]), [
    ['not_started', '2018-03-01'],
    ['preparing', '2018-03-01'],
    ['awaiting_readiness', '2018-04-01'],
  ]);
});

test('reopened regions and sites are the dashboard’s alerts', async (t) => {
  const s = await setup(t);
  const { programme, regions, bulungan } = await kaltara(s);
  s.at('2018-10-01');
  await s.ok('province', 'POST', `/api/programme-regions/${regions['65.02']}/status`, { to: 'reopened', reason: 'Wisma buka kembali pada malam hari' });
  await s.ok('province', 'POST', `/api/sites/${bulungan.id}/monitoring-visits`, { visitedOn: '2018-09-30', finding: 'activity_resumed', visitedBy: 'Tim Dinsos Bulungan' });
  const d = await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.deepEqual(d.alerts, {
    reopenedRegions: [{ id: regions['65.02'], regionCode: '65.02', regionName: 'Kabupaten Malinau', since: '2018-10-01T05:00:00.000Z' }],
    reopenedSites: [{ id: bulungan.id, code: 'LOK-6501-001', name: 'Lokalisasi Tanjung Selor', regencyCode: '65.01' }],
  });
  // Malinau no longer counts as closed and is past its target; the reopened site is not closed either.
  assert.deepEqual([d.regions.closed, d.regions.late], [1, 3]);
  assert.equal(d.regions.items.find((r: { regionCode: string }) => r.regionCode === '65.02').daysLate, 154);
  assert.deepEqual([d.sites.closed, d.sites.workersAtOpenSites], [0, 81]);
});

test('overdue action items: open or in progress, due before today (WIB), of meetings about the programme within scope', async (t) => {
  const s = await setup(t);
  const { programme } = await kaltara(s);
  await s.user('tanaTidung', ['regency_officer'], '65.04');
  await s.user('nunukan', ['regency_officer'], '65.03');
  s.at('2018-05-18');
  const rakor = await s.ok('province', 'POST', '/api/meetings', {
    type: 'rakor',
    title: 'Rakor penutupan lokalisasi Nunukan',
    startsAt: '2018-05-18T09:00:00+08:00',
    regionCode: '65',
    programmeId: programme.id,
    regionCodes: ['65.03'],
  });
  const item = (title: string, dueDate: string, extra: object = {}) =>
    s.ok('province', 'POST', `/api/meetings/${rakor.id}/action-items`, { title, ownerKind: 'institution', ownerInstitution: 'Dinsos Kabupaten Nunukan', dueDate, ...extra });
  const late = await item('Rapat teknis penutupan', '2018-06-01');
  const later = await item('Data pekerja terbaru', '2018-07-15', { status: 'in_progress' });
  await item('Laporan pelaksanaan', '2018-07-31');
  await item('Sudah dikerjakan', '2018-06-01', { status: 'done' });
  await item('Dibatalkan', '2018-06-01', { status: 'cancelled' });
  // A meeting of another province is not counted.
  await s.user('kaltim', ['province_officer'], '64');
  const kaltimMeeting = await s.ok('kaltim', 'POST', '/api/meetings', { type: 'rakor', title: 'Rakor Kaltim', startsAt: '2018-05-18T09:00:00+08:00', regionCode: '64' });
  await s.ok('kaltim', 'POST', `/api/meetings/${kaltimMeeting.id}/action-items`, { title: 'Pendataan Kaltim', ownerKind: 'institution', ownerInstitution: 'Dinsos Kaltim', dueDate: '2018-06-01' });

  // 31 July, WIB: the item due that day is not overdue yet.
  s.at('2018-07-31');
  const d = await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.equal(d.actionItems.overdue, 2);
  assert.deepEqual(d.actionItems.top, [
    { id: late.id, meetingId: rakor.id, title: 'Rapat teknis penutupan', dueDate: '2018-06-01', daysOverdue: 60, status: 'open', owner: 'Dinsos Kabupaten Nunukan', regionCode: '65' },
    { id: later.id, meetingId: rakor.id, title: 'Data pekerja terbaru', dueDate: '2018-07-15', daysOverdue: 16, status: 'in_progress', owner: 'Dinsos Kabupaten Nunukan', regionCode: '65' },
  ]);
  // Nunukan's officers see the rakor (it concerns 65.03); Tana Tidung's do not.
  assert.equal((await s.ok('nunukan', 'GET', `/api/dashboard/programmes/${programme.id}`)).actionItems.overdue, 2);
  assert.deepEqual((await s.ok('tanaTidung', 'GET', `/api/dashboard/programmes/${programme.id}`)).actionItems, { overdue: 0, top: [] });
  // At 17:30 UTC on 31 July it is already 1 August in WIB: the item due on 31 July is overdue.
  s.atInstant('2018-07-31T17:30:00Z');
  const res = await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}`);
  assert.equal(res.actionItems.overdue, 3);
  s.atInstant('2018-07-31T16:30:00Z');
  assert.equal((await s.ok('province', 'GET', `/api/dashboard/programmes/${programme.id}`)).actionItems.overdue, 2);
});

test('the national roll-up: per province, for the latest national programme by default, within scope', async (t) => {
  const s = await setup(t);
  const { programme, national } = await kaltara(s);
  await s.user('ministry', ['ministry_officer'], 'national');
  await s.user('tanaTidung', ['regency_officer'], '65.04');
  await s.user('finance', ['finance_officer'], 'national');
  const kaltim = await s.ok('kemensos', 'POST', '/api/programmes', { level: 'province', parentId: national.id, regionCode: '64', name: 'Kaltim Bebas Lokalisasi', owner: 'Dinsos Kaltim', targetDate: '2019-06-30' });
  await s.ok('kemensos', 'POST', `/api/programmes/${kaltim.id}/regions`, { regionCode: '64.71', targetDate: '2018-06-30' });
  s.at('2018-08-01');

  const r = await s.ok('ministry', 'GET', '/api/dashboard/national');
  assert.deepEqual(r.programme, { id: national.id, level: 'national', name: 'Indonesia Bebas Lokalisasi 2019', owner: 'Kemensos', regionCode: null, targetDate: '2019-12-31' });
  assert.equal(r.today, '2018-08-01');
  assert.equal(r.includesSites, true);
  assert.deepEqual(r.provinces, [
    {
      programmeId: kaltim.id,
      name: 'Kaltim Bebas Lokalisasi',
      regionCode: '64',
      provinceName: 'Kalimantan Timur',
      targetDate: '2019-06-30',
      regionsTotal: 1,
      regionsClosed: 0,
      regionsLate: 1,
      sitesTotal: 0,
      sitesClosed: 0,
      workers: 0,
      othersAffected: 0,
      workersAtOpenSites: 0,
      progress: 'late',
    },
    {
      programmeId: programme.id,
      name: 'Kaltara Bebas Lokalisasi 2018',
      regionCode: '65',
      provinceName: 'Kalimantan Utara',
      targetDate: '2018-12-31',
      regionsTotal: 5,
      regionsClosed: 2,
      regionsLate: 2,
      sitesTotal: 2,
      sitesClosed: 1,
      workers: 81,
      othersAffected: 8,
      workersAtOpenSites: 51,
      progress: 'late',
    },
  ]);
  assert.deepEqual(r.totals, { provinces: 2, regionsTotal: 6, regionsClosed: 2, sitesTotal: 2, sitesClosed: 1, workers: 81, othersAffected: 8, workersAtOpenSites: 51 });

  // A province officer sees their province; a regency officer their province, counted for their regency only.
  const province = await s.ok('province', 'GET', '/api/dashboard/national');
  assert.deepEqual(province.provinces.map((p: { regionCode: string }) => p.regionCode), ['65']);
  const tt = await s.ok('tanaTidung', 'GET', `/api/dashboard/national?programmeId=${national.id}`);
  assert.deepEqual(
    tt.provinces.map((p: Record<string, unknown>) => [p.regionCode, p.regionsTotal, p.regionsClosed, p.regionsLate, p.sitesTotal, p.progress]),
    [['65', 1, 0, 0, 0, 'on_track']],
  );
  // Without site.read the site figures are left out.
  const finance = await s.ok('finance', 'GET', '/api/dashboard/national');
  assert.equal(finance.includesSites, false);
  assert.deepEqual([finance.totals.regionsTotal, finance.totals.sitesTotal, finance.totals.workers], [6, 0, 0]);

  // Every regency closed: done. A newer national programme becomes the default.
  for (const to of ['preparing', 'scheduled', 'closing', 'closed']) {
    const rows = await s.ok('kemensos', 'GET', `/api/programmes/${kaltim.id}/regions`);
    await s.ok('kemensos', 'POST', `/api/programme-regions/${rows.items[0].id}/status`, { to, reason: 'Penutupan Balikpapan selesai' });
  }
  assert.equal((await s.ok('ministry', 'GET', '/api/dashboard/national')).provinces[0].progress, 'done');
  const newer = await s.ok('kemensos', 'POST', '/api/programmes', { level: 'national', name: 'Indonesia Bebas Lokalisasi 2020', owner: 'Kemensos' });
  const latest = await s.ok('ministry', 'GET', '/api/dashboard/national');
  assert.equal(latest.programme.id, newer.id);
  assert.deepEqual(latest.nationalProgrammes.map((p: { id: number }) => p.id), [newer.id, national.id]);
  assert.deepEqual([latest.provinces, latest.totals.provinces], [[], 0]);
  const missing = await s.call('ministry', 'GET', `/api/dashboard/national?programmeId=${programme.id}`);
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'dashboard.national_not_found');
});
