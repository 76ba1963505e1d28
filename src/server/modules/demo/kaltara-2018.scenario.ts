// The source article's scenario (Kaltara, May 2018) as demo data, made through
// the services so that it is numbered, validated and audited like real work.
// Facts follow ../shared/docs/domain.md; places and dates the reporting does not
// give are marked "(demo)". Every event is recorded at its own date: the
// services run on a clock the scenario moves forward.
import { AddHeadCountSchema, CreateSiteSchema, RecordClosureSchema, SetMilestoneSchema } from '../../../common/sites.ts';
import { AnswerReadinessSchema, ChangeStatusSchema, CreateProgrammeSchema, CreateReadinessRequestSchema, type RegionStatus } from '../../../common/programmes.ts';
import { AddRecipientsSchema, CreateLetterSchema, CreateLetterUnitSchema, UpdateRecipientSchema } from '../../../common/letters.ts';
import type { Config } from '../../config.ts';
import { cliContext } from '../../platform/auth/actor.ts';
import { KeyWrapper, RecordSealer } from '../../platform/crypto/envelope.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Db } from '../../platform/db/database.ts';
import { LetterUnitService } from '../letters/letter-units.service.ts';
import { LetterService } from '../letters/letters.service.ts';
import { CreateActionItemSchema, CreateMeetingSchema, DecisionInputSchema } from '../../../common/meetings.ts';
import { ActionItemService } from '../meetings/action-items.service.ts';
import { MeetingService } from '../meetings/meetings.service.ts';
import { ProgrammeService } from '../programmes/programmes.service.ts';
import { SiteService } from '../sites/sites.service.ts';

export const NATIONAL_NAME = 'Indonesia Bebas Lokalisasi 2019';
export const PROVINCIAL_NAME = 'Kaltara Bebas Lokalisasi 2018';

/** Master keys loaded on first use: these steps store no file, so they never ask for them. */
function lazyKeys(load: () => KeyProvider): KeyProvider {
  return { current: () => load().current(), byId: (id) => load().byId(id), ids: () => load().ids() };
}

/** Services on a clock the scenario sets to each event's date (WITA office hours). */
function scenario(db: Db, config: Config, keys: () => KeyProvider) {
  const sealer = new RecordSealer(new KeyWrapper(lazyKeys(keys)));
  let now = new Date('2017-01-02T01:00:00Z');
  const clock = () => now;
  const at = (date: string) => {
    now = new Date(`${date}T01:00:00Z`); // 09:00 WITA
  };
  return {
    at,
    ctx: cliContext('demo-seed'),
    programmes: new ProgrammeService(db, clock),
    sites: new SiteService(db, sealer),
    letters: new LetterService(db, sealer, config, clock),
    units: new LetterUnitService(db, sealer, clock),
    meetings: new MeetingService(db, sealer, clock),
    actionItems: new ActionItemService(db, clock),
  };
}
type Scenario = ReturnType<typeof scenario>;

async function moveRegion(s: Scenario, id: number, steps: [RegionStatus, string, string][]) {
  for (const [to, date, reason] of steps) {
    s.at(date);
    await s.programmes.changeStatus(s.ctx, id, ChangeStatusSchema.parse({ to, reason }));
  }
}

async function closedSite(s: Scenario, regionCode: string, name: string, workers: number, closureDate: string, decree: string) {
  const site = await s.sites.create(s.ctx, CreateSiteSchema.parse({ name, regionCode, description: 'Data demo.' }));
  await s.sites.addHeadCount(s.ctx, site.id, AddHeadCountSchema.parse({ countedOn: closureDate, source: 'dinsos', workers }));
  await s.sites.setMilestone(s.ctx, site.id, 'closure_ceremony', SetMilestoneSchema.parse({ doneDate: closureDate }));
  await s.sites.recordClosure(s.ctx, site.id, RecordClosureSchema.parse({ decreeNumber: decree, decreeDate: closureDate, closureDate }));
  return site;
}

