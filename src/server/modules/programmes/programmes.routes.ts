import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  AddProgrammeRegionSchema,
  AnswerReadinessSchema,
  ChangeStatusSchema,
  CreateProgrammeSchema,
  CreateReadinessRequestSchema,
  ProgrammeExportQuerySchema,
  ProgrammeListQuerySchema,
  ProgrammeListSchema,
  ProgrammeRegionExportQuerySchema,
  ProgrammeRegionListQuerySchema,
  ProgrammeRegionListSchema,
  ProgrammeRegionViewSchema,
  ProgrammeViewSchema,
  ReadinessExportQuerySchema,
  ReadinessListQuerySchema,
  ReadinessListSchema,
  ReadinessRequestViewSchema,
  StatusHistoryExportQuerySchema,
  StatusHistoryQuerySchema,
  StatusHistorySchema,
  UpdateProgrammeRegionSchema,
  UpdateProgrammeSchema,
} from '../../../common/programmes.ts';
import { XLSX_TYPE, sendXlsx } from '../../platform/export/xlsx.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { ProgrammeExportService } from './programmes-export.service.ts';
import type { ProgrammeService } from './programmes.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['programmes'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const read = { access: { permission: 'program.read' as const } };
const manage = { access: { permission: 'program.manage' as const } };
const exportErrors = { ...errors, 422: ErrorResponseSchema };

export const programmeRoutes =
  (programmes: ProgrammeService, exports: ProgrammeExportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programmes',
      { config: read, schema: { tags, summary: 'Programmes I may see (national, and provincial ones of my region)', querystring: ProgrammeListQuerySchema, response: { 200: ProgrammeListSchema, ...errors } } },
      (req) => programmes.list(req.ctx(), req.query),
    );
    app.get(
      '/api/programmes.xlsx',
      {
        config: read,
        schema: { tags, summary: 'Programmes as an Excel workbook: the list’s filters and sort, every row', querystring: ProgrammeExportQuerySchema, produces: [XLSX_TYPE], response: exportErrors },
      },
      async (req, reply) => {
        const { filename, bytes } = await exports.export(req.ctx(), req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.post(
      '/api/programmes',
      { config: manage, schema: { tags, summary: 'Create a national or provincial programme', body: CreateProgrammeSchema, response: { 200: ProgrammeViewSchema, ...errors } } },
      (req) => programmes.create(req.ctx(), req.body),
    );
    app.get(
      '/api/programmes/:id',
      { config: read, schema: { tags, summary: 'One programme', params: idParams, response: { 200: ProgrammeViewSchema, ...errors } } },
      (req) => programmes.get(req.ctx(), req.params.id),
    );
    app.patch(
      '/api/programmes/:id',
      { config: manage, schema: { tags, summary: 'Change a programme’s name, owner, target date or description', params: idParams, body: UpdateProgrammeSchema, response: { 200: ProgrammeViewSchema, ...errors } } },
      (req) => programmes.update(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/programmes/:id/regions',
      {
        config: read,
        schema: { tags, summary: 'Regencies/cities of a provincial programme within my region (filter, sort, pages)', params: idParams, querystring: ProgrammeRegionListQuerySchema, response: { 200: ProgrammeRegionListSchema, ...errors } },
      },
      (req) => programmes.listRegions(req.ctx(), req.params.id, req.query),
    );
    app.get(
      '/api/programmes/:id/regions.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary: 'Regencies/cities of a programme as an Excel workbook: the list’s filters and sort, every row',
          params: idParams,
          querystring: ProgrammeRegionExportQuerySchema,
          produces: [XLSX_TYPE],
          response: { ...errors, 422: ErrorResponseSchema },
        },
      },
      async (req, reply) => {
        const { filename, bytes } = await exports.exportRegions(req.ctx(), req.params.id, req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.post(
      '/api/programmes/:id/regions',
      { config: manage, schema: { tags, summary: 'Add a regency/city with its target date to a provincial programme', params: idParams, body: AddProgrammeRegionSchema, response: { 200: ProgrammeRegionViewSchema, ...errors } } },
      (req) => programmes.addRegion(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/programme-regions/:id',
      { config: read, schema: { tags, summary: 'One regency/city of a programme, with what I may do', params: idParams, response: { 200: ProgrammeRegionViewSchema, ...errors } } },
      (req) => programmes.getRegion(req.ctx(), req.params.id),
    );
    app.patch(
      '/api/programme-regions/:id',
      { config: manage, schema: { tags, summary: 'Move a regency/city’s target date (reason required, audited)', params: idParams, body: UpdateProgrammeRegionSchema, response: { 200: ProgrammeRegionViewSchema, ...errors } } },
      (req) => programmes.updateRegion(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/programme-regions/:id/status',
      { config: manage, schema: { tags, summary: 'Change a regency/city’s status (reason required; reopening alerts the heads of office)', params: idParams, body: ChangeStatusSchema, response: { 200: ProgrammeRegionViewSchema, ...errors } } },
      (req) => programmes.changeStatus(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/programme-regions/:id/history',
      {
        config: read,
        schema: { tags, summary: 'Status history: who, when, why and the evidence (order, pages)', params: idParams, querystring: StatusHistoryQuerySchema, response: { 200: StatusHistorySchema, ...errors } },
      },
      (req) => programmes.history(req.ctx(), req.params.id, req.query),
    );
    app.get(
      '/api/programme-regions/:id/history.xlsx',
      {
        config: read,
        schema: { tags, summary: 'Status history as an Excel workbook (the list’s order, every change)', params: idParams, querystring: StatusHistoryExportQuerySchema, produces: [XLSX_TYPE], response: exportErrors },
      },
      async (req, reply) => {
        const { filename, bytes } = await exports.exportHistory(req.ctx(), req.params.id, req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.get(
      '/api/programme-regions/:id/readiness',
      {
        config: read,
        schema: { tags, summary: 'Readiness requests to the local government (answered or open, pages)', params: idParams, querystring: ReadinessListQuerySchema, response: { 200: ReadinessListSchema, ...errors } },
      },
      (req) => programmes.listReadiness(req.ctx(), req.params.id, req.query),
    );
    app.get(
      '/api/programme-regions/:id/readiness.xlsx',
      {
        config: read,
        schema: { tags, summary: 'Readiness requests as an Excel workbook (the list’s filter, every request)', params: idParams, querystring: ReadinessExportQuerySchema, produces: [XLSX_TYPE], response: exportErrors },
      },
      async (req, reply) => {
        const { filename, bytes } = await exports.exportReadiness(req.ctx(), req.params.id, req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.post(
      '/api/programme-regions/:id/readiness',
      { config: manage, schema: { tags, summary: 'Ask the local government whether it is ready', params: idParams, body: CreateReadinessRequestSchema, response: { 200: ReadinessRequestViewSchema, ...errors } } },
      (req) => programmes.requestReadiness(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/readiness-requests/:id/answer',
      { config: manage, schema: { tags, summary: 'Record the local government’s answer', params: idParams, body: AnswerReadinessSchema, response: { 200: ReadinessRequestViewSchema, ...errors } } },
      (req) => programmes.answerReadiness(req.ctx(), req.params.id, req.body),
    );
  };
