// Authorization-matrix rows of training (see src/server/authorization-matrix.test.ts).
// "own" records are in Nunukan (65.03), "other" in Bulungan (65.01); every matrix user
// works in Nunukan. Cases are unassigned, so case workers (caseload only) get 404 for
// case-bound routes; the catalogue and runs they read like everyone with case.read.
import assert from 'node:assert/strict';
import type { Fixture, MatrixRows, Relation } from '../../test/matrix.ts';
import { get, region } from '../../test/matrix.ts';
import { AddMeetingSchema, CreateCourseSchema, RecordAttendanceSchema } from '../../../common/training.ts';
import { wibDate } from '../registry/registry-access.ts';
import { makeRun, SYSTEM, trainee } from './training.test-support.ts';

// The matrix runs on the real clock: a run from two days ago to a month ahead, one day yesterday.
const day = (offset: number) => wibDate(new Date(Date.now() + offset * 86_400_000));
const dates = () => ({ startsOn: day(-2), endsOn: day(30) });
let serial = 0;

const aRun = async (fx: Fixture, rel: Relation) => makeRun(fx.app, { regionCode: region(rel), ...dates(), days: [day(-1)] });

async function anEnrolment(fx: Fixture, rel: Relation, attended = false): Promise<{ id: number; meetingId: number }> {
  const { runId, meetingIds } = await aRun(fx, rel);
  const c = await trainee(fx.app, { regencyCode: region(rel) });
  const e = await fx.app.services.trainingEnrolments.enrol(SYSTEM, runId, { caseId: c.caseId });
  if (attended) await fx.app.services.trainingEnrolments.recordAttendance(SYSTEM, meetingIds[0]!, RecordAttendanceSchema.parse({ entries: [{ enrolmentId: e.id, status: 'present' }] }));
  return { id: e.id, meetingId: meetingIds[0]! };
}

async function aCourse(fx: Fixture, rel: Relation): Promise<number> {
  const c = await fx.app.services.training.createCourse(SYSTEM, CreateCourseSchema.parse({ code: `mx_${++serial}`, nameId: 'Kursus Matriks', nameEn: 'Matrix course', regionCode: region(rel) }));
  return c.id;
}

const runBody = async (fx: Fixture, rel: Relation) => {
  const sewing = (await fx.app.services.training.listCourses(SYSTEM)).items.find((c) => c.code === 'menjahit')!.id;
  return { courseId: sewing, regionCode: region(rel), title: 'Angkatan matriks', ...dates(), location: 'BLK' };
};

export const rows: MatrixRows = {
  'GET /api/training/courses': {
    request: () => get('/api/training/courses'),
    allowed: 200,
    check: (res) => assert.ok(res.json().items.length >= 4),
  },
  'POST /api/training/courses': {
    request: (_fx, _c, rel) => ({ method: 'POST', url: '/api/training/courses', payload: { code: `mxp_${++serial}`, nameId: 'Kursus', nameEn: 'Course', regionCode: region(rel) } }),
    allowed: 200,
    otherRegion: 403,
  },
  'PUT /api/training/courses/:id': {
    request: async (fx, _c, rel) => ({
      method: 'PUT',
      url: `/api/training/courses/${await aCourse(fx, rel)}`,
      payload: { nameId: 'Kursus baru', nameEn: 'New course', minAttendancePct: 75, active: true, version: 1 },
    }),
    allowed: 200,
    otherRegion: 404,
  },
  'GET /api/training/runs': { request: () => get('/api/training/runs'), allowed: 200 },
  'POST /api/training/runs': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: '/api/training/runs', payload: await runBody(fx, rel) }),
    allowed: 200,
    otherRegion: 403,
  },
  'GET /api/training/runs/:id': {
    request: async (fx, _c, rel) => get(`/api/training/runs/${(await aRun(fx, rel)).runId}`),
    allowed: 200,
    otherRegion: 404,
  },
  'PUT /api/training/runs/:id': {
    request: async (fx, _c, rel) => {
      const body = await runBody(fx, rel);
      return { method: 'PUT', url: `/api/training/runs/${(await aRun(fx, rel)).runId}`, payload: { ...body, location: 'BLK baru', version: 1 } };
    },
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/training/runs/:id/meetings': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/training/runs/${(await aRun(fx, rel)).runId}/meetings`, payload: AddMeetingSchema.parse({ date: day(1) }) }),
    allowed: 200,
    otherRegion: 404,
    check: (res) => assert.equal(res.json().meetingDays.length, 2),
  },
  'DELETE /api/training/meetings/:id': {
    request: async (fx, _c, rel) => ({ method: 'DELETE', url: `/api/training/meetings/${(await aRun(fx, rel)).meetingIds[0]}` }),
    allowed: 200,
    otherRegion: 404,
  },
  'POST /api/training/runs/:id/enrolments': {
    request: async (fx, _c, rel) => {
      const { runId } = await aRun(fx, rel);
      const c = await trainee(fx.app, { regencyCode: region(rel) });
      return { method: 'POST', url: `/api/training/runs/${runId}/enrolments`, payload: { caseId: c.caseId } };
    },
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/training/enrolments/:id/withdraw': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/training/enrolments/${(await anEnrolment(fx, rel)).id}/withdraw`, payload: { reason: 'Pindah ke kota lain bersama keluarga' } }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
    check: (res) => assert.equal(res.json().completion, 'withdrawn'),
  },
  'GET /api/training/meetings/:id/attendance': {
    request: async (fx, _c, rel) => get(`/api/training/meetings/${(await anEnrolment(fx, rel)).meetingId}/attendance`),
    allowed: 200,
    otherRegion: 404,
  },
  'PUT /api/training/meetings/:id/attendance': {
    request: async (fx, _c, rel) => {
      const e = await anEnrolment(fx, rel);
      return { method: 'PUT', url: `/api/training/meetings/${e.meetingId}/attendance`, payload: { entries: [{ enrolmentId: e.id, status: 'present' }] } };
    },
    allowed: 200,
    otherRegion: 404,
    // the day is seen, but the participant is not one of hers
    caseload: 400,
  },
  'GET /api/cases/:id/training': {
    request: async (fx, _c, rel) => get(`/api/cases/${(await trainee(fx.app, { regencyCode: region(rel) })).caseId}/training`),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
  'POST /api/training/enrolments/:id/certificate': {
    request: async (fx, _c, rel) => ({ method: 'POST', url: `/api/training/enrolments/${(await anEnrolment(fx, rel, true)).id}/certificate`, payload: {} }),
    allowed: 200,
    otherRegion: 404,
    caseload: 404,
  },
};
