import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { cliContext } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { sql } from 'kysely';
import { migrate, readMigrations } from '../../platform/db/migrate.ts';
import { build, freshDatabase } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { makeSite, multipart } from '../sites/sites.matrix.ts';
import { makePng } from './letters.fixtures.ts';
import { formatLetterNumber, toRoman } from '../../../common/letter-number.ts';
import { countOverdueRecipients, overdueRecipientsByRegency } from './letters.repository.ts';

type T = Parameters<typeof build>[0];

/** A province officer of Kaltara (65) with the provincial Dinsos unit. */
async function setup(t: T, opts: { now?: Date; config?: Record<string, string> } = {}) {
  let now = opts.now ?? new Date('2018-05-18T02:00:00Z');
  const { app, database } = await build(t, { regions: true, clock: () => now, config: opts.config });
  const officer = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const unit = await app.inject({
    method: 'POST',
    url: '/api/letter-units',
    headers: officer.headers,
    payload: {
      code: 'DINSOS-KALTARA',
      name: 'Dinas Sosial Provinsi Kalimantan Utara',
      regionCode: '65',
      institutionLines: ['Pemerintah Provinsi Kalimantan Utara', 'Dinas Sosial'],
      address: 'Jl. Kolonel Soetadji, Tanjung Selor',
      phone: '(0552) 21000',
      place: 'Tanjung Selor',
    },
  });
  assert.equal(unit.statusCode, 200, unit.body);
  const draft = async (payload: Record<string, unknown> = {}, headers = officer.headers) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/letters',
      headers,
      payload: {
        unitId: unit.json().id,
        type: 'instruksi_gubernur',
        letterDate: '2018-05-18',
        subject: 'Penutupan lokalisasi di Kabupaten Nunukan',
        classification: '460',
        nature: 'segera',
        attachmentsCount: 1,
        body: 'Dalam rangka Indonesia bebas lokalisasi 2019, bersama ini kami sampaikan langkah penutupan.\n\nDemikian untuk dilaksanakan.',
        signatoryName: 'Dr. H. Irianto Lambrie',
        signatoryTitle: 'Gubernur Kalimantan Utara',
        copiesTo: ['Menteri Sosial RI', 'Ketua DPRD Provinsi Kalimantan Utara'],
        ...payload,
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const issue = (id: number, headers = officer.headers) => app.inject({ method: 'POST', url: `/api/letters/${id}/issue`, headers });
  return { app, db: database.db as Db, officer, unit: unit.json(), draft, issue, setNow: (d: Date) => (now = d) };
}

test('numbers follow the unit format, with the month in Roman numerals from the letter date', () => {
  assert.deepEqual([1, 4, 5, 9, 12].map(toRoman), ['I', 'IV', 'V', 'IX', 'XII']);
  const parts = { seq: 1, unit: 'DINSOS-KALTARA', classification: '460', letterDate: '2018-05-18' };
  assert.equal(formatLetterNumber('{seq}/{unit}/{classification}/{month_roman}/{year}', parts), '1/DINSOS-KALTARA/460/V/2018');
  assert.equal(formatLetterNumber('{classification}/{seq}/{unit}/{month}.{year}', { ...parts, seq: 17, letterDate: '2018-12-03' }), '460/17/DINSOS-KALTARA/12.2018');
  assert.equal(formatLetterNumber(null, { ...parts, classification: '' }), '1/DINSOS-KALTARA/V/2018', 'no empty segment');
});

test('a draft has no number; issuing gives 1/DINSOS-KALTARA/460/V/2018 and freezes the letter', async (t) => {
  const { app, officer, draft, issue } = await setup(t);
  const letter = await draft();
  assert.equal(letter.status, 'draft');
  assert.equal(letter.number, null);
  assert.deepEqual(letter.actions, ['pdf', 'update', 'issue', 'add_recipients']);
  const issued = await issue(letter.id);
  assert.equal(issued.statusCode, 200, issued.body);
  assert.equal(issued.json().number, '1/DINSOS-KALTARA/460/V/2018');
  assert.equal(issued.json().status, 'issued');
  assert.deepEqual(issued.json().actions, ['pdf', 'add_recipients', 'update_recipient']);

  const change = await app.inject({ method: 'PATCH', url: `/api/letters/${letter.id}`, headers: officer.headers, payload: { subject: 'Lain' } });
  assert.equal(change.statusCode, 409);
  assert.equal(change.json().error.code, 'letter.not_draft');
  assert.equal((await issue(letter.id)).json().error.code, 'letter.not_draft', 'a letter is issued once');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = await app.inject({ method: 'GET', url: '/api/audit?action=letter.issue', headers: auditor.headers });
  assert.equal(events.json().items[0].summary.number, '1/DINSOS-KALTARA/460/V/2018');
});

test('gap-free numbering: 20 parallel issues get exactly 1..20; failed issues give their number back', async (t) => {
  const { app, officer, draft, issue } = await setup(t);
  const good = await Promise.all(Array.from({ length: 20 }, (_, i) => draft({ subject: `Surat ${i + 1}` })));
  // Unsigned drafts pass every check before the number is taken, then violate the
  // "issued letters are signed" check in the same transaction.
  const unsigned = await Promise.all(Array.from({ length: 5 }, () => draft({ signatoryName: '' })));
  const results = await Promise.all([...good, ...unsigned].map((l) => issue(l.id)));
  const ok = results.filter((r) => r.statusCode === 200).map((r) => r.json());
  const failed = results.filter((r) => r.statusCode !== 200);
  assert.equal(ok.length, 20);
  assert.equal(failed.length, 5);
  for (const f of failed) assert.equal(f.json().error.code, 'letter.incomplete', f.body);
  assert.deepEqual(ok.map((l) => l.seq).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
  assert.equal(new Set(ok.map((l) => l.number)).size, 20);

  // After a failure the next letter takes the very next number.
  const bad = await draft({ signatoryName: '' });
  assert.equal((await issue(bad.id)).statusCode, 409);
  const next = await issue((await draft()).id);
  assert.equal(next.json().number, '21/DINSOS-KALTARA/460/V/2018');
  // The failed draft, once signed, is issued with the next one.
  await app.inject({ method: 'PATCH', url: `/api/letters/${bad.id}`, headers: officer.headers, payload: { signatoryName: 'Dr. H. Irianto Lambrie' } });
  assert.equal((await issue(bad.id)).json().seq, 22);
});

test('a new year restarts at 1, and each unit counts on its own', async (t) => {
  const { app, officer, draft, issue } = await setup(t);
  assert.equal((await issue((await draft()).id)).json().seq, 1);
  assert.equal((await issue((await draft()).id)).json().seq, 2);
  const january = await issue((await draft({ letterDate: '2019-01-10' })).id);
  assert.equal(january.json().number, '1/DINSOS-KALTARA/460/I/2019');
  const other = await app.inject({
    method: 'POST',
    url: '/api/letter-units',
    headers: officer.headers,
    payload: { code: 'DINSOS-NNK', name: 'Dinas Sosial Kabupaten Nunukan', regionCode: '65.03', numberFormat: '{classification}/{seq}/{unit}/{year}' },
  });
  const nunukan = await issue((await draft({ unitId: other.json().id })).id);
  assert.equal(nunukan.json().number, '460/1/DINSOS-NNK/2018');
  const years = await app.inject({ method: 'GET', url: '/api/letters?year=2019', headers: officer.headers });
  assert.deepEqual(years.json().items.map((l: { number: string }) => l.number), ['1/DINSOS-KALTARA/460/I/2019']);
});

test('recipients: all five Kaltara governments at once; unanswered ones are overdue after LETTER_RESPONSE_DAYS', async (t) => {
  const { app, draft, issue, setNow } = await setup(t, { config: { LETTER_RESPONSE_DAYS: '14' } });
  let officer = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const letter = await draft();
  await issue(letter.id);
  const regencies = [
    ['Pemerintah Kabupaten Bulungan', '65.01'],
    ['Pemerintah Kabupaten Malinau', '65.02'],
    ['Pemerintah Kabupaten Nunukan', '65.03'],
    ['Pemerintah Kabupaten Tana Tidung', '65.04'],
    ['Pemerintah Kota Tarakan', '65.71'],
  ];
  const added = await app.inject({
    method: 'POST',
    url: `/api/letters/${letter.id}/recipients`,
    headers: officer.headers,
    payload: { recipients: regencies.map(([recipient, regionCode]) => ({ recipient, regionCode, sentOn: '2018-05-20' })) },
  });
  assert.equal(added.statusCode, 200, added.body);
  assert.equal(added.json().recipients.length, 5);
  const nunukan = added.json().recipients.find((r: { regionCode: string }) => r.regionCode === '65.03');
  const answered = await app.inject({
    method: 'PATCH',
    url: `/api/letters/${letter.id}/recipients/${nunukan.id}`,
    headers: officer.headers,
    payload: { deliveredOn: '2018-05-21', acknowledgedOn: '2018-05-21', responseOn: '2018-05-28', responseSummary: 'Siap melaksanakan penutupan Juli 2018', responseDocumentRef: '460/123/DINSOS-NNK/V/2018' },
  });
  assert.equal(answered.statusCode, 200, answered.body);
  const overdueList = () => app.inject({ method: 'GET', url: '/api/letters?overdue=true', headers: officer.headers });

  // 3 June: exactly 14 days after sending, not yet overdue.
  setNow(new Date('2018-06-03T02:00:00Z'));
  officer = await asUser(app, { roles: ['province_officer'], scope: '65' });
  assert.equal((await overdueList()).json().total, 0);
  // 4 June (WIB): more than 14 days.
  setNow(new Date('2018-06-03T18:00:00Z'));
  officer = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const list = await overdueList();
  assert.deepEqual(list.json().items.map((l: { id: number }) => l.id), [letter.id]);
  assert.equal(list.json().items[0].overdue, true);
  const notOverdue = await app.inject({ method: 'GET', url: '/api/letters?overdue=false', headers: officer.headers });
  assert.equal(notOverdue.json().total, 0);
  const detail = (await app.inject({ method: 'GET', url: `/api/letters/${letter.id}`, headers: officer.headers })).json();
  assert.deepEqual(
    detail.recipients.filter((r: { overdue: boolean }) => r.overdue).map((r: { regionCode: string }) => r.regionCode),
    ['65.01', '65.02', '65.04', '65.71'],
  );
  assert.equal(detail.recipients.find((r: { id: number }) => r.id === nunukan.id).responseSummary, 'Siap melaksanakan penutupan Juli 2018');
  // The register counts answers: Nunukan answered, the other four did not.
  assert.deepEqual([detail.recipientCount, detail.answeredCount], [5, 1]);
});

test('letters are scoped by the region of their unit, in the list and one by one', async (t) => {
  const { app, officer, draft } = await setup(t);
  const bulungan = await app.inject({ method: 'POST', url: '/api/letter-units', headers: officer.headers, payload: { code: 'DINSOS-BLG', name: 'Dinsos Bulungan', regionCode: '65.01' } });
  const provincial = await draft();
  const local = await draft({ unitId: bulungan.json().id });
  const nunukanOfficer = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const bulunganOfficer = await asUser(app, { roles: ['regency_officer'], scope: '65.01' });
  const ids = async (headers: Record<string, string>) =>
    (await app.inject({ method: 'GET', url: '/api/letters', headers })).json().items.map((l: { id: number }) => l.id).sort();
  assert.deepEqual(await ids(officer.headers), [provincial.id, local.id].sort());
  assert.deepEqual(await ids(bulunganOfficer.headers), [local.id]);
  assert.deepEqual(await ids(nunukanOfficer.headers), []);
  const hidden = await app.inject({ method: 'GET', url: `/api/letters/${provincial.id}`, headers: bulunganOfficer.headers });
  assert.equal(hidden.statusCode, 404);
  const units = await app.inject({ method: 'GET', url: '/api/letter-units', headers: bulunganOfficer.headers });
  assert.deepEqual(units.json().items.map((u: { code: string }) => u.code), ['DINSOS-BLG']);
  const outside = await app.inject({ method: 'POST', url: '/api/letter-units', headers: bulunganOfficer.headers, payload: { code: 'X-NNK', name: 'x', regionCode: '65.03' } });
  assert.equal(outside.statusCode, 403);
  const ministry = await asUser(app, { roles: ['ministry_officer'], scope: 'national' });
  const read = await app.inject({ method: 'GET', url: `/api/letters/${local.id}`, headers: ministry.headers });
  assert.deepEqual(read.json().actions, ['pdf'], 'readers may only read');
});

test('validation errors name the field', async (t) => {
  const { app, officer, unit } = await setup(t);
  const bad = await app.inject({ method: 'POST', url: '/api/letters', headers: officer.headers, payload: { unitId: unit.id, type: 'instruksi_gubernur', letterDate: '18-05-2018', subject: 'x' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].field, 'body.letterDate');
  const nature = await app.inject({ method: 'POST', url: '/api/letters', headers: officer.headers, payload: { unitId: unit.id, type: 'undangan', letterDate: '2018-05-18', subject: 'x', nature: 'kilat' } });
  assert.equal(nature.json().error.fields[0].field, 'body.nature');
  const format = await app.inject({ method: 'PATCH', url: `/api/letter-units/${unit.id}`, headers: officer.headers, payload: { numberFormat: '{unit}/{year}' } });
  assert.equal(format.statusCode, 400);
  assert.equal(format.json().error.fields[0].field, 'body.numberFormat');
  const year = await app.inject({ method: 'GET', url: '/api/letters?overdue=maybe', headers: officer.headers });
  assert.equal(year.json().error.fields[0].field, 'query.overdue');
});

/** The text shown by a PDF's content streams (pdfkit writes hex strings in TJ arrays; streams are deflated). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      content = m[1]!;
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[2]!];
      out.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('\n');
}

test('the PDF is an A4 text document with letterhead, number, subject, Indonesian date and tembusan', async (t) => {
  const { app, officer, draft, issue } = await setup(t);
  const letter = await draft();
  await issue(letter.id);
  await app.inject({ method: 'POST', url: `/api/letters/${letter.id}/recipients`, headers: officer.headers, payload: { recipients: [{ recipient: 'Bupati Nunukan' }] } });
  const res = await app.inject({ method: 'GET', url: `/api/letters/${letter.id}/pdf`, headers: officer.headers });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /filename="surat-1-DINSOS-KALTARA-460-V-2018\.pdf"/);
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.match(res.rawPayload.toString('latin1'), /\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/, 'A4');
  const text = pdfText(res.rawPayload);
  for (const expected of [
    '1/DINSOS-KALTARA/460/V/2018',
    'Penutupan lokalisasi di Kabupaten Nunukan',
    'PEMERINTAH PROVINSI KALIMANTAN UTARA',
    'Tanjung Selor, 18 Mei 2018',
    'Segera',
    'Bupati Nunukan',
    'Dr. H. Irianto Lambrie',
    'Tembusan:',
    '1. Menteri Sosial RI',
  ])
    assert.ok(text.includes(expected), `PDF text lacks "${expected}":\n${text}`);
});

test('templates: a unit’s template fills a new draft, and its placeholders are filled in the PDF', async (t) => {
  const { app, officer, unit, draft, issue } = await setup(t);
  const put = await app.inject({
    method: 'PUT',
    url: `/api/letter-units/${unit.id}/templates/undangan`,
    headers: officer.headers,
    payload: { body: 'Mengharap kehadiran {recipient} pada rapat koordinasi.\n\nSurat {number} ini ditandatangani {signatory_title}.' },
  });
  assert.equal(put.statusCode, 200, put.body);
  const listed = await app.inject({ method: 'GET', url: `/api/letter-units/${unit.id}/templates`, headers: officer.headers });
  assert.deepEqual(listed.json().map((x: { type: string }) => x.type), ['undangan']);
  const letter = await draft({ type: 'undangan', body: undefined, subject: 'Undangan rakor' });
  assert.match(letter.body, /^Mengharap kehadiran \{recipient\}/);
  const early = await app.inject({ method: 'POST', url: `/api/letters/${letter.id}/recipients`, headers: officer.headers, payload: { recipients: [{ recipient: 'Bupati Nunukan', sentOn: '2018-05-18' }] } });
  assert.equal(early.json().error.code, 'letter.not_issued', 'a draft is not sent');
  await app.inject({ method: 'POST', url: `/api/letters/${letter.id}/recipients`, headers: officer.headers, payload: { recipients: [{ recipient: 'Bupati Nunukan' }] } });
  await issue(letter.id);
  const pdf = await app.inject({ method: 'GET', url: `/api/letters/${letter.id}/pdf`, headers: officer.headers });
  const text = pdfText(pdf.rawPayload);
  assert.ok(text.includes('Mengharap kehadiran Bupati Nunukan'), text);
  assert.ok(text.includes('1/DINSOS-KALTARA/460/V/2018'), text);
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

const SYSTEM = cliContext('test');

/** The national programme, Kaltara's and Kaltim's under it (Kaltim lies outside a Kaltara officer's scope). */
const letterPayload = (unitId: number) => ({ unitId, type: 'surat_edaran', letterDate: '2018-05-18', subject: 'Pemberitahuan penutupan' });

async function programmes(app: FastifyInstance) {
  const svc = app.services.programmes;
  const national = await svc.create(SYSTEM, { level: 'national', name: 'Indonesia Bebas Lokalisasi 2019', owner: 'Kemensos', targetDate: '2019-12-31', description: '' });
  const kaltara = await svc.create(SYSTEM, { level: 'province', parentId: national.id, regionCode: '65', name: 'Kaltara Bebas Lokalisasi 2018', owner: 'Dinsos Provinsi Kaltara', targetDate: '2018-12-31', description: '' });
  const kaltim = await svc.create(SYSTEM, { level: 'province', parentId: national.id, regionCode: '64', name: 'Kaltim Bebas Lokalisasi', owner: 'Dinsos Provinsi Kaltim', targetDate: null, description: '' });
  return { national, kaltara, kaltim };
}

test('links: a letter names a visible programme and visible sites (kept in order); unknown or foreign ones are field errors; the list filters by them', async (t) => {
  const { app, db, officer, draft } = await setup(t);
  const { kaltara, kaltim } = await programmes(app);
  const nunukanSite = await makeSite(app, '65.03.02', { name: 'Lokalisasi Km 9' });
  const tarakanSite = await makeSite(app, '65.71.01', { name: 'Lokalisasi Tarakan' });
  const kaltimSite = await makeSite(app, '64.71.01', { name: 'Lokalisasi Kaltim' });

  const linked = await draft({ programmeId: kaltara.id, siteIds: [tarakanSite, nunukanSite], regionCodes: ['65.03', '65.71'] });
  assert.equal(linked.programmeId, kaltara.id);
  assert.deepEqual(linked.siteIds, [tarakanSite, nunukanSite], 'the order given is kept');
  const other = await draft({ subject: 'Undangan rakor' });

  const post = (payload: object) => app.inject({ method: 'POST', url: '/api/letters', headers: officer.headers, payload: { ...letterPayload(linked.unit.id), ...payload } });
  const foreignProgramme = await post({ programmeId: kaltim.id });
  assert.equal(foreignProgramme.statusCode, 400);
  assert.equal(foreignProgramme.json().error.code, 'letter.unknown_programme');
  assert.deepEqual(foreignProgramme.json().error.fields.map((f: { field: string }) => f.field), ['body.programmeId']);
  assert.equal((await post({ programmeId: 999_999 })).json().error.code, 'letter.unknown_programme');
  const badSites = await app.inject({
    method: 'POST',
    url: '/api/letters',
    headers: { ...officer.headers, 'accept-language': 'en' },
    payload: { ...letterPayload(linked.unit.id), siteIds: [nunukanSite, kaltimSite, 999_999] },
  });
  assert.equal(badSites.statusCode, 400);
  assert.equal(badSites.json().error.code, 'letter.unknown_site');
  assert.match(badSites.json().error.message, new RegExp(`Site ${kaltimSite}, 999999 does not exist or lies outside your region`));
  assert.deepEqual(badSites.json().error.fields.map((f: { field: string }) => f.field), ['body.siteIds.1', 'body.siteIds.2']);

  const changed = await app.inject({ method: 'PATCH', url: `/api/letters/${other.id}`, headers: officer.headers, payload: { siteIds: [nunukanSite], programmeId: kaltara.id } });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.deepEqual(changed.json().siteIds, [nunukanSite]);
  const refused = await app.inject({ method: 'PATCH', url: `/api/letters/${other.id}`, headers: officer.headers, payload: { siteIds: [kaltimSite] } });
  assert.equal(refused.json().error.code, 'letter.unknown_site');
  assert.deepEqual((await app.inject({ method: 'GET', url: `/api/letters/${other.id}`, headers: officer.headers })).json().siteIds, [nunukanSite], 'a refused change changes nothing');

  const ids = async (q: string) => (await app.inject({ method: 'GET', url: `/api/letters?${q}`, headers: officer.headers })).json().items.map((l: { id: number }) => l.id).sort();
  assert.deepEqual(await ids(`siteId=${tarakanSite}`), [linked.id]);
  assert.deepEqual(await ids(`siteId=${nunukanSite}`), [linked.id, other.id].sort());
  assert.deepEqual(await ids(`programmeId=${kaltara.id}`), [linked.id, other.id].sort());
  assert.deepEqual(await ids(`programmeId=${kaltim.id}`), []);
  assert.deepEqual(await ids('region=65.71'), [linked.id], 'linked regions count for the region filter');
  assert.deepEqual(await ids('q=rakor'), [other.id]);

  // The database refuses a link to nothing, whatever the caller.
  await assert.rejects(db.insertInto('letter_site').values({ letter_id: other.id, site_id: 999_999, position: 5 }).execute());
  await assert.rejects(db.updateTable('letter').set({ programme_id: 999_999 }).where('id', '=', other.id).execute());
});

test('letters.xlsx: the list’s filters, every row, headers in my language; audited with the filter', async (t) => {
  const { app, officer, draft, issue } = await setup(t);
  const first = await draft({ subject: 'Penutupan lokalisasi Nunukan' });
  await issue(first.id);
  const second = await draft({ subject: 'Penutupan lokalisasi Tarakan', letterDate: '2018-05-20' });
  await issue(second.id);
  await draft({ subject: 'Konsep penutupan Malinau' });
  await draft({ type: 'undangan', subject: 'Undangan rakor Nunukan' });

  const list = (await app.inject({ method: 'GET', url: '/api/letters?status=issued&q=penutupan&sort=number&limit=1', headers: officer.headers })).json();
  assert.deepEqual([list.items[0].number, list.total], ['1/DINSOS-KALTARA/460/V/2018', 2]);

  const en = await app.inject({ method: 'GET', url: '/api/letters.xlsx?status=issued&q=penutupan&sort=number&limit=1', headers: { ...officer.headers, 'accept-language': 'en' } });
  assert.equal(en.statusCode, 200, en.body);
  assert.match(String(en.headers['content-disposition']), /filename="surat-2018-05-18\.xlsx"/);
  const rows = await sheetRows(en.rawPayload);
  assert.deepEqual(rows[0]!.slice(0, 5), ['Number', 'Date', 'Type', 'Status', 'Subject']);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4]]), [
    ['1/DINSOS-KALTARA/460/V/2018', 'Governor’s instruction', 'Issued', 'Penutupan lokalisasi Nunukan'],
    ['2/DINSOS-KALTARA/460/V/2018', 'Governor’s instruction', 'Issued', 'Penutupan lokalisasi Tarakan'],
  ]);
  assert.ok(rows[2]![1] instanceof Date && (rows[2]![1] as Date).toISOString().startsWith('2018-05-20'));

  const id = await sheetRows((await app.inject({ method: 'GET', url: '/api/letters.xlsx?type=undangan', headers: officer.headers })).rawPayload);
  assert.deepEqual(id[0]!.slice(0, 5), ['Nomor', 'Tanggal', 'Jenis', 'Status', 'Perihal']);
  assert.deepEqual(id.slice(1).map((r) => [r[2], r[3], r[4]]), [['Undangan', 'Konsep', 'Undangan rakor Nunukan']]);

  const outsider = await asUser(app, { roles: ['regency_officer'], scope: '65.01' });
  const none = await sheetRows((await app.inject({ method: 'GET', url: '/api/letters.xlsx', headers: outsider.headers })).rawPayload);
  assert.equal(none.length, 1, 'only the header row: the provincial letters lie outside Bulungan’s scope');

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?action=letter.exported', headers: auditor.headers })).json();
  assert.equal(events.total, 3);
  const withFilter = events.items.find((e: { summary: { rows: number } }) => e.summary.rows === 2);
  assert.deepEqual(withFilter.summary.filter, { status: 'issued', q: 'penutupan', sort: 'number' });
});

