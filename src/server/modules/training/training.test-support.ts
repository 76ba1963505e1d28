// Test fixtures of training (this module's tests and its matrix rows): a case with a
// named person, a run of a seeded course with meeting days, made through the services.
import type { FastifyInstance } from 'fastify';
import { OpenCaseSchema } from '../../../common/cases.ts';
import { CreatePersonSchema } from '../../../common/persons.ts';
import { AddMeetingSchema, CreateRunSchema } from '../../../common/training.ts';
import { kaltaraProgramme, SYSTEM } from '../cases/cases.test-support.ts';

export { SYSTEM };

/** A woman with an open case in the regency; returns the case id and code. */
export async function trainee(app: FastifyInstance, o: { regencyCode?: string; caseWorkerId?: number; fullName?: string } = {}): Promise<{ caseId: number; caseCode: string }> {
  const programmeId = await kaltaraProgramme(app);
  const person = await app.services.persons.create(
    SYSTEM,
    CreatePersonSchema.parse({ fullName: o.fullName ?? 'Peserta Pelatihan Uji', sex: 'female', lawfulBasis: 'public_task', regencyCode: o.regencyCode ?? '65.03', alias: 'Peserta' }),
  );
  const c = await app.services.cases.open(SYSTEM, OpenCaseSchema.parse({ personId: person.id, programmeId, caseWorkerId: o.caseWorkerId }));
  return { caseId: c.id, caseCode: person.caseCode };
}

/** The id of a seeded national course. */
export async function seededCourse(app: FastifyInstance, code = 'menjahit'): Promise<number> {
  const list = await app.services.training.listCourses(SYSTEM);
  return list.items.find((c) => c.code === code)!.id;
}

/** A run held by the regency's office with meeting days on the given dates. */
export async function makeRun(
  app: FastifyInstance,
  o: { regionCode?: string; startsOn?: string; endsOn?: string; days?: string[]; courseId?: number; capacity?: number | null } = {},
): Promise<{ runId: number; meetingIds: number[] }> {
  const run = await app.services.training.createRun(
    SYSTEM,
    CreateRunSchema.parse({
      courseId: o.courseId ?? (await seededCourse(app)),
      regionCode: o.regionCode ?? '65.03',
      title: 'Angkatan I',
      startsOn: o.startsOn ?? '2019-03-01',
      endsOn: o.endsOn ?? '2019-03-10',
      location: 'Balai Latihan Kerja Nunukan',
      trainer: 'Ibu Pelatih',
      capacity: o.capacity ?? null,
    }),
  );
  let meetingIds: number[] = [];
  for (const date of o.days ?? []) {
    const detail = await app.services.training.addMeeting(SYSTEM, run.id, AddMeetingSchema.parse({ date }));
    meetingIds = detail.meetingDays.map((m) => m.id);
  }
  return { runId: run.id, meetingIds };
}
