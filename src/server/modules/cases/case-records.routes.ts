// A case's rehabilitation plans, notes (with attachments) and tasks.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateNoteSchema,
  CreateTaskSchema,
  NoteListSchema,
  NoteSchema,
  PlanContentSchema,
  PlanListSchema,
  PlanSchema,
  TaskListSchema,
  TaskSchema,
  UpdateTaskSchema,
} from '../../../common/case-records.ts';
import { ReasonSchema } from '../../../common/cases.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { attachmentHeader, readUpload } from '../../platform/files/files.ts';
import { CaseId, caseAccess as access, caseErrors as errors } from './cases.routes.ts';
import type { CaseNoteService } from './notes.service.ts';
import type { PlanService } from './plans.service.ts';

const tags = ['cases'];
const id = z.coerce.number().int().positive();
const IdPlan = CaseId.extend({ planId: id });
const IdNote = CaseId.extend({ noteId: id });
const IdTask = CaseId.extend({ taskId: id });
const fileErrors = { ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema };

export const caseRecordRoutes =
  (services: { plans: PlanService; notes: CaseNoteService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { plans, notes } = services;

    // ---- plans ----
    app.get(
      '/api/cases/:id/plans',
      { config: access('case.read'), schema: { tags, summary: 'A case’s plans, every version with goals and services (the read is audited)', params: CaseId, response: { 200: PlanListSchema, ...errors } } },
      (req) => plans.list(req.ctx(), req.params.id),
    );
    app.post(
      '/api/cases/:id/plans',
      {
        config: access('case.manage'),
        schema: { tags, summary: 'A new plan version (the first, or a change of the approved plan)', params: CaseId, body: PlanContentSchema, response: { 200: PlanSchema, ...errors } },
      },
      (req) => plans.create(req.ctx(), req.params.id, req.body),
    );
    app.put(
      '/api/cases/:id/plans/:planId',
      {
        config: access('case.manage'),
        schema: { tags, summary: 'Change a draft or returned plan (submitted and approved plans are locked)', params: IdPlan, body: PlanContentSchema, response: { 200: PlanSchema, ...errors } },
      },
      (req) => plans.update(req.ctx(), req.params.id, req.params.planId, req.body),
    );
    app.post(
      '/api/cases/:id/plans/:planId/submit',
      { config: access('case.manage'), schema: { tags, summary: 'Submit the plan for the supervisor’s approval', params: IdPlan, response: { 200: PlanSchema, ...errors } } },
      (req) => plans.submit(req.ctx(), req.params.id, req.params.planId),
    );
    app.post(
      '/api/cases/:id/plans/:planId/approve',
      { config: access('case.supervise'), schema: { tags, summary: 'Approve a submitted plan (not one’s own)', params: IdPlan, response: { 200: PlanSchema, ...errors } } },
      (req) => plans.approve(req.ctx(), req.params.id, req.params.planId),
    );
    app.post(
      '/api/cases/:id/plans/:planId/return',
      { config: access('case.supervise'), schema: { tags, summary: 'Return a submitted plan with a reason', params: IdPlan, body: ReasonSchema, response: { 200: PlanSchema, ...errors } } },
      (req) => plans.returnPlan(req.ctx(), req.params.id, req.params.planId, req.body.reason),
    );

    // ---- notes ----
    app.get(
      '/api/cases/:id/notes',
      {
        config: access('case.read'),
        schema: { tags, summary: 'A case’s notes (a confidential note’s text only for the case’s worker, supervisor and author; the read is audited)', params: CaseId, response: { 200: NoteListSchema, ...errors } },
      },
      (req) => notes.list(req.ctx(), req.params.id),
    );
    app.post(
      '/api/cases/:id/notes',
      { config: access('case.manage'), schema: { tags, summary: 'Add a note (optionally confidential)', params: CaseId, body: CreateNoteSchema, response: { 200: NoteSchema, ...errors } } },
      (req) => notes.add(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/cases/:id/notes/:noteId/attachments',
      {
        config: access('case.manage'),
        schema: {
          tags,
          summary: 'Attach a file to a note (multipart/form-data, field "file": PDF, PNG, JPEG or WebP)',
          consumes: ['multipart/form-data'],
          params: IdNote,
          response: { 200: NoteSchema, ...fileErrors },
        },
      },
      async (req) => notes.attach(req.ctx(), req.params.id, req.params.noteId, await readUpload(req)),
    );
    app.get(
      '/api/cases/:id/notes/:noteId/attachments/:fileId',
      { config: access('case.read'), schema: { tags, summary: 'Download a note’s attachment (audited)', params: IdNote.extend({ fileId: id }), response: errors } },
      async (req, reply) => {
        const file = await notes.download(req.ctx(), req.params.id, req.params.noteId, req.params.fileId);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachmentHeader(file.originalName))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', String(file.sizeBytes))
          .header('cache-control', 'private, no-store')
          .send(file.content as never);
      },
    );

    // ---- tasks ----
    app.get(
      '/api/cases/:id/tasks',
      { config: access('case.read'), schema: { tags, summary: 'A case’s tasks with due dates (overdue flagged)', params: CaseId, response: { 200: TaskListSchema, ...errors } } },
      (req) => notes.tasks(req.ctx(), req.params.id),
    );
    app.post(
      '/api/cases/:id/tasks',
      { config: access('case.manage'), schema: { tags, summary: 'Add a task with a due date', params: CaseId, body: CreateTaskSchema, response: { 200: TaskSchema, ...errors } } },
      (req) => notes.addTask(req.ctx(), req.params.id, req.body),
    );
    app.put(
      '/api/cases/:id/tasks/:taskId',
      { config: access('case.manage'), schema: { tags, summary: 'Change a task: title, due date, done or not done', params: IdTask, body: UpdateTaskSchema, response: { 200: TaskSchema, ...errors } } },
      (req) => notes.updateTask(req.ctx(), req.params.id, req.params.taskId, req.body),
    );
  };