/** The state the article reports on Friday 18 May 2018. */
export async function seedKaltara2018(db: Db, config: Config, keys: () => KeyProvider): Promise<void> {
  const existing = await db.selectFrom('programme').select('id').where('name', '=', PROVINCIAL_NAME).executeTakeFirst();
  if (existing) return; // seeded before
  const s = scenario(db, config, keys);

  s.at('2017-01-02');
  const national = await s.programmes.create(
    s.ctx,
    CreateProgrammeSchema.parse({ level: 'national', name: NATIONAL_NAME, owner: 'Kementerian Sosial RI', targetDate: '2019-12-31' }),
  );
  const kaltara = await s.programmes.create(
    s.ctx,
    CreateProgrammeSchema.parse({
      level: 'province',
      parentId: national.id,
      regionCode: '65',
      name: PROVINCIAL_NAME,
      owner: 'Dinas Sosial Provinsi Kalimantan Utara',
      targetDate: '2018-12-31',
      description: 'Penutupan seluruh lokalisasi di Kalimantan Utara, bertahap per kabupaten/kota, mendukung target nasional 2019.',
    }),
  );
  const region: Record<string, number> = {};
  for (const [code, target] of [
    ['65.01', '2017-12-31'],
    ['65.02', '2017-12-31'],
    ['65.03', '2018-07-31'],
    ['65.04', '2018-12-31'],
    ['65.71', '2018-12-31'],
  ] as const) {
    region[code] = (await s.programmes.addRegion(s.ctx, kaltara.id, { regionCode: code, targetDate: target })).id;
  }

  // Bulungan and Malinau: closed before the article.
  for (const [code, name, closed] of [
    ['65.01', 'Lokalisasi Bulungan (demo)', '2017-11-20'],
    ['65.02', 'Lokalisasi Malinau (demo)', '2017-12-11'],
  ] as const) {
    await moveRegion(s, region[code]!, [
      ['preparing', '2017-03-01', 'Pendataan dan pembentukan tim terpadu dimulai.'],
      ['scheduled', '2017-09-01', 'Pemerintah kabupaten menetapkan jadwal penutupan.'],
      ['closing', '2017-11-01', 'Sosialisasi dan verifikasi bersama selesai; penutupan berjalan.'],
    ]);
    await closedSite(s, code, name, 20, closed, `SK-DEMO/${code}/2017`);
    await moveRegion(s, region[code]!, [['closed', closed, 'Lokalisasi telah ditutup dengan deklarasi (data demo).']]);
  }

  // Nunukan: one site, 51 workers, closure to start in July 2018.
  await moveRegion(s, region['65.03']!, [['preparing', '2017-01-16', 'Pendataan awal lokalisasi di Nunukan (48 orang).']]);
  s.at('2017-01-16');
  const nunukan = await s.sites.create(
    s.ctx,
    CreateSiteSchema.parse({ name: 'Lokalisasi Nunukan (demo)', regionCode: '65.03', description: 'Satu-satunya lokalisasi di Kabupaten Nunukan. Data demo.' }),
  );
  await s.sites.addHeadCount(s.ctx, nunukan.id, AddHeadCountSchema.parse({ countedOn: '2017-01-16', source: 'dinsos', workers: 48, reasonForChange: 'Pendataan awal.' }));
  await s.sites.setMilestone(s.ctx, nunukan.id, 'identification', SetMilestoneSchema.parse({ doneDate: '2017-01-16' }));
  s.at('2018-05-18');
  await s.sites.addHeadCount(
    s.ctx,
    nunukan.id,
    AddHeadCountSchema.parse({ countedOn: '2018-05-18', source: 'dinsos', workers: 51, reasonForChange: 'Angka yang disampaikan pada rakor 18 Mei 2018.' }),
  );
  await s.sites.setMilestone(s.ctx, nunukan.id, 'socialisation', SetMilestoneSchema.parse({ doneDate: '2018-05-18', note: 'Rakor di Nunukan.' }));
  await s.sites.setMilestone(s.ctx, nunukan.id, 'closure_ceremony', SetMilestoneSchema.parse({ plannedDate: '2018-07-02' }));
  await moveRegion(s, region['65.03']!, [['scheduled', '2018-05-18', 'Rakor 18 Mei 2018: penutupan mulai Juli 2018.']]);

  // Kota Tarakan: waiting for the city government's readiness.
  await moveRegion(s, region['65.71']!, [
    ['preparing', '2018-03-01', 'Pendataan dua lokalisasi di Kota Tarakan.'],
    ['awaiting_readiness', '2018-05-18', 'Menunggu kesiapan Pemerintah Kota Tarakan.'],
  ]);
  await s.programmes.requestReadiness(
    s.ctx,
    region['65.71']!,
    CreateReadinessRequestSchema.parse({ askedAt: '2018-05-18', askedOf: 'Pemerintah Kota Tarakan', question: 'Kesiapan Pemkot Tarakan untuk menutup lokalisasi pada 2018.' }),
  );
  for (const name of ['Karang Agas', 'Sungai Bengawan']) {
    await s.sites.create(s.ctx, CreateSiteSchema.parse({ name, regionCode: '65.71', description: 'Data demo.' }));
  }
  // Tana Tidung: not started.

  // The provincial office's letter register.
  s.at('2018-01-02');
  await s.units.createUnit(
    s.ctx,
    CreateLetterUnitSchema.parse({
      code: 'DINSOS-KALTARA',
      name: 'Dinas Sosial Provinsi Kalimantan Utara',
      regionCode: '65',
      institutionLines: ['Pemerintah Provinsi Kalimantan Utara', 'Dinas Sosial'],
      address: 'Tanjung Selor, Kalimantan Utara (demo)',
      place: 'Tanjung Selor',
    }),
  );
}

