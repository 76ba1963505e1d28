// /api/training: the course catalogue, course runs and meeting days (training.manage),
// enrolment, withdrawal, attendance and certificates of cases (case.manage on the
// case), and a case's enrolments. Pseudonymous answers (case codes).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  AddMeetingSchema,
  AttendanceGridSchema,
  CaseTrainingSchema,
  CertificateRequestSchema,
  CourseListSchema,
  CourseSchema,
  CreateCourseSchema,
  CreateRunSchema,
  EnrolmentSchema,
  EnrolSchema,
  RecordAttendanceSchema,
  RunDetailSchema,
  RunListQuerySchema,
  RunListSchema,
  UpdateCourseSchema,
  UpdateRunSchema,
  WithdrawSchema,
} from '../../../common/training.ts';
import type { TrainingCatalogueService } from './training-catalogue.service.ts';
import type { TrainingEnrolmentService } from './training-enrolments.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['training'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const read = { access: { permission: 'case.read' as const } };
const work = { access: { permission: 'case.manage' as const } };
const configure = { access: { permission: 'training.manage' as const } };
const run = { 200: RunDetailSchema, ...errors };

export const trainingRoutes =
  (catalogue: TrainingCatalogueService, enrolments: TrainingEnrolmentService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/training/courses', { config: read, schema: { tags, summary: 'The course catalogue: national courses and those of offices overlapping the caller’s scope', response: { 200: CourseListSchema, ...errors } } }, (req) =>
      catalogue.listCourses(req.ctx()),
    );
    app.post(
      '/api/training/courses',
      { config: configure, schema: { tags, summary: 'Add a course (regionCode: the office’s province or regency/city; null: national)', body: CreateCourseSchema, response: { 200: CourseSchema, ...errors } } },
      (req) => catalogue.createCourse(req.ctx(), req.body),
    );
    app.put(
      '/api/training/courses/:id',
      { config: configure, schema: { tags, summary: 'Change a course: names, provider, completion rule (minimum attendance %), hours per day, active', params: Id, body: UpdateCourseSchema, response: { 200: CourseSchema, ...errors } } },
      (req) => catalogue.updateCourse(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/training/runs',
      { config: read, schema: { tags, summary: 'Course runs held by offices overlapping the caller’s scope, newest first', querystring: RunListQuerySchema, response: { 200: RunListSchema, ...errors } } },
      (req) => catalogue.listRuns(req.ctx(), req.query),
    );
    app.post('/api/training/runs', { config: configure, schema: { tags, summary: 'Plan a course run (cohort) held by an office in the caller’s scope', body: CreateRunSchema, response: run } }, (req) =>
      catalogue.createRun(req.ctx(), req.body),
    );
    app.get(
      '/api/training/runs/:id',
      { config: read, schema: { tags, summary: 'A course run with its meeting days and the enrolments of cases within the caller’s reach (with completion)', params: Id, response: run } },
      (req) => catalogue.getRun(req.ctx(), req.params.id),
    );
    app.put('/api/training/runs/:id', { config: configure, schema: { tags, summary: 'Change a course run (dates must keep its meeting days)', params: Id, body: UpdateRunSchema, response: run } }, (req) =>
      catalogue.updateRun(req.ctx(), req.params.id, req.body),
    );
    app.post('/api/training/runs/:id/meetings', { config: configure, schema: { tags, summary: 'Add a meeting day (within the run’s dates; hours default to the course’s)', params: Id, body: AddMeetingSchema, response: run } }, (req) =>
      catalogue.addMeeting(req.ctx(), req.params.id, req.body),
    );
    app.delete('/api/training/meetings/:id', { config: configure, schema: { tags, summary: 'Delete a meeting day without recorded attendance', params: Id, response: run } }, (req) =>
      catalogue.deleteMeeting(req.ctx(), req.params.id),
    );
    app.post(
      '/api/training/runs/:id/enrolments',
      { config: work, schema: { tags, summary: 'Enrol a case the caller works (within the running office’s region)', params: Id, body: EnrolSchema, response: { 200: EnrolmentSchema, ...errors } } },
      (req) => enrolments.enrol(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/training/enrolments/:id/withdraw',
      { config: work, schema: { tags, summary: 'Withdraw an enrolment, with a reason', params: Id, body: WithdrawSchema, response: { 200: EnrolmentSchema, ...errors } } },
      (req) => enrolments.withdraw(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/training/meetings/:id/attendance',
      { config: read, schema: { tags, summary: 'The attendance grid of a meeting day (participants within the caller’s reach)', params: Id, response: { 200: AttendanceGridSchema, ...errors } } },
      (req) => enrolments.attendance(req.ctx(), req.params.id),
    );
    app.put(
      '/api/training/meetings/:id/attendance',
      {
        config: work,
        schema: { tags, summary: 'Record a day’s attendance (present, absent, excused) for several participants at once', params: Id, body: RecordAttendanceSchema, response: { 200: AttendanceGridSchema, ...errors } },
      },
      (req) => enrolments.recordAttendance(req.ctx(), req.params.id, req.body),
    );
    app.get('/api/cases/:id/training', { config: read, schema: { tags, summary: 'A case’s enrolments with completion (audited as a read of the case)', params: Id, response: { 200: CaseTrainingSchema, ...errors } } }, (req) =>
      enrolments.forCase(req.ctx(), req.params.id),
    );
    app.post(
      '/api/training/enrolments/:id/certificate',
      {
        config: work,
        schema: {
          tags,
          summary: 'The certificate of a completed enrolment (application/pdf); the case code, or with withName and a reason the full name (person.reveal_identity, re-authentication); audited',
          params: Id,
          body: CertificateRequestSchema,
          response: errors,
        },
      },
      async (req, reply) => {
        const { filename, pdf } = await enrolments.certificate(req.ctx(), req.params.id, req.body);
        return reply.type('application/pdf').header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${filename}"`).send(pdf as never);
      },
    );
  };
