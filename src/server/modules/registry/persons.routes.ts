// /api/persons: the registry (pseudonymous lists and details, create, reveal with
// a reason, exact lookup by blind index). Identity values travel in bodies only —
// never in a URL — and their field names are on the log redaction list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  CreatePersonSchema,
  PersonListQuerySchema,
  PersonListSchema,
  PersonLookupResultSchema,
  PersonLookupSchema,
  PersonSchema,
  RevealedSchema,
  RevealSchema,
} from '../../../common/persons.ts';
import { addRedactedFields } from '../../platform/logging/logger.ts';
import type { PersonService } from './persons.service.ts';

addRedactedFields('nik', 'kk', 'fullName', 'birthDate', 'phone', 'address');

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['registry'];
const read = { access: { permission: 'person.read' as const } };
const Id = z.object({ id: z.coerce.number().int().positive() });

export const personRoutes =
  (persons: PersonService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/persons',
      { config: read, schema: { tags, summary: 'Persons in my region or caseload (pseudonymous; filter, pages)', querystring: PersonListQuerySchema, response: { 200: PersonListSchema, ...errors } } },
      (req) => persons.list(req.ctx(), req.query),
    );
    app.post(
      '/api/persons',
      {
        config: { access: { permission: 'person.manage' } },
        schema: { tags, summary: 'Register a person (identity encrypted; NIK validated)', body: CreatePersonSchema, response: { 200: PersonSchema, ...errors } },
      },
      (req) => persons.create(req.ctx(), req.body),
    );
    app.post(
      '/api/persons/lookup',
      {
        config: read,
        schema: {
          tags,
          summary: 'Exact lookup by NIK, KK or phone (blind index; pseudonymous answer; audited without the value)',
          description: 'A POST so the value never appears in a URL or a request log.',
          body: PersonLookupSchema,
          response: { 200: PersonLookupResultSchema, ...errors },
        },
      },
      (req) => persons.lookup(req.ctx(), req.body),
    );
    app.get(
      '/api/persons/:id',
      { config: read, schema: { tags, summary: 'A person (pseudonymous) with the actions allowed to me', params: Id, response: { 200: PersonSchema, ...errors } } },
      (req) => persons.get(req.ctx(), req.params.id),
    );
    app.post(
      '/api/persons/:id/reveal',
      {
        config: { access: { permission: 'person.reveal_identity', reauth: true } },
        schema: {
          tags,
          summary: 'Reveal identity fields with a stated reason (needs recent re-authentication; audited)',
          params: Id,
          body: RevealSchema,
          response: { 200: RevealedSchema, ...errors },
        },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return persons.reveal(req.ctx(), req.params.id, req.body);
      },
    );
  };
