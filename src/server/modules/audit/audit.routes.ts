import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditCheckpointSchema, AuditExportQuerySchema, AuditListSchema, AuditQuerySchema, AuditVerifySchema } from '../../../common/audit.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { AuditService } from './audit.service.ts';

const tags = ['audit'];
const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

export const auditRoutes =
  (auditLog: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags,
          summary: 'Audit events within my region, newest first (filters, pages); the read is audited',
          querystring: AuditQuerySchema,
          response: { 200: AuditListSchema, ...errors },
        },
      },
      (req) => auditLog.list(req.ctx(), req.query),
    );

    app.get(
      '/api/audit/export',
      {
        config: { access: { permission: 'audit.export', reauth: true } },
        schema: {
          tags,
          summary: 'Export matching events as CSV or JSON (at most 100,000; needs a recent password confirmation)',
          querystring: AuditExportQuerySchema,
          produces: ['text/csv', 'application/json'],
          response: { 200: z.string().describe('The CSV or JSON file (an attachment)'), ...errors, 422: ErrorResponseSchema },
        },
      },
      async (req, reply) => {
        const file = await auditLog.export(req.ctx(), req.query);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );

    app.get(
      '/api/audit/checkpoint',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags,
          summary: 'Record and return a checkpoint (latest hash and count) for auditors to keep outside the system',
          response: { 200: AuditCheckpointSchema, ...errors },
        },
      },
      (req) => auditLog.checkpoint(req.ctx()),
    );

    app.get(
      '/api/audit/verify',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags,
          summary: 'Recompute the hash chain; names the first broken event',
          response: { 200: AuditVerifySchema, ...errors },
        },
      },
      (req) => auditLog.verify(req.ctx()),
    );
  };
