// The Nunukan cohort's rehabilitation cases (as of 2019): twenty of the thirty women
// decided eligible get a case, worked through the services on the scenario's own dates
// (January–May 2019, after the joint verification of 20 December 2018 and the closure
// of 10 January 2019), so that every state of the case screens has an example. Ten
// eligible women are left without a case (NO_CASE) for trainees to open one. The
// demo creates no user accounts (the first start must still offer the first-admin
// link): the work is recorded as the command line's, and cases have no worker yet.
import type { Answers } from '../../../common/case-forms.ts';
import { PlanContentSchema, type AtensiComponent } from '../../../common/case-records.ts';
import { OpenCaseSchema, type CaseStatusValue } from '../../../common/cases.ts';
import type { FollowUpOutcome } from '../../../common/follow-ups.ts';
import { CreateReturnHomeSchema } from '../../../common/return-home.ts';
import { AddMeetingSchema, CreateRunSchema } from '../../../common/training.ts';
import type { Config } from '../../config.ts';
import { cliContext } from '../../platform/auth/actor.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Db } from '../../platform/db/database.ts';
import { AssessmentService } from '../cases/assessments.service.ts';
import { CaseService } from '../cases/cases.service.ts';
import { CaseNoteService } from '../cases/notes.service.ts';
import { PlanService } from '../cases/plans.service.ts';
import { FollowUpService } from '../follow-ups/follow-ups.service.ts';
import { LetterService } from '../letters/letters.service.ts';
import { PersonService } from '../registry/persons.service.ts';
import { ReturnHomeService } from '../return-home/return-home.service.ts';
import { TrainingCatalogueService } from '../training/training-catalogue.service.ts';
import { TrainingEnrolmentService } from '../training/training-enrolments.service.ts';

/** Where each case stands at the end of the scenario, by position on the site manager's list. */
export const COHORT_CASES = {
  intake: [33, 34, 36, 37],
  assessmentDraft: [2],
  assessment: [1, 29, 30],
  planSubmitted: [26],
  plan: [25],
  training: [17, 18, 21, 23],
  returnedHome: [10, 14, 15],
  closed: [5, 6],
  reopened: [9],
} as const;
/** Eligible women without a case (list positions): a trainee, or a browser test, opens one. */
export const NO_CASE = [38, 39, 41, 42, 43, 45, 46, 47, 48, 50];
/** In the training run: those in training, and the three who trained before closing their case. */
const TRAINEES = [...COHORT_CASES.training, ...COHORT_CASES.closed, ...COHORT_CASES.reopened];
/** Days absent from the eight meeting days (21 misses half: not completed; 23 was excused once). */
const ABSENT: Record<number, number[]> = { 21: [2, 3, 5, 6] };
const EXCUSED: Record<number, number[]> = { 23: [4] };
const MEETING_DAYS = ['2019-02-11', '2019-02-14', '2019-02-18', '2019-02-21', '2019-02-25', '2019-02-28', '2019-03-04', '2019-03-07'];
const STAYING = new Set<number>([...COHORT_CASES.closed, ...COHORT_CASES.reopened, 25, 26]);
/** Return home: [list position, transport, cost, departed, arrived, 1-month outcome]. */
const JOURNEYS: [number, 'ship' | 'plane', number, string, string, FollowUpOutcome][] = [
  [10, 'ship', 250_000, '2019-02-18', '2019-02-18', 'employed'],
  [14, 'ship', 950_000, '2019-02-18', '2019-02-22', 'returned_home'],
  [15, 'ship', 750_000, '2019-02-18', '2019-02-20', 'business_running'],
];

