import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { build } from '../../test/build-app.ts';
import { asUser, type SignedIn } from '../../test/users.ts';
import { sealPerson } from '../registry/persons.sealing.ts';
import type { Db } from '../../platform/db/database.ts';
import { SYSTEM, makeList, makePerson, makeProgramme, makeSite, nikOf, setRules, type PersonInput } from './verval.test-support.ts';

function client(app: FastifyInstance, who: SignedIn) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: who.headers }),
    send: (method: 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) }),
  };
}

type Result = { code: string; outcome: string; reason: string; detail?: string };
const outcomes = (v: { results: Result[] }) => Object.fromEntries(v.results.map((r) => [r.code, `${r.outcome}:${r.reason}`]));

test('eligibility rules, proposals, decisions and overrides, through HTTP', async (t) => {
  const { app, database } = await build(t, { regions: true });
  const officer = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.03' }));
  const head = client(app, await asUser(app, { roles: ['head_of_office'], scope: '65.03' }));
  const province = client(app, await asUser(app, { roles: ['province_officer'], scope: '65' }));
  const bulungan = client(app, await asUser(app, { roles: ['regency_officer'], scope: '65.01' }));
  const workerSession = await asUser(app, { roles: ['case_worker'], scope: '65.03' });
  const worker = client(app, workerSession);

  const programme = await makeProgramme(app, '65');
  const earlier = await makeProgramme(app, '65'); // another closure programme that already aided some
  const site = await makeSite(app, '65.03.02', 'Lokalisasi Nunukan');
  const bulunganSite = await makeSite(app, '65.01.01', 'Lokalisasi Bulungan');
  const person = (extra: Partial<PersonInput>) => makePerson(app, { regencyCode: '65.03', siteId: site, ...extra });

  const adult = await person({ alias: 'Dewasa', nik: nikOf('1985-07-05', 1), birthDate: '1985-07-05', assignedUserId: workerSession.user.id });
  const noNik = await person({ alias: 'Tanpa NIK', birthDate: '1990-02-02' });
  const minor = await person({ alias: 'Di bawah umur', nik: nikOf('2001-03-09', 2), birthDate: '2001-03-09' });
  const eighteenToday = await person({ alias: 'Genap 18', nik: nikOf('2000-07-01', 3) }); // birth date from the NIK only
  const dayShort = await person({ alias: 'Kurang sehari', nik: nikOf('2000-07-02', 4) });
  const noBirth = await person({ alias: 'Tanpa tanggal lahir' });
  const late = await person({ alias: 'Datang terlambat', nik: nikOf('1988-08-08', 5), birthDate: '1988-08-08' });
  const twinNik = nikOf('1980-10-10', 6);
  const aidedTwin = await person({ alias: 'Sudah dibantu', nik: twinNik, birthDate: '1980-10-10' });
  const aidedBefore = await makePerson(app, { regencyCode: '65.01', siteId: bulunganSite, nik: twinNik, birthDate: '1980-10-10' });
  // A NIK that passes no check (serial 0000, as Excel leaves it): stored as an old import might have, bypassing today's validation.
  const damaged = await sealedDirectly(app, database.db, '6503024507850000');

  await makeList(app, site, [adult, noNik, minor, eighteenToday, dayShort, noBirth, aidedTwin, damaged], '2018-05-14');
  await app.services.personLists.create(SYSTEM, site, {
    source: 'joint_verification',
    listDate: '2018-06-20',
    note: '',
    fromPrevious: true,
    personIds: [],
    add: [{ personId: late, reason: 'Datang setelah pendataan' }],
    drop: [],
  });
  await makeList(app, bulunganSite, [aidedBefore], '2017-03-01');

  const P = `/api/programmes/${programme}`;
  const get = async (who: ReturnType<typeof client>, personId: number) => {
    const res = await who.get(`${P}/verifications/${personId}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  await t.test('no rules yet: evaluation is refused with a clear code', async () => {
    const res = await officer.send('POST', `${P}/verifications/${adult}/evaluate`);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'verval.no_rules');
  });

  await t.test('rules are set by holders of the whole province, in versions', async () => {
    const rules = [
      { code: 'nik_valid', group: 'identity' },
      { code: 'ektp_seen', group: 'identity' },
      { code: 'listed_before_cutoff', params: { cutoffDate: '2018-05-31' } },
      { code: 'not_aided_elsewhere' },
      { code: 'min_age', params: { years: 18, referenceDate: '2018-07-01' } },
    ];
    assert.equal((await head.send('POST', `${P}/eligibility-rules`, { rules })).statusCode, 403, 'a regency’s head of office may not change provincial rules');
    assert.equal((await officer.send('POST', `${P}/eligibility-rules`, { rules })).statusCode, 403);
    const dup = await province.send('POST', `${P}/eligibility-rules`, { rules: [{ code: 'ektp_seen' }, { code: 'ektp_seen' }] });
    assert.equal(dup.statusCode, 400);
    const first = await province.send('POST', `${P}/eligibility-rules`, { rules: rules.slice(0, 2) });
    assert.equal(first.statusCode, 200, first.body);
    const second = await province.send('POST', `${P}/eligibility-rules`, { rules, note: 'Batas pendataan 31 Mei 2018' });
    const body = second.json();
    assert.deepEqual([body.current.version, body.versions.length, body.current.rules.length], [2, 2, 5]);
    assert.deepEqual(body.current.rules[2], { code: 'listed_before_cutoff', params: { cutoffDate: '2018-05-31' }, group: null });
    assert.deepEqual((await officer.get(`${P}/eligibility-rules`)).json().actions, []);
    assert.deepEqual(body.actions, ['update']);
  });

  await t.test('each rule: pass, fail or unknown with a reason code; unknown makes the proposal pending', async () => {
    // Someone already decided eligible in another programme, under another record with the same NIK.
    await setRules(app, earlier, [{ code: 'nik_valid' }]);
    await app.services.verifications.verify(SYSTEM, earlier, aidedBefore, { decision: 'eligible' });

    const res = await officer.send('POST', `${P}/verifications/evaluate`, { siteId: site });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { evaluated: 9, eligible: 2, notEligible: 4, pending: 3, decisionsCleared: 0 });

    const a = await get(officer, adult);
    assert.deepEqual(outcomes(a), {
      nik_valid: 'pass:ok',
      ektp_seen: 'unknown:ektp_not_recorded',
      listed_before_cutoff: 'pass:ok',
      not_aided_elsewhere: 'pass:ok',
      min_age: 'pass:ok',
    });
    assert.equal(a.proposed, 'eligible', 'a valid NIK carries the identity group without an e-KTP sighting');
    assert.equal(a.ruleSetVersion, 2);

    const n = await get(officer, noNik);
    assert.equal(outcomes(n).nik_valid, 'fail:nik_missing');
    assert.equal(outcomes(n).not_aided_elsewhere, 'unknown:nik_missing');
    assert.equal(n.proposed, 'pending');

    const d = await get(officer, damaged);
    assert.deepEqual(d.results.find((r: Result) => r.code === 'nik_valid'), { code: 'nik_valid', outcome: 'fail', reason: 'nik_invalid', detail: 'nik.serial_zero', group: 'identity' });

    assert.equal(outcomes(await get(officer, minor)).min_age, 'fail:under_age');
    assert.equal((await get(officer, minor)).proposed, 'not_eligible');
    assert.equal(outcomes(await get(officer, eighteenToday)).min_age, 'pass:ok', '18 on the reference date itself (from the NIK’s birth date)');
    assert.equal(outcomes(await get(officer, dayShort)).min_age, 'fail:under_age');
    assert.equal(outcomes(await get(officer, noBirth)).min_age, 'unknown:birth_date_unknown');
    assert.equal(outcomes(await get(officer, late)).listed_before_cutoff, 'fail:listed_after_cutoff');
    assert.equal(outcomes(await get(officer, aidedTwin)).not_aided_elsewhere, 'fail:aided_elsewhere');

    // Results hold codes only: no NIK or birth date in any stored verification.
    const stored = JSON.stringify(await database.db.selectFrom('person_verification').selectAll().execute()) + JSON.stringify(await database.db.selectFrom('person_verification_event').selectAll().execute());
    for (const needle of [nikOf('1985-07-05', 1), '1985-07-05', '6503024507850000', twinNik]) assert.ok(!stored.includes(needle), `${needle} stored`);
  });

  await t.test('the e-KTP sighting is recorded and the rules run again', async () => {
    const notSeen = await officer.send('PUT', `${P}/verifications/${noNik}/ektp`, { seen: false });
    assert.equal(notSeen.statusCode, 200, notSeen.body);
    assert.equal(outcomes(notSeen.json()).ektp_seen, 'fail:ektp_not_seen');
    assert.equal(notSeen.json().proposed, 'not_eligible', 'neither a NIK nor an e-KTP');
    const seen = (await officer.send('PUT', `${P}/verifications/${noNik}/ektp`, { seen: true })).json();
    assert.equal(seen.ektpSeen, true);
    assert.equal(seen.proposed, 'pending', 'the identity group passes; "not aided elsewhere" stays unknown without a NIK');
  });

  await t.test('a reviewer confirms without a reason, overrides only with one; the decision is kept in the history', async () => {
    assert.equal((await officer.send('POST', `${P}/verifications/${adult}/decision`, { decision: 'eligible' })).statusCode, 403, 'regency officers propose, they do not decide');
    const confirmed = await head.send('POST', `${P}/verifications/${adult}/decision`, { decision: 'eligible' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.deepEqual([confirmed.json().decision, confirmed.json().overridden], ['eligible', false]);

    const bare = await head.send('POST', `${P}/verifications/${noNik}/decision`, { decision: 'eligible', reason: 'ok' });
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().error.code, 'verval.reason_required');
    assert.deepEqual(bare.json().error.fields.map((f: { field: string }) => f.field), ['body.reason']);
    const overridden = await head.send('POST', `${P}/verifications/${noNik}/decision`, { decision: 'eligible', reason: 'NIK dikonfirmasi Disdukcapil lewat surat' });
    assert.equal(overridden.statusCode, 200, overridden.body);
    assert.deepEqual([overridden.json().decision, overridden.json().overridden, overridden.json().decisionReason], ['eligible', true, 'NIK dikonfirmasi Disdukcapil lewat surat']);

    const minorOverride = await head.send('POST', `${P}/verifications/${minor}/decision`, { decision: 'not_eligible' });
    assert.equal(minorOverride.json().overridden, false);

    const history = (await get(officer, noNik)).history.map((e: { kind: string }) => e.kind);
    assert.deepEqual(history, ['overridden', 'evaluated', 'ektp_recorded', 'evaluated', 'ektp_recorded', 'evaluated']);
  });

  await t.test('a new evaluation clears a confirmation it contradicts and keeps an override', async () => {
    await officer.send('PUT', `${P}/verifications/${adult}/ektp`, { seen: false }); // the NIK still carries the identity group
    assert.equal((await get(officer, adult)).decision, 'eligible');
    await setRules(app, programme, [{ code: 'ektp_seen' }]);
    const res = await officer.send('POST', `${P}/verifications/evaluate`, { siteId: site });
    assert.equal(res.json().decisionsCleared, 2, 'the adult’s confirmation (now not eligible) and the minor’s (now pending)');
    const a = await get(officer, adult);
    assert.deepEqual([a.proposed, a.decision, a.history[0].kind], ['not_eligible', null, 'decision_cleared']);
    const n = await get(officer, noNik);
    assert.deepEqual([n.proposed, n.decision, n.overridden], ['eligible', 'eligible', true], 'the override now agrees and stays');
  });

  await t.test('deciding before any evaluation is refused', async () => {
    const fresh = await person({ alias: 'Belum dinilai' });
    await app.services.personLists.create(SYSTEM, site, { source: 'joint_verification', listDate: '2018-07-01', note: '', fromPrevious: true, personIds: [], add: [{ personId: fresh, reason: '' }], drop: [] });
    const res = await head.send('POST', `${P}/verifications/${fresh}/decision`, { decision: 'eligible', reason: 'Sudah diperiksa langsung di lokasi' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'verval.not_evaluated');
  });

  await t.test('scope and caseload: another region 404; a case worker sees only their own cases, read-only', async () => {
    assert.equal((await bulungan.get(`${P}/verifications/${adult}`)).statusCode, 404);
    assert.equal((await bulungan.send('POST', `${P}/verifications/${adult}/evaluate`)).statusCode, 404);
    assert.equal((await bulungan.send('POST', `${P}/verifications/evaluate`, { siteId: site })).statusCode, 404);
    const list = (await bulungan.get(`${P}/verifications?limit=200`)).json();
    assert.deepEqual(list.items.map((v: { personId: number }) => v.personId), [aidedBefore]);

    assert.equal((await worker.get(`${P}/verifications/${noNik}`)).statusCode, 404);
    const own = await worker.get(`${P}/verifications/${adult}`);
    assert.equal(own.statusCode, 200);
    assert.deepEqual(own.json().actions, []);
    assert.equal((await worker.get(`${P}/verifications`)).json().total, 1);
    assert.equal((await worker.send('PUT', `${P}/verifications/${adult}/ektp`, { seen: true })).statusCode, 403);

    const filtered = (await officer.get(`${P}/verifications?siteId=${site}&state=overridden`)).json();
    assert.deepEqual(filtered.items.map((v: { personId: number }) => v.personId), [noNik]);
  });

  await t.test('every step is audited: rules, sightings, evaluations, decisions with their reason', async () => {
    const events = await database.db.selectFrom('audit_event').select(['action', 'reason', 'summary']).where('action', 'like', '%verification%').orderBy('seq').execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['verification.bulk_evaluated', 'verification.evaluated', 'verification.ektp_recorded', 'verification.decided']) assert.ok(actions.has(a), a);
    const override = events.find((e) => e.action === 'verification.decided' && e.reason === 'NIK dikonfirmasi Disdukcapil lewat surat');
    assert.ok(override);
    const summary = (typeof override.summary === 'string' ? JSON.parse(override.summary) : override.summary) as Record<string, unknown>;
    assert.deepEqual({ proposed: summary.proposed, decision: summary.decision, overridden: summary.overridden }, { proposed: 'pending', decision: 'eligible', overridden: true });
    const rulesEvents = await database.db.selectFrom('audit_event').select('action').where('action', '=', 'eligibility_rules.updated').execute();
    assert.equal(rulesEvents.length, 4);
    const all = JSON.stringify(await database.db.selectFrom('audit_event').select(['summary', 'reason']).execute());
    assert.ok(!all.includes(twinNik) && !all.includes('1985-07-05'));
  });
});

/** A person whose stored NIK fails today's validation, sealed exactly as the registry seals. */
async function sealedDirectly(app: FastifyInstance, db: Db, nik: string): Promise<number> {
  const indexer = await app.services.persons.blindIndexer();
  const caseCode = 'TNT-6503-900001';
  const row = await db
    .insertInto('person')
    .values({ case_code: caseCode, regency_code: '65.03', sex: 'female', lawful_basis: 'public_task', ...sealPerson(app.services.persons.sealer, indexer, caseCode, { fullName: 'Orang Lama', nik }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
