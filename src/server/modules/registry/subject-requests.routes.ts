// /api/subject-requests: the register of data-subject requests (UU 27/2022) and
// the access export (PDF or JSON, made on demand, never cached).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  CreateSubjectRequestSchema,
  ExportQuerySchema,
  SubjectRequestListQuerySchema,
  SubjectRequestListSchema,
  SubjectRequestSchema,
  UpdateSubjectRequestSchema,
} from '../../../common/registry-rights.ts';
import type { SubjectRequestService } from './subject-requests.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['registry'];
const read = { access: { permission: 'subject_request.read' as const } };
const manage = { access: { permission: 'subject_request.manage' as const } };
const Id = z.object({ id: z.coerce.number().int().positive() });

export const subjectRequestRoutes =
  (requests: SubjectRequestService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/subject-requests',
      {
        config: read,
        schema: { tags, summary: 'Data-subject requests in my region (filters: status, kind, overdue, person)', querystring: SubjectRequestListQuerySchema, response: { 200: SubjectRequestListSchema, ...errors } },
      },
      (req) => requests.list(req.ctx(), req.query),
    );
    app.post(
      '/api/subject-requests',
      {
        config: manage,
        schema: { tags, summary: 'Register a data-subject request (due 3×24 hours after it was received)', body: CreateSubjectRequestSchema, response: { 200: SubjectRequestSchema, ...errors } },
      },
      (req) => requests.create(req.ctx(), req.body),
    );
    app.get(
      '/api/subject-requests/:id',
      { config: read, schema: { tags, summary: 'One data-subject request', params: Id, response: { 200: SubjectRequestSchema, ...errors } } },
      (req) => requests.get(req.ctx(), req.params.id),
    );
    app.patch(
      '/api/subject-requests/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Move a request on: in progress, answered (applies restriction or deletion) or refused (legal reason)',
          description: 'Answering a deletion request erases the identity for good and needs a recent re-authentication.',
          params: Id,
          body: UpdateSubjectRequestSchema,
          response: { 200: SubjectRequestSchema, ...errors },
        },
      },
      (req) => requests.update(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/subject-requests/:id/export',
      {
        config: { access: { permission: 'subject_request.manage', reauth: true } },
        schema: {
          tags,
          summary: 'The access export of the person’s data (?format=pdf|json; audited; identity only for a user allowed to reveal it)',
          params: Id,
          querystring: ExportQuerySchema,
          response: errors,
        },
      },
      async (req, reply) => {
        const { filename, json, pdf } = await requests.export(req.ctx(), req.params.id, req.query.format);
        void reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${filename}"`);
        if (pdf) return reply.type('application/pdf').send(pdf as never); // bytes as they are
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(json, null, 2) as never);
      },
    );
  };