/** The article's instruments: the rakor of 18 May 2018 with its decision, and the governor's instruction letter. */
export async function seedKaltara2018Events(db: Db, config: Config, keys: () => KeyProvider): Promise<void> {
  const kaltara = await db.selectFrom('programme').select('id').where('name', '=', PROVINCIAL_NAME).executeTakeFirst();
  const unit = await db.selectFrom('letter_unit').select('id').where('code', '=', 'DINSOS-KALTARA').executeTakeFirst();
  // Seeded together in one run: the rakor marks both as done.
  const done = await db.selectFrom('meeting').select('id').where('type', '=', 'rakor').where('programme_id', '=', kaltara?.id ?? 0).executeTakeFirst();
  if (!kaltara || !unit || done) return;
  const s = scenario(db, config, keys);

  // The rakor in Nunukan, Friday 18 May 2018, and its decision to hold a technical meeting.
  s.at('2018-05-18');
  const nunukanSite = await db.selectFrom('site').select('id').where('regency_code', '=', '65.03').executeTakeFirst();
  const rakor = await s.meetings.create(
    s.ctx,
    CreateMeetingSchema.parse({
      type: 'rakor',
      title: 'Rapat koordinasi penutupan lokalisasi di Kabupaten Nunukan',
      startsAt: '2018-05-18T01:00:00.000Z', // 09:00 WITA
      place: 'Nunukan (demo)',
      organiser: 'Dinas Sosial Provinsi Kalimantan Utara',
      regionCode: '65',
      programmeId: kaltara.id,
      agenda: 'Rencana penutupan lokalisasi di Nunukan (51 orang) mulai Juli 2018; kesiapan Kota Tarakan.',
      participants: [
        { institution: 'Dinas Sosial Provinsi Kalimantan Utara', representedBy: '' },
        { institution: 'Dinas Sosial Kabupaten Nunukan', representedBy: '' },
        { institution: 'Pemerintah Kabupaten Nunukan', representedBy: '' },
      ],
      regionCodes: ['65.03', '65.71'],
      siteIds: nunukanSite ? [nunukanSite.id] : [],
    }),
  );
  const withDecision = await s.meetings.addDecision(s.ctx, rakor.id, DecisionInputSchema.parse({ text: 'Rapat teknis digelar untuk menyusun langkah konkret penutupan.' }));
  await s.actionItems.create(
    s.ctx,
    rakor.id,
    CreateActionItemSchema.parse({
      title: 'Menyelenggarakan rapat teknis penutupan lokalisasi Nunukan',
      decisionId: withDecision.decisions[0]?.id ?? null,
      ownerKind: 'institution',
      ownerInstitution: 'Dinas Sosial Kabupaten Nunukan',
      dueDate: '2018-06-15',
    }),
  );

  // The governor's instruction letter to all five regency/city governments.
  s.at('2018-05-21');
  const draft = await s.letters.create(
    s.ctx,
    CreateLetterSchema.parse({
      unitId: unit.id,
      type: 'instruksi_gubernur',
      letterDate: '2018-05-21',
      subject: 'Penutupan lokalisasi di kabupaten/kota se-Kalimantan Utara',
      classification: '460',
      nature: 'segera',
      attachmentsCount: 0,
      body:
        'Dalam rangka mendukung target Kementerian Sosial RI Indonesia Bebas Lokalisasi 2019, Pemerintah Provinsi Kalimantan Utara menargetkan seluruh lokalisasi di wilayahnya ditutup pada tahun 2018.\n\n' +
        'Sehubungan dengan itu, Bupati/Wali Kota diinstruksikan untuk menyiapkan dan melaksanakan penutupan lokalisasi di wilayah masing-masing secara bertahap, ' +
        'berkoordinasi dengan Dinas Sosial Provinsi, serta melaporkan kesiapan dan pelaksanaannya.\n\nDemikian untuk dilaksanakan.',
      signatoryName: 'Gubernur Kalimantan Utara',
      signatoryTitle: 'Gubernur Kalimantan Utara',
      copiesTo: ['Menteri Sosial RI', 'Kepala Dinas Sosial Provinsi Kalimantan Utara'],
      programmeId: kaltara.id,
      regionCodes: ['65.01', '65.02', '65.03', '65.04', '65.71'],
      siteIds: [],
    }),
  );
  await s.letters.addRecipients(
    s.ctx,
    draft.id,
    AddRecipientsSchema.parse({
      recipients: [
        { recipient: 'Bupati Bulungan', regionCode: '65.01', sentOn: null },
        { recipient: 'Bupati Malinau', regionCode: '65.02', sentOn: null },
        { recipient: 'Bupati Nunukan', regionCode: '65.03', sentOn: null },
        { recipient: 'Bupati Tana Tidung', regionCode: '65.04', sentOn: null },
        { recipient: 'Wali Kota Tarakan', regionCode: '65.71', sentOn: null },
      ],
    }),
  );
  const letter = await s.letters.issue(s.ctx, draft.id);
  const issued = await s.letters.get(s.ctx, letter.id);
  for (const r of issued.recipients ?? []) {
    // Bulungan and Malinau answered that their sites were closed already; the others have not answered yet.
    const answered = r.recipient === 'Bupati Bulungan' || r.recipient === 'Bupati Malinau';
    const reply = { deliveredOn: '2018-05-22', acknowledgedOn: '2018-05-24', responseOn: '2018-05-28', responseSummary: 'Lokalisasi di wilayah kami telah ditutup pada 2017.' };
    await s.letters.updateRecipient(s.ctx, letter.id, r.id, UpdateRecipientSchema.parse({ sentOn: '2018-05-21', ...(answered ? reply : {}) }));
  }
}