test('recipients awaiting a response across letters: overdue, by region, as a list and an xlsx; the dashboard count agrees', async (t) => {
  const { app, db, officer, draft, issue, setNow } = await setup(t, { config: { LETTER_RESPONSE_DAYS: '14' } });
  const send = async (subject: string, sentOn: string, recipients: [string, string][]) => {
    const letter = await draft({ subject });
    await issue(letter.id);
    const res = await app.inject({
      method: 'POST',
      url: `/api/letters/${letter.id}/recipients`,
      headers: officer.headers,
      payload: { recipients: recipients.map(([recipient, regionCode]) => ({ recipient, regionCode, sentOn })) },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const instruction = await send('Instruksi penutupan', '2018-05-20', [
    ['Pemerintah Kabupaten Nunukan', '65.03'],
    ['Pemerintah Kota Tarakan', '65.71'],
    ['Pemerintah Kabupaten Malinau', '65.02'],
  ]);
  await send('Undangan rapat teknis', '2018-06-01', [['Dinas Sosial Kabupaten Nunukan', '65.03.02']]);
  const malinau = instruction.recipients.find((r: { regionCode: string }) => r.regionCode === '65.02');
  await app.inject({ method: 'PATCH', url: `/api/letters/${instruction.id}/recipients/${malinau.id}`, headers: officer.headers, payload: { responseOn: '2018-05-25' } });

  setNow(new Date('2018-06-10T02:00:00Z')); // 21 days after the instruction, 9 after the invitation
  const reader = await asUser(app, { roles: ['province_officer'], scope: '65' });
  const get = (url: string, lang = 'id') => app.inject({ method: 'GET', url, headers: { ...reader.headers, 'accept-language': lang } });

  const overdue = (await get('/api/letter-recipients?overdue=true')).json();
  assert.deepEqual(overdue.items.map((r: { regionCode: string }) => r.regionCode).sort(), ['65.03', '65.71']);
  assert.equal(overdue.items[0].letter.number, '1/DINSOS-KALTARA/460/V/2018');
  assert.equal(overdue.items[0].daysSinceSent, 21);
  const awaiting = (await get('/api/letter-recipients?awaitingResponse=true&region=65.03&sort=-sent_on')).json();
  assert.deepEqual(
    awaiting.items.map((r: { regionCode: string; overdue: boolean }) => [r.regionCode, r.overdue]),
    [
      ['65.03.02', false],
      ['65.03', true],
    ],
  );
  const nunukanOverdue = (await get('/api/letter-recipients?overdue=true&region=65.03')).json();
  assert.deepEqual([nunukanOverdue.total, nunukanOverdue.items[0].recipient], [1, 'Pemerintah Kabupaten Nunukan']);
  assert.equal((await get('/api/letter-recipients?awaitingResponse=false')).json().items[0].regionCode, '65.02');

  const xlsx = await get('/api/letter-recipients.xlsx?overdue=true&sort=region', 'en');
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  const rows = await sheetRows(xlsx.rawPayload);
  assert.deepEqual(rows[0]!.slice(4, 7), ['Recipient', 'Region code', 'Sent']);
  assert.deepEqual(rows.slice(1).map((r) => [r[4], r[5], r[9], r[10]]), [
    ['Pemerintah Kabupaten Nunukan', '65.03', 21, 'Yes'],
    ['Pemerintah Kota Tarakan', '65.71', 21, 'Yes'],
  ]);

  // What the dashboard asks the repository (scope by the issuing unit, recipients by region).
  assert.deepEqual(await countOverdueRecipients(db, { level: 'province', code: '65' }, '2018-06-10', 14), { recipients: 2, letters: 1 });
  assert.deepEqual(await countOverdueRecipients(db, { level: 'national' }, '2018-06-10', 14, { region: '65.71' }), { recipients: 1, letters: 1 });
  assert.deepEqual(await countOverdueRecipients(db, { level: 'regency', code: '65.01' }, '2018-06-10', 14), { recipients: 0, letters: 0 });
  assert.deepEqual(await countOverdueRecipients(db, { level: 'national' }, '2018-06-10', 30), { recipients: 0, letters: 0 });
  assert.deepEqual(await overdueRecipientsByRegency(db, { level: 'national' }, '2018-06-17', 14), [
    { regencyCode: '65.03', recipients: 2 },
    { regencyCode: '65.71', recipients: 1 },
  ]);

  const outsider = await asUser(app, { roles: ['regency_officer'], scope: '65.03' });
  const hidden = (await app.inject({ method: 'GET', url: '/api/letter-recipients?region=65.03', headers: outsider.headers })).json();
  assert.equal(hidden.total, 0, 'recipients follow their letter’s visibility (the provincial unit)');
  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?action=letter_recipient.exported', headers: auditor.headers })).json();
  assert.deepEqual(events.items[0].summary.filter, { overdue: true, sort: 'region' });
});

test('letterhead logo: PNG or JPEG upload, the PDF draws it as an image; other types are refused with a clear 415; removal', async (t) => {
  const { app, db, officer, unit, draft } = await setup(t);
  const letter = await draft();
  const pdf = () => app.inject({ method: 'GET', url: `/api/letters/${letter.id}/pdf`, headers: officer.headers });
  const before = await pdf();
  assert.doesNotMatch(before.rawPayload.toString('latin1'), /\/Subtype \/Image/);
  const upload = (file: { name: string; type: string; bytes: Buffer }, lang = 'id') => {
    const body = multipart(file);
    return app.inject({ method: 'PUT', url: `/api/letter-units/${unit.id}/logo`, headers: { ...officer.headers, ...body.headers, 'accept-language': lang }, payload: body.payload });
  };

  const png = await QRCode.toBuffer('Pemerintah Provinsi Kalimantan Utara', { width: 120 });
  const put = await upload({ name: 'logo-kaltara.png', type: 'image/png', bytes: png });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(typeof put.json().logoFileId, 'number');
  assert.deepEqual(put.json().actions, ['update']);
  const got = await app.inject({ method: 'GET', url: `/api/letter-units/${unit.id}/logo`, headers: officer.headers });
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'image/png');
  assert.equal(got.headers['x-content-type-options'], 'nosniff');
  assert.ok(got.rawPayload.equals(png), 'the bytes come back unchanged');

  const after = await pdf();
  assert.equal(after.statusCode, 200);
  assert.match(after.rawPayload.toString('latin1'), /\/Subtype \/Image/, 'the logo is an image XObject');
  assert.ok(after.rawPayload.length > before.rawPayload.length);
  assert.ok(pdfText(after.rawPayload).includes('PEMERINTAH PROVINSI KALIMANTAN UTARA'), 'the letterhead text is still there');

  // A second logo replaces the first (a JPEG with a made-up body is not drawable: refused).
  const brokenJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 0)]);
  const broken = await upload({ name: 'logo.jpg', type: 'image/jpeg', bytes: brokenJpeg }, 'en');
  assert.equal(broken.statusCode, 415);
  assert.equal(broken.json().error.code, 'letter.logo_unreadable');
  const replaced = await upload({ name: 'logo-2.png', type: 'image/png', bytes: makePng(40, 40) });
  assert.notEqual(replaced.json().logoFileId, put.json().logoFileId);
  const old = await db.selectFrom('stored_file').select('id').where('id', '=', put.json().logoFileId).executeTakeFirst();
  assert.equal(old, undefined, 'the replaced logo is not kept');

  const pdfFile = await upload({ name: 'logo.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }, 'en');
  assert.equal(pdfFile.statusCode, 415);
  assert.equal(pdfFile.json().error.code, 'letter.logo_type');
  assert.equal(pdfFile.json().error.message, 'The letterhead logo must be a PNG or JPEG image (this file is application/pdf).');
  const text = await upload({ name: 'logo.png', type: 'image/png', bytes: Buffer.from('not an image at all') });
  assert.equal(text.statusCode, 415);
  assert.equal(text.json().error.code, 'file.type_not_allowed');
  const tooBig = await (async () => {
    const body = multipart({ name: 'logo.png', type: 'image/png', bytes: Buffer.concat([png, Buffer.alloc(2048)]) });
    return app.inject({ method: 'PUT', url: `/api/letter-units/${unit.id}/logo`, headers: { ...officer.headers, ...body.headers }, payload: body.payload });
  })();
  assert.equal(tooBig.statusCode, 200, 'within FILE_MAX_BYTES (trailing bytes after IEND are ignored)');

  const reader = await asUser(app, { roles: ['ministry_officer'], scope: 'national' });
  const readerPut = await (async () => {
    const body = multipart({ name: 'logo.png', type: 'image/png', bytes: png });
    return app.inject({ method: 'PUT', url: `/api/letter-units/${unit.id}/logo`, headers: { ...reader.headers, ...body.headers }, payload: body.payload });
  })();
  assert.equal(readerPut.statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: `/api/letter-units/${unit.id}/logo`, headers: reader.headers })).statusCode, 200);

  const removed = await app.inject({ method: 'DELETE', url: `/api/letter-units/${unit.id}/logo`, headers: officer.headers });
  assert.equal(removed.statusCode, 200, removed.body);
  assert.equal(removed.json().logoFileId, null);
  const gone = await app.inject({ method: 'GET', url: `/api/letter-units/${unit.id}/logo`, headers: officer.headers });
  assert.equal(gone.statusCode, 404);
  assert.equal(gone.json().error.code, 'letter.logo_not_found');
  assert.doesNotMatch((await pdf()).rawPayload.toString('latin1'), /\/Subtype \/Image/);

  const auditor = await asUser(app, { roles: ['auditor'], scope: 'national' });
  const events = (await app.inject({ method: 'GET', url: '/api/audit?entityType=letter_unit', headers: auditor.headers })).json();
  const actions = events.items.map((e: { action: string }) => e.action);
  assert.equal(actions.filter((a: string) => a === 'letter_unit.logo_set').length, 3);
  assert.ok(actions.includes('letter_unit.logo_delete'));
});

