import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import { build } from '../../test/build-app.ts';
import { asUser } from '../../test/users.ts';
import { formatLetterNumber, toRoman } from './letters.numbering.ts';

type T = Parameters<typeof build>[0];

/** A province officer of Kaltara (65) with the provincial Dinsos unit. */
async function setup(t: T, opts: { now?: Date; config?: Record<string, string> } = {}) {
  let now = opts.now ?? new Date('2018-05-18T02:00:00Z');
  const { app } = await build(t, { regions: true, clock: () => now, config: opts.config });
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
  return { app, officer, unit: unit.json(), draft, issue, setNow: (d: Date) => (now = d) };
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