/** Later events from the reporting: Tarakan closed two sites on 28 Dec 2018; Nunukan closed on 10 Jan 2019. */
export async function seedKaltara2019(db: Db, config: Config, keys: () => KeyProvider): Promise<void> {
  const s = scenario(db, config, keys);
  const rows = await db
    .selectFrom('programme_region as pr')
    .innerJoin('programme as p', 'p.id', 'pr.programme_id')
    .select(['pr.id', 'pr.region_code', 'pr.status'])
    .where('p.name', '=', PROVINCIAL_NAME)
    .execute();
  const region = Object.fromEntries(rows.map((r) => [r.region_code, r]));
  if (!region['65.71'] || region['65.71'].status === 'closed' || region['65.71'].status === 'monitoring') return; // not seeded, or done before
  const sites = await db.selectFrom('site').select(['id', 'name', 'regency_code']).where('regency_code', 'in', ['65.03', '65.71']).execute();

  const readiness = await db.selectFrom('readiness_request').select('id').where('programme_region_id', '=', region['65.71'].id).executeTakeFirst();
  s.at('2018-10-01');
  if (readiness) {
    await s.programmes.answerReadiness(
      s.ctx,
      readiness.id,
      AnswerReadinessSchema.parse({ answeredAt: '2018-10-01', answer: 'ready', answeredBy: 'Pemerintah Kota Tarakan', answerNote: 'Siap menutup pada akhir 2018 (data demo).' }),
    );
  }
  await moveRegion(s, region['65.71'].id, [
    ['scheduled', '2018-10-01', 'Pemkot Tarakan menyatakan siap; penutupan dijadwalkan Desember 2018.'],
    ['closing', '2018-12-01', 'Verifikasi bersama dan persiapan deklarasi.'],
  ]);
  s.at('2018-12-28');
  for (const site of sites.filter((x) => x.regency_code === '65.71')) {
    await s.sites.setMilestone(s.ctx, site.id, 'closure_ceremony', SetMilestoneSchema.parse({ doneDate: '2018-12-28' }));
    await s.sites.recordClosure(s.ctx, site.id, RecordClosureSchema.parse({ decreeNumber: 'SK-DEMO/65.71/2018', decreeDate: '2018-12-28', closureDate: '2018-12-28' }));
  }
  await moveRegion(s, region['65.71'].id, [['closed', '2018-12-28', 'Karang Agas dan Sungai Bengawan ditutup pada 28 Desember 2018.']]);

  const nunukan = sites.find((x) => x.regency_code === '65.03');
  if (nunukan) {
    s.at('2018-07-02');
    await s.programmes.updateRegion(s.ctx, region['65.03']!.id, { targetDate: '2019-01-10', reason: 'Dana jaminan hidup dialihkan untuk gempa Palu; penutupan ditunda.' });
    await moveRegion(s, region['65.03']!.id, [['preparing', '2018-07-02', 'Penutupan ditunda: dana jaminan hidup dialihkan untuk gempa Palu.']]);
    await s.sites.addHeadCount(
      s.ctx,
      nunukan.id,
      AddHeadCountSchema.parse({ countedOn: '2018-10-15', source: 'joint_verification', workers: 37, reasonForChange: 'Verifikasi bersama Kemensos dan Dinsos.' }),
    );
    await moveRegion(s, region['65.03']!.id, [
      ['scheduled', '2018-12-01', 'Dana tersedia kembali; penutupan dijadwalkan 10 Januari 2019.'],
      ['closing', '2019-01-07', 'Persiapan deklarasi penutupan.'],
    ]);
    await s.sites.addHeadCount(
      s.ctx,
      nunukan.id,
      AddHeadCountSchema.parse({ countedOn: '2019-01-07', source: 'joint_verification', workers: 27, othersAffected: 13, reasonForChange: 'Daftar akhir; 13 warga setempat terdampak.' }),
    );
    s.at('2019-01-10');
    await s.sites.setMilestone(s.ctx, nunukan.id, 'closure_ceremony', SetMilestoneSchema.parse({ doneDate: '2019-01-10' }));
    await s.sites.recordClosure(s.ctx, nunukan.id, RecordClosureSchema.parse({ decreeNumber: 'SK-DEMO/65.03/2019', decreeDate: '2019-01-10', closureDate: '2019-01-10' }));
    await moveRegion(s, region['65.03']!.id, [['closed', '2019-01-10', 'Penutupan resmi lokalisasi Nunukan pada 10 Januari 2019.']]);
  }
}