function assessment(n: number): Answers {
  const stays = STAYING.has(n);
  return {
    basic_needs: n % 3 === 0 ? ['documents'] : n % 3 === 1 ? ['shelter', 'food'] : ['none'],
    skills: [(['sewing', 'cooking', 'salon', 'trading'] as const)[n % 4]!],
    work_history: 'Pernah bekerja sebagai pelayan warung sebelum datang ke lokasi (data demo).',
    years_in_site: 2 + (n % 9),
    education_level: (['sd', 'smp', 'sma'] as const)[n % 3]!,
    can_read: n % 5 !== 0,
    dependants: n % 4,
    family_knows: n % 2 === 0,
    health_referral: n % 4 === 0 ? ['reproductive'] : ['none'],
    has_bpjs: n % 3 !== 0,
    threatened: n === 9,
    debt: n % 6 === 0,
    wish: stays ? 'stay' : 'return_home',
    business_idea: stays ? 'Usaha jahit dan permak pakaian di rumah (data demo).' : 'Warung kelontong di kampung halaman (data demo).',
    wants_training: true,
  };
}

function plan(n: number, from: string) {
  const stays = STAYING.has(n);
  const service = (component: AtensiComponent, description: string, responsible: string, startDate: string, endDate: string | null) => ({
    component,
    description,
    responsible,
    startDate,
    endDate,
  });
  return PlanContentSchema.parse({
    goals: [
      { text: stays ? 'Mandiri dengan usaha jahit di Nunukan' : 'Pulang ke daerah asal dan memulai usaha', targetDate: '2019-06-30' },
      { text: 'Memiliki dokumen kependudukan dan rekening atas nama sendiri', targetDate: '2019-02-28' },
    ],
    services: [
      service('living_support', 'Jaminan hidup selama masa pembinaan', 'Dinas Sosial Kabupaten Nunukan', from, '2019-03-31'),
      service('vocational_training', 'Pelatihan menjahit angkatan I', 'Dinas Sosial Kabupaten Nunukan', '2019-02-11', '2019-03-08'),
      service('social_assistance', 'Bantuan usaha ekonomi produktif (UEP)', 'Kementerian Sosial RI', '2019-03-01', null),
      ...(stays ? [] : [service('family_support', 'Pertemuan dengan keluarga sebelum pemulangan', 'Pendamping', from, '2019-02-15')]),
    ],
    note: 'Data demo.',
  });
}

/** Services on a clock the scenario sets to each day (09:00 WITA). */
function services(db: Db, config: Config, keys: KeyProvider) {
  let now = new Date('2019-01-14T01:00:00Z');
  const clock = () => now;
  const persons = new PersonService(db, keys, clock, 0);
  const letters = new LetterService(db, persons.sealer, config, clock);
  const cases = new CaseService(db, clock);
  const returnHome = new ReturnHomeService(db, persons, letters, clock);
  const followUps = new FollowUpService(db, persons.sealer, clock);
  followUps.attach(cases, returnHome); // as the app wires them: arrivals and closures schedule visits
  return {
    at: (date: string) => void (now = new Date(`${date}T01:00:00Z`)),
    ctx: cliContext('demo-seed'),
    cases,
    assessments: new AssessmentService(db, persons.sealer, clock),
    plans: new PlanService(db, persons.sealer, clock),
    notes: new CaseNoteService(db, persons.sealer, clock),
    training: new TrainingCatalogueService(db, clock),
    enrolments: new TrainingEnrolmentService(db, persons, clock, 0),
    returnHome,
    followUps,
  };
}

