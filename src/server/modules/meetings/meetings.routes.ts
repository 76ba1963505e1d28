import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  ActionItemFilterSchema,
  ActionItemListQuerySchema,
  ActionItemListSchema,
  ActionItemSchema,
  CreateActionItemSchema,
  CreateMeetingSchema,
  DecisionInputSchema,
  MeetingFilterSchema,
  MeetingListQuerySchema,
  MeetingListSchema,
  MeetingSchema,
  OwnerSummaryListSchema,
  OwnerSummaryQuerySchema,
  UpdateActionItemSchema,
  UpdateMeetingSchema,
} from '../../../common/meetings.ts';
import { sendXlsx } from '../../platform/export/xlsx.ts';
import { attachmentHeader, readUpload } from '../../platform/files/files.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { ActionItemService } from './action-items.service.ts';
import type { MeetingService } from './meetings.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const fileErrors = { ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema };
const tags = ['meetings'];
const read = { access: { permission: 'meeting.read' as const } };
const manage = { access: { permission: 'meeting.manage' as const } };
const id = z.coerce.number().int().positive();
const Id = z.object({ id });
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Lang = z.object({ lang: z.enum(['id', 'en']).optional().describe('Language of the column headers (default: Accept-Language)') });

export const meetingRoutes =
  (meetings: MeetingService, items: ActionItemService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/meetings',
      { config: read, schema: { tags, summary: 'Meetings of my region or concerning it (filter, sort, pages)', querystring: MeetingListQuerySchema, response: { 200: MeetingListSchema, ...errors } } },
      (req) => meetings.list(req.ctx(), req.query),
    );
    app.get(
      '/api/meetings.xlsx',
      {
        config: read,
        schema: { tags, summary: `Every meeting matching the filters as an Excel workbook (${xlsx})`, querystring: MeetingFilterSchema.extend(Lang.shape), response: errors },
      },
      async (req, reply) => {
        const { lang: _lang, ...filter } = req.query;
        const file = await meetings.exportXlsx(req.ctx(), filter, requestLang(req));
        return sendXlsx(reply, file.filename, file.bytes);
      },
    );
    app.post(
      '/api/meetings',
      { config: manage, schema: { tags, summary: 'Record a meeting', body: CreateMeetingSchema, response: { 200: MeetingSchema, ...errors } } },
      (req) => meetings.create(req.ctx(), req.body),
    );
    app.get(
      '/api/meetings/:id',
      {
        config: read,
        schema: { tags, summary: 'A meeting with participants, regions, sites, decisions, action items and attachments', params: Id, response: { 200: MeetingSchema, ...errors } },
      },
      (req) => meetings.get(req.ctx(), req.params.id),
    );
    app.patch(
      '/api/meetings/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change details, agenda or minutes; participants, linked regions and sites replace the whole list',
          params: Id,
          body: UpdateMeetingSchema,
          response: { 200: MeetingSchema, ...errors },
        },
      },
      (req) => meetings.update(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/decisions',
      { config: manage, schema: { tags, summary: 'Add a decision', params: Id, body: DecisionInputSchema, response: { 200: MeetingSchema, ...errors } } },
      (req) => meetings.addDecision(req.ctx(), req.params.id, req.body),
    );
    app.patch(
      '/api/meetings/:id/decisions/:decisionId',
      {
        config: manage,
        schema: { tags, summary: 'Change a decision’s text', params: Id.extend({ decisionId: id }), body: DecisionInputSchema, response: { 200: MeetingSchema, ...errors } },
      },
      (req) => meetings.updateDecision(req.ctx(), req.params.id, req.params.decisionId, req.body),
    );
    app.post(
      '/api/meetings/:id/action-items',
      { config: manage, schema: { tags, summary: 'Add an action item (owner: an institution or a user)', params: Id, body: CreateActionItemSchema, response: { 200: ActionItemSchema, ...errors } } },
      (req) => items.create(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/attachments',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Attach a file (multipart/form-data, field "file": PDF, PNG, JPEG or WebP)',
          consumes: ['multipart/form-data'],
          params: Id,
          response: { 200: MeetingSchema, ...fileErrors },
        },
      },
      async (req) => meetings.uploadAttachment(req.ctx(), req.params.id, await readUpload(req)),
    );
    app.get(
      '/api/meetings/:id/attachments/:fileId',
      { config: read, schema: { tags, summary: 'Download an attachment', params: Id.extend({ fileId: id }), response: errors } },
      async (req, reply) => {
        const file = await meetings.download(req.ctx(), req.params.id, req.params.fileId);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachmentHeader(file.originalName))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', String(file.sizeBytes))
          .header('cache-control', 'private, no-store')
          .send(file.content as never); // bytes, not JSON: the serializer does not touch a Buffer
      },
    );

    // Action items across meetings
    app.get(
      '/api/action-items',
      {
        config: read,
        schema: { tags, summary: 'Action items of the meetings I can see (overdue flag, filters, pages)', querystring: ActionItemListQuerySchema, response: { 200: ActionItemListSchema, ...errors } },
      },
      (req) => items.list(req.ctx(), req.query),
    );
    app.get(
      '/api/action-items.xlsx',
      {
        config: read,
        schema: { tags, summary: `Every action item matching the filters as an Excel workbook (${xlsx})`, querystring: ActionItemFilterSchema.extend(Lang.shape), response: errors },
      },
      async (req, reply) => {
        const { lang: _lang, ...filter } = req.query;
        const file = await items.exportXlsx(req.ctx(), filter, requestLang(req));
        return sendXlsx(reply, file.filename, file.bytes);
      },
    );
    app.get(
      '/api/action-items/by-owner',
      {
        config: read,
        schema: { tags, summary: 'Open and overdue action items per owner', querystring: OwnerSummaryQuerySchema, response: { 200: OwnerSummaryListSchema, ...errors } },
      },
      (req) => items.byOwner(req.ctx(), req.query),
    );
    app.patch(
      '/api/action-items/:id',
      {
        config: manage,
        schema: { tags, summary: 'Change an action item (status, due date, owner); done records when', params: Id, body: UpdateActionItemSchema, response: { 200: ActionItemSchema, ...errors } },
      },
      (req) => items.update(req.ctx(), req.params.id, req.body),
    );
  };