test('a logo larger than FILE_MAX_BYTES is refused with 413 naming the limit', async (t) => {
  const { app, officer, unit } = await setup(t, { config: { FILE_MAX_BYTES: '2048' } });
  const body = multipart({ name: 'logo.png', type: 'image/png', bytes: Buffer.concat([makePng(10, 10), Buffer.alloc(4096)]) });
  const res = await app.inject({ method: 'PUT', url: `/api/letter-units/${unit.id}/logo`, headers: { ...officer.headers, ...body.headers, 'accept-language': 'en' }, payload: body.payload });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().error.message, 'The file is too large: the limit is 2 KB.');
});

test('migration 0010 turns site_ids into letter_site rows in their order and keeps programme links that exist', async (t) => {
  const { db } = await freshDatabase(t, { migrate: false });
  const files = readMigrations();
  await migrate(db, files.filter((m) => m.version < 10));
  await sql`insert into region (code, parent_code, level, name, source) values ('65', null, 'province', 'Kalimantan Utara', 'test'), ('65.03', '65', 'regency', 'Nunukan', 'test')`.execute(db);
  await sql`insert into site (code, name, region_code, regency_code) values ('LOK-6503-001', 'Km 9', '65.03', '65.03'), ('LOK-6503-002', 'Km 10', '65.03', '65.03')`.execute(db);
  await sql`insert into programme (level, name, owner) values ('national', 'Indonesia Bebas Lokalisasi 2019', 'Kemensos')`.execute(db);
  await sql`insert into letter_unit (code, name, region_code) values ('DINSOS-KALTARA', 'Dinas Sosial', '65')`.execute(db);
  const unit = await sql<{ id: number }>`select id from letter_unit`.execute(db);
  const programme = await sql<{ id: number }>`select id from programme`.execute(db);
  const sites = await sql<{ id: number }>`select id from site order by code`.execute(db);
  const [a, b] = sites.rows.map((r) => Number(r.id));
  await sql`insert into letter (unit_id, type, letter_date, subject, programme_id, site_ids) values
    (${unit.rows[0]!.id}, 'laporan', '2018-05-18', 'Linked', ${programme.rows[0]!.id}, ${`{${b},${a},999999,${b}}`}::bigint[]),
    (${unit.rows[0]!.id}, 'laporan', '2018-05-18', 'Dangling', 999999, '{}')`.execute(db);
  await migrate(db, files.filter((m) => m.version <= 10));
  const links = await sql<{ subject: string; site_id: number; position: number }>`
    select l.subject, ls.site_id, ls.position from letter_site ls join letter l on l.id = ls.letter_id order by ls.position`.execute(db);
  assert.deepEqual(
    links.rows.map((r) => [r.subject, Number(r.site_id), r.position]),
    [
      ['Linked', b, 0],
      ['Linked', a, 1],
    ],
    'order kept, duplicates once, ids naming no site dropped',
  );
  const letters = await sql<{ subject: string; programme_id: number | null }>`select subject, programme_id from letter order by subject`.execute(db);
  assert.deepEqual(
    letters.rows.map((r) => [r.subject, r.programme_id === null ? null : Number(r.programme_id)]),
    [
      ['Dangling', null],
      ['Linked', Number(programme.rows[0]!.id)],
    ],
  );
});
