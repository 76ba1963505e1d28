// Return home (pemulangan) of a case: plan, confirm departure and arrival, cancel,
// and inform the receiving regency's Dinsos with a letter. Pseudonymous answers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  CancelReturnHomeSchema,
  CaseReturnHomeSchema,
  ConfirmArrivalSchema,
  ConfirmDepartureSchema,
  CreateReturnHomeSchema,
  NotifyReturnHomeSchema,
  ReturnHomeSchema,
  UpdateReturnHomeSchema,
} from '../../../common/return-home.ts';
import type { ReturnHomeService } from './return-home.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['return-home'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const read = { access: { permission: 'case.read' as const } };
const manage = { access: { permission: 'case.manage' as const } };
const one = { 200: ReturnHomeSchema, ...errors };

export const returnHomeRoutes =
  (service: ReturnHomeService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/return-home',
      {
        config: read,
        schema: {
          tags,
          summary: 'A case’s return-home plans (newest first) and, for whoever may plan, the home district and payer the NIK and the distance rule propose',
          params: Id,
          response: { 200: CaseReturnHomeSchema, ...errors },
        },
      },
      (req) => service.forCase(req.ctx(), req.params.id),
    );
    app.post(
      '/api/cases/:id/return-home',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Plan the return home: district (default: the NIK’s), date, route, transport, cost in rupiah, payer (default: the rule’s; another needs payerReason)',
          params: Id,
          body: CreateReturnHomeSchema,
          response: one,
        },
      },
      (req) => service.create(req.ctx(), req.params.id, req.body),
    );
    app.get('/api/return-homes/:id', { config: read, schema: { tags, summary: 'One return-home plan', params: Id, response: one } }, (req) => service.get(req.ctx(), req.params.id));
    app.put(
      '/api/return-homes/:id',
      { config: manage, schema: { tags, summary: 'Change a planned return home (send the version you read)', params: Id, body: UpdateReturnHomeSchema, response: one } },
      (req) => service.update(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/return-homes/:id/departure',
      { config: manage, schema: { tags, summary: 'Confirm the departure (planned → departed)', params: Id, body: ConfirmDepartureSchema, response: one } },
      (req) => service.depart(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/return-homes/:id/arrival',
      { config: manage, schema: { tags, summary: 'Confirm the arrival (departed → arrived); follow-ups start from it', params: Id, body: ConfirmArrivalSchema, response: one } },
      (req) => service.arrive(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/return-homes/:id/cancel',
      { config: manage, schema: { tags, summary: 'Cancel a planned return home, with a reason', params: Id, body: CancelReturnHomeSchema, response: one } },
      (req) => service.cancel(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/return-homes/:id/letter',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Inform the receiving regency/city’s Dinsos: a draft letter in the register (needs letter.manage too), naming the case code and the purpose only',
          params: Id,
          body: NotifyReturnHomeSchema,
          response: one,
        },
      },
      (req) => service.notify(req.ctx(), req.params.id, req.body),
    );
  };
