import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  AddRecipientsSchema,
  CreateLetterSchema,
  CreateLetterUnitSchema,
  LetterExportQuerySchema,
  LetterListQuerySchema,
  LetterListSchema,
  LetterSchema,
  LetterTemplateSchema,
  LetterTypeSchema,
  LetterUnitListSchema,
  LetterUnitSchema,
  PutLetterTemplateSchema,
  RecipientExportQuerySchema,
  RecipientListQuerySchema,
  RecipientListSchema,
  UpdateLetterSchema,
  UpdateLetterUnitSchema,
  UpdateRecipientSchema,
} from '../../../common/letters.ts';
import { XLSX_TYPE, sendXlsx } from '../../platform/export/xlsx.ts';
import { attachmentHeader, readUpload } from '../../platform/files/files.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { LetterRecipientService } from './letter-recipients.service.ts';
import type { LetterUnitService } from './letter-units.service.ts';
import type { LetterService } from './letters.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const fileErrors = { ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema };
const exportErrors = { ...errors, 422: ErrorResponseSchema };
const tags = ['letters'];
const id = z.coerce.number().int().positive();
const read = { access: { permission: 'letter.read' as const } };
const manage = { access: { permission: 'letter.manage' as const } };

export const letterRoutes =
  (letters: LetterService, units: LetterUnitService, recipients: LetterRecipientService): FastifyPluginAsyncZod =>
  async (app) => {
    // Issuing units (letterhead, number format) and their templates
    app.get(
      '/api/letter-units',
      { config: read, schema: { tags, summary: 'Letter-issuing units in my region', response: { 200: LetterUnitListSchema, ...errors } } },
      (req) => units.listUnits(req.ctx()),
    );
    app.post(
      '/api/letter-units',
      { config: manage, schema: { tags, summary: 'Add a letter-issuing unit', body: CreateLetterUnitSchema, response: { 200: LetterUnitSchema, ...errors } } },
      (req) => units.createUnit(req.ctx(), req.body),
    );
    app.patch(
      '/api/letter-units/:id',
      {
        config: manage,
        schema: { tags, summary: 'Change a unit’s letterhead or number format', params: z.object({ id }), body: UpdateLetterUnitSchema, response: { 200: LetterUnitSchema, ...errors } },
      },
      (req) => units.updateUnit(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/letter-units/:id/templates',
      { config: read, schema: { tags, summary: 'A unit’s letter templates', params: z.object({ id }), response: { 200: z.array(LetterTemplateSchema), ...errors } } },
      (req) => units.templates(req.ctx(), req.params.id),
    );
    app.put(
      '/api/letter-units/:id/templates/:type',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Set a unit’s template for a letter type (placeholders: {number} {date} {subject} {recipient} {unit} {place} {signatory_name} {signatory_title})',
          params: z.object({ id, type: LetterTypeSchema }),
          body: PutLetterTemplateSchema,
          response: { 200: LetterTemplateSchema, ...errors },
        },
      },
      (req) => units.putTemplate(req.ctx(), req.params.id, req.params.type, req.body.body),
    );

    // The letterhead logo (PNG or JPEG), drawn at the left of the kop surat
    app.put(
      '/api/letter-units/:id/logo',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Set the unit’s letterhead logo (multipart/form-data, field "file": PNG or JPEG)',
          consumes: ['multipart/form-data'],
          params: z.object({ id }),
          response: { 200: LetterUnitSchema, ...fileErrors },
        },
      },
      async (req) => units.putLogo(req.ctx(), req.params.id, await readUpload(req)),
    );
    app.get(
      '/api/letter-units/:id/logo',
      { config: read, schema: { tags, summary: 'The unit’s letterhead logo (image/png or image/jpeg)', params: z.object({ id }), produces: ['image/png', 'image/jpeg'], response: errors } },
      async (req, reply) => {
        const file = await units.logo(req.ctx(), req.params.id);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachmentHeader(file.originalName))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', String(file.sizeBytes))
          .header('cache-control', 'private, no-store')
          .send(file.content as never); // bytes, not JSON
      },
    );
    app.delete(
      '/api/letter-units/:id/logo',
      { config: manage, schema: { tags, summary: 'Remove the unit’s letterhead logo', params: z.object({ id }), response: { 200: LetterUnitSchema, ...errors } } },
      (req) => units.deleteLogo(req.ctx(), req.params.id),
    );

    // Letters
    app.get(
      '/api/letters',
      { config: read, schema: { tags, summary: 'The letter register of my region', querystring: LetterListQuerySchema, response: { 200: LetterListSchema, ...errors } } },
      (req) => letters.list(req.ctx(), req.query),
    );
    app.get(
      '/api/letters.xlsx',
      {
        config: read,
        schema: { tags, summary: 'The letter register as an Excel workbook: the list’s filters and sort, every row', querystring: LetterExportQuerySchema, produces: [XLSX_TYPE], response: exportErrors },
      },
      async (req, reply) => {
        const { filename, bytes } = await letters.export(req.ctx(), req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.get(
      '/api/letter-recipients',
      {
        config: read,
        schema: { tags, summary: 'Recipients across my region’s letters (e.g. overdue=true&region=65.03: awaiting a response)', querystring: RecipientListQuerySchema, response: { 200: RecipientListSchema, ...errors } },
      },
      (req) => recipients.list(req.ctx(), req.query),
    );
    app.get(
      '/api/letter-recipients.xlsx',
      {
        config: read,
        schema: { tags, summary: 'Recipients across letters as an Excel workbook (the list’s filters, every row)', querystring: RecipientExportQuerySchema, produces: [XLSX_TYPE], response: exportErrors },
      },
      async (req, reply) => {
        const { filename, bytes } = await recipients.export(req.ctx(), req.query, requestLang(req));
        return sendXlsx(reply, filename, bytes);
      },
    );
    app.post(
      '/api/letters',
      { config: manage, schema: { tags, summary: 'Write a draft letter (no number yet)', body: CreateLetterSchema, response: { 200: LetterSchema, ...errors } } },
      (req) => letters.create(req.ctx(), req.body),
    );
    app.get(
      '/api/letters/:id',
      { config: read, schema: { tags, summary: 'A letter with its recipients', params: z.object({ id }), response: { 200: LetterSchema, ...errors } } },
      (req) => letters.get(req.ctx(), req.params.id),
    );
    app.patch(
      '/api/letters/:id',
      { config: manage, schema: { tags, summary: 'Change a draft letter', params: z.object({ id }), body: UpdateLetterSchema, response: { 200: LetterSchema, ...errors } } },
      (req) => letters.update(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/letters/:id/issue',
      {
        config: manage,
        schema: { tags, summary: 'Issue a draft: gives it the next number of its unit and year', params: z.object({ id }), response: { 200: LetterSchema, ...errors } },
      },
      (req) => letters.issue(req.ctx(), req.params.id),
    );
    app.get(
      '/api/letters/:id/pdf',
      { config: read, schema: { tags, summary: 'The letter as an A4 PDF (application/pdf)', params: z.object({ id }), response: errors } },
      async (req, reply) => {
        const { filename, pdf } = await letters.pdf(req.ctx(), req.params.id);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(pdf as never); // bytes as they are: Fastify does not serialise a Buffer
      },
    );

    // Recipients
    app.post(
      '/api/letters/:id/recipients',
      { config: manage, schema: { tags, summary: 'Add recipients (many at once)', params: z.object({ id }), body: AddRecipientsSchema, response: { 200: LetterSchema, ...errors } } },
      (req) => letters.addRecipients(req.ctx(), req.params.id, req.body),
    );
    app.patch(
      '/api/letters/:id/recipients/:recipientId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record sending, delivery, acknowledgement or the response of one recipient',
          params: z.object({ id, recipientId: id }),
          body: UpdateRecipientSchema,
          response: { 200: LetterSchema, ...errors },
        },
      },
      (req) => letters.updateRecipient(req.ctx(), req.params.id, req.params.recipientId, req.body),
    );
  };
