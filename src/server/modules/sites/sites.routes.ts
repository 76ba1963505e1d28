import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  AddHeadCountSchema,
  AddMonitoringVisitSchema,
  CreateSiteSchema,
  EvidenceListSchema,
  HeadCountExportQuerySchema,
  HeadCountListQuerySchema,
  HeadCountListSchema,
  MonitoringVisitExportQuerySchema,
  MonitoringVisitListQuerySchema,
  MonitoringVisitListSchema,
  RecordClosureSchema,
  SetMilestoneSchema,
  SiteExportQuerySchema,
  SiteListQuerySchema,
  SiteListSchema,
  SiteSchema,
  SiteStageSchema,
  UpdateSiteSchema,
} from '../../../common/sites.ts';
import { XLSX_TYPE, sendXlsx } from '../../platform/export/xlsx.ts';
import { attachmentHeader, readUpload } from '../../platform/files/files.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { SiteExportService } from './sites-export.service.ts';
import type { SiteService } from './sites.service.ts';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};
const fileErrors = { ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema };
const exportErrors = { ...errors, 422: ErrorResponseSchema };
const tags = ['sites'];
const read = { access: { permission: 'site.read' as const } };
const manage = { access: { permission: 'site.manage' as const } };
const Id = z.object({ id: z.coerce.number().int().positive() });
const IdStage = Id.extend({ stage: SiteStageSchema });

export const siteRoutes =
  (sites: SiteService, exports: SiteExportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/sites',
      { config: read, schema: { tags, summary: 'Sites in my region (filter, sort, pages)', querystring: SiteListQuerySchema, response: { 200: SiteListSchema, ...errors } } },
      (req) => sites.list(req.ctx(), req.query),
    );
    app.get(
      '/api/sites.xlsx',
      {
        config: read,
        schema: { tags, summary: 'Sites as an Excel workbook: the list’s filters and sort, every row', querystring: SiteExportQuerySchema, produces: [XLSX_TYPE], response: exportErrors },
      },
      async (req, reply) => {
        const { filename, bytes } = await exports.export(req.ctx(), req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.post(
      '/api/sites',
      { config: manage, schema: { tags, summary: 'Register a site', body: CreateSiteSchema, response: { 200: SiteSchema, ...errors } } },
      (req) => sites.create(req.ctx(), req.body),
    );
    app.get(
      '/api/sites/:id',
      { config: read, schema: { tags, summary: 'A site with its milestones', params: Id, response: { 200: SiteSchema, ...errors } } },
      (req) => sites.get(req.ctx(), req.params.id),
    );
    app.patch(
      '/api/sites/:id',
      { config: manage, schema: { tags, summary: 'Change a site’s details', params: Id, body: UpdateSiteSchema, response: { 200: SiteSchema, ...errors } } },
      (req) => sites.update(req.ctx(), req.params.id, req.body),
    );
    app.put(
      '/api/sites/:id/milestones/:stage',
      {
        config: manage,
        schema: { tags, summary: 'Set a closure stage’s planned and done dates', params: IdStage, body: SetMilestoneSchema, response: { 200: SiteSchema, ...errors } },
      },
      (req) => sites.setMilestone(req.ctx(), req.params.id, req.params.stage, req.body),
    );
    app.get(
      '/api/sites/:id/head-counts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Head-count history, oldest first, with the change from the previous count (filter, order, pages)',
          params: Id,
          querystring: HeadCountListQuerySchema,
          response: { 200: HeadCountListSchema, ...errors },
        },
      },
      (req) => sites.headCounts(req.ctx(), req.params.id, req.query),
    );
    app.get(
      '/api/sites/:id/head-counts.xlsx',
      {
        config: read,
        schema: { tags, summary: 'A site’s head counts as an Excel workbook (the list’s filters, every row)', params: Id, querystring: HeadCountExportQuerySchema, produces: [XLSX_TYPE], response: exportErrors },
      },
      async (req, reply) => {
        const { filename, bytes } = await exports.exportHeadCounts(req.ctx(), req.params.id, req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.post(
      '/api/sites/:id/head-counts',
      { config: manage, schema: { tags, summary: 'Add a head count', params: Id, body: AddHeadCountSchema, response: { 200: HeadCountListSchema, ...errors } } },
      (req) => sites.addHeadCount(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/sites/:id/closure',
      { config: manage, schema: { tags, summary: 'Record the closure decree and date (the site becomes closed)', params: Id, body: RecordClosureSchema, response: { 200: SiteSchema, ...errors } } },
      (req) => sites.recordClosure(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/sites/:id/monitoring-visits',
      {
        config: read,
        schema: { tags, summary: 'Post-closure monitoring visits (filter, order, pages)', params: Id, querystring: MonitoringVisitListQuerySchema, response: { 200: MonitoringVisitListSchema, ...errors } },
      },
      (req) => sites.visits(req.ctx(), req.params.id, req.query),
    );
    app.get(
      '/api/sites/:id/monitoring-visits.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary: 'A site’s monitoring visits as an Excel workbook (the list’s filters and order, every visit)',
          params: Id,
          querystring: MonitoringVisitExportQuerySchema,
          produces: [XLSX_TYPE],
          response: exportErrors,
        },
      },
      async (req, reply) => {
        const { filename, bytes } = await exports.exportVisits(req.ctx(), req.params.id, req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.post(
      '/api/sites/:id/monitoring-visits',
      {
        config: manage,
        schema: { tags, summary: 'Record a monitoring visit ("activity resumed" reopens the site)', params: Id, body: AddMonitoringVisitSchema, response: { 200: MonitoringVisitListSchema, ...errors } },
      },
      (req) => sites.addVisit(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/sites/:id/milestones/:stage/evidence',
      { config: read, schema: { tags, summary: 'Evidence files of a closure stage', params: IdStage, response: { 200: EvidenceListSchema, ...errors } } },
      (req) => sites.evidence(req.ctx(), req.params.id, req.params.stage),
    );
    app.post(
      '/api/sites/:id/milestones/:stage/evidence',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Attach an evidence file (multipart/form-data, field "file": PDF, PNG, JPEG or WebP)',
          consumes: ['multipart/form-data'],
          params: IdStage,
          response: { 200: EvidenceListSchema, ...fileErrors },
        },
      },
      async (req) => sites.uploadEvidence(req.ctx(), req.params.id, req.params.stage, await readUpload(req)),
    );
    app.get(
      '/api/sites/:id/evidence/:fileId',
      {
        config: read,
        schema: { tags, summary: 'Download an evidence file', params: Id.extend({ fileId: z.coerce.number().int().positive() }), response: errors },
      },
      async (req, reply) => {
        const file = await sites.download(req.ctx(), req.params.id, req.params.fileId);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachmentHeader(file.originalName))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', String(file.sizeBytes))
          .header('cache-control', 'private, no-store')
          .send(file.content as never); // bytes, not JSON: the serializer does not touch a Buffer
      },
    );
  };
