// Changes to a person (PATCH /api/persons/:id), consent records and the lifting
// of a restriction of processing. Identity values travel in bodies only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { PersonSchema, RegencyCodeSchema } from '../../../common/persons.ts';
import {
  CaseWorkerListSchema,
  ConsentListSchema, ConsentSchema, CreateConsentSchema, LiftRestrictionSchema,
  UpdatePersonSchema,
  WithdrawConsentSchema,
} from '../../../common/registry-rights.ts';
import type { ConsentService } from './consents.service.ts';
import type { PersonUpdateService } from './persons.update.ts';
import type { SubjectRequestService } from './subject-requests.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 410: ErrorResponseSchema };
const tags = ['registry'];
const id = z.coerce.number().int().positive();
const Id = z.object({ id });

export const registryRightsRoutes =
  (deps: { updates: PersonUpdateService; consents: ConsentService; requests: SubjectRequestService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.patch(
      '/api/persons/:id',
      {
        config: { access: { permission: 'person.manage' } },
        schema: {
          tags,
          summary: 'Change a person: alias, site, case worker, lawful basis; correct identity fields (reason + re-authentication)',
          description: 'Send the `version` you read; a stale one answers 409 person.stale. Null clears an optional field.',
          params: Id,
          body: UpdatePersonSchema,
          response: { 200: PersonSchema, ...errors },
        },
      },
      (req) => deps.updates.update(req.ctx(), req.params.id, req.body),
    );
    app.get(
      '/api/case-workers',
      {
        config: { access: { permission: 'person.manage' } },
        schema: {
          tags,
          summary: 'Case workers who may be assigned persons of a regency/city (for the assignment field)',
          querystring: z.object({ regency: RegencyCodeSchema }),
          response: { 200: CaseWorkerListSchema, ...errors },
        },
      },
      (req) => deps.updates.caseWorkers(req.ctx(), req.query.regency),
    );
    app.get(
      '/api/persons/:id/consents',
      { config: { access: { permission: 'person.read' } }, schema: { tags, summary: 'A person’s consent records', params: Id, response: { 200: ConsentListSchema, ...errors } } },
      (req) => deps.consents.list(req.ctx(), req.params.id),
    );
    app.post(
      '/api/persons/:id/consents',
      {
        config: { access: { permission: 'person.manage' } },
        schema: { tags, summary: 'Record a consent (purpose, date given, the signed form’s reference)', params: Id, body: CreateConsentSchema, response: { 200: ConsentSchema, ...errors } },
      },
      (req) => deps.consents.add(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/persons/:id/consents/:cid/withdraw',
      {
        config: { access: { permission: 'person.manage' } },
        schema: { tags, summary: 'Record the withdrawal of a consent', params: z.object({ id, cid: id }), body: WithdrawConsentSchema, response: { 200: ConsentSchema, ...errors } },
      },
      (req) => deps.consents.withdraw(req.ctx(), req.params.id, req.params.cid, req.body),
    );
    app.post(
      '/api/persons/:id/restriction/lift',
      {
        config: { access: { permission: 'subject_request.manage' } },
        schema: { tags, summary: 'End a restriction of processing (with a reason)', params: Id, body: LiftRestrictionSchema, response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        await deps.requests.liftRestriction(req.ctx(), req.params.id, req.body);
        return reply.code(204).send(null);
      },
    );
  };