/** Opens the cases and works each one to its stage, in the order the days come. Once: a second run adds nothing. */
export async function seedNunukanCases(db: Db, config: Config, keys: KeyProvider, programmeName: string): Promise<void> {
  const programme = await db.selectFrom('programme').select('id').where('name', '=', programmeName).executeTakeFirstOrThrow();
  if (await db.selectFrom('rehab_case').select('id').where('programme_id', '=', programme.id).executeTakeFirst()) return;
  const site = await db.selectFrom('site').select('id').where('regency_code', '=', '65.03').where('name', 'like', 'Lokalisasi Nunukan%').executeTakeFirstOrThrow();
  const people = await db.selectFrom('person').select('id').where('site_id', '=', site.id).orderBy('id').execute();
  const s = services(db, config, keys);
  const { ctx } = s;
  const caseOf = new Map<number, number>();
  const stage = (...groups: (keyof typeof COHORT_CASES)[]): number[] => groups.flatMap((g) => COHORT_CASES[g]);
  const move = async (ns: readonly number[], status: CaseStatusValue, reason: string) => {
    for (const n of ns) await s.cases.changeStatus(ctx, caseOf.get(n)!, { status, reason });
  };
  const open = async (ns: readonly number[]) => {
    for (const n of ns) caseOf.set(n, (await s.cases.open(ctx, OpenCaseSchema.parse({ personId: people[n - 1]!.id, programmeId: programme.id }))).id);
  };

  // Intake after the closure of 10 January 2019; assessments the week after.
  s.at('2019-01-14');
  const worked = stage('assessmentDraft', 'assessment', 'planSubmitted', 'plan', 'training', 'returnedHome', 'closed', 'reopened');
  await open(worked);
  s.at('2019-01-21');
  await move(worked, 'assessment', 'Asesmen awal dimulai.');
  for (const n of worked) {
    const draft = await s.assessments.start(ctx, caseOf.get(n)!, undefined);
    if (stage('assessmentDraft').includes(n)) await s.assessments.save(ctx, caseOf.get(n)!, draft.id, { basic_needs: ['documents'], wish: 'undecided' });
    else await s.assessments.submit(ctx, caseOf.get(n)!, draft.id, assessment(n));
  }

  // Plans: written and submitted on 28 January, approved by the head of office two days later.
  const planned = stage('planSubmitted', 'plan', 'training', 'returnedHome', 'closed', 'reopened');
  s.at('2019-01-28');
  await move(planned, 'plan', 'Asesmen selesai; menyusun rencana.');
  const plans = new Map<number, number>();
  for (const n of planned) {
    const p = await s.plans.create(ctx, caseOf.get(n)!, plan(n, '2019-01-28'));
    await s.plans.submit(ctx, caseOf.get(n)!, p.id);
    plans.set(n, p.id);
  }
  s.at('2019-01-30');
  for (const n of planned.filter((x) => !stage('planSubmitted').includes(x))) await s.plans.approve(ctx, caseOf.get(n)!, plans.get(n)!);
  await s.notes.addTask(ctx, caseOf.get(25)!, { title: 'Daftarkan ke pelatihan tata boga angkatan berikutnya', dueDate: '2019-04-15' });
  const serving = stage('training', 'returnedHome', 'closed', 'reopened');
  s.at('2019-02-04');
  await move(serving, 'services', 'Rencana disetujui; layanan berjalan.');

  // The sewing course of the Nunukan office, eight meeting days, attendance each day.
  s.at('2019-02-04');
  const course = (await s.training.listCourses(ctx)).items.find((c) => c.code === 'menjahit')!;
  const run = await s.training.createRun(
    ctx,
    CreateRunSchema.parse({
      courseId: course.id,
      regionCode: '65.03',
      title: 'Menjahit angkatan I 2019',
      startsOn: MEETING_DAYS[0],
      endsOn: '2019-03-08',
      location: 'Balai pelatihan Dinas Sosial Nunukan (demo)',
      trainer: 'Pelatih menjahit (demo)',
      capacity: 20,
    }),
  );
  const meetings: number[] = [];
  for (const date of MEETING_DAYS) meetings.push((await s.training.addMeeting(ctx, run.id, AddMeetingSchema.parse({ date, topic: 'Praktik menjahit' }))).meetingDays.find((m) => m.date === date)!.id);
  const enrolled = new Map<number, number>();
  for (const n of TRAINEES) enrolled.set(n, (await s.enrolments.enrol(ctx, run.id, { caseId: caseOf.get(n)! })).id);
  for (const [day, date] of MEETING_DAYS.entries()) {
    s.at(date);
    const status = (n: number) => (ABSENT[n]?.includes(day) ? 'absent' : EXCUSED[n]?.includes(day) ? 'excused' : 'present');
    await s.enrolments.recordAttendance(ctx, meetings[day]!, { entries: TRAINEES.map((n) => ({ enrolmentId: enrolled.get(n)!, status: status(n) })) });
  }

  // Return home: the travel plans, the letter to Surabaya's office, departures and arrivals (visits follow).
  const unit = await db.selectFrom('letter_unit').select('id').where('code', '=', 'DINSOS-KALTARA').executeTakeFirstOrThrow();
  s.at('2019-02-11');
  const journeys = new Map<number, number>();
  for (const [n, transportMode, costRupiah, plannedDate] of JOURNEYS) {
    const route = transportMode === 'ship' ? 'Pelabuhan Tunon Taka, Nunukan' : 'Bandara Nunukan';
    journeys.set(n, (await s.returnHome.create(ctx, caseOf.get(n)!, CreateReturnHomeSchema.parse({ plannedDate, route, transportMode, costRupiah }))).id);
  }
  s.at('2019-02-12');
  await s.returnHome.notify(ctx, journeys.get(14)!, { unitId: unit.id, letterDate: '2019-02-12', signatoryName: '', signatoryTitle: 'Kepala Dinas Sosial Provinsi Kalimantan Utara' });
  for (const [n, , , departed, arrived] of JOURNEYS) {
    s.at(departed);
    await s.returnHome.depart(ctx, journeys.get(n)!, { departedOn: departed, note: '' });
    s.at(arrived);
    await s.returnHome.arrive(ctx, journeys.get(n)!, { arrivedOn: arrived, note: 'Diterima keluarga (data demo).' });
    await move([n], 'follow_up', 'Sudah tiba di daerah asal; pemantauan.');
  }

  // Those who stay: the course done, closure requested and approved; visits follow the closure.
  const closing = stage('closed', 'reopened');
  s.at('2019-03-11');
  await move(closing, 'follow_up', 'Pelatihan selesai; usaha mulai berjalan.');
  s.at('2019-03-25');
  for (const n of closing) await s.cases.requestClosure(ctx, caseOf.get(n)!, 'Rencana rehabilitasi selesai: lulus pelatihan menjahit dan usaha berjalan.');
  s.at('2019-04-01');
  for (const n of closing) await s.cases.approveClosure(ctx, caseOf.get(n)!);

  // One-month visits; one woman found back at work in the old trade: her case is reopened.
  const visits: [number, string, FollowUpOutcome][] = [
    ...JOURNEYS.map(([n, , , , arrived, outcome]): [number, string, FollowUpOutcome] => [n, arrived.replace('-02-', '-03-'), outcome]),
    [5, '2019-05-02', 'employed'],
    [6, '2019-05-02', 'business_running'],
    [9, '2019-05-03', 'returned_to_sex_work'],
  ];
  for (const [n, visitedOn, outcome] of visits) {
    s.at(visitedOn);
    const first = (await s.followUps.forCase(ctx, caseOf.get(n)!)).items.find((v) => v.offsetMonths === 1)!;
    await s.followUps.record(ctx, first.id, { visitedOn, outcome, note: 'Kunjungan rumah (data demo).', version: first.version });
  }
  s.at('2019-05-06');
  await s.cases.reopen(ctx, caseOf.get(9)!, 'Ditemukan kembali bekerja di bekas lokasi; pendampingan dilanjutkan.');
  await s.notes.add(ctx, caseOf.get(9)!, { text: 'Mengaku terlilit utang; dirujuk ke layanan bantuan hukum (data demo).', confidential: true });

  // A second wave of intakes in March: not yet assessed.
  s.at('2019-03-04');
  await open(COHORT_CASES.intake);
}
