import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  AddRecipientsSchema,
  CreateLetterSchema,
  CreateLetterUnitSchema,
  LetterListQuerySchema,
  LetterListSchema,
  LetterSchema,
  LetterTemplateSchema,
  LetterTypeSchema,
  LetterUnitListSchema,
  LetterUnitSchema,
  PutLetterTemplateSchema,
  UpdateLetterSchema,
  UpdateLetterUnitSchema,
  UpdateRecipientSchema,
} from '../../../common/letters.ts';
import type { LetterUnitService } from './letter-units.service.ts';
import type { LetterService } from './letters.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['letters'];
const id = z.coerce.number().int().positive();
const read = { access: { permission: 'letter.read' as const } };
const manage = { access: { permission: 'letter.manage' as const } };

export const letterRoutes =
  (letters: LetterService, units: LetterUnitService): FastifyPluginAsyncZod =>
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

    // Letters
    app.get(
      '/api/letters',
      { config: read, schema: { tags, summary: 'The letter register of my region', querystring: LetterListQuerySchema, response: { 200: LetterListSchema, ...errors } } },
      (req) => letters.list(req.ctx(), req.query),
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
