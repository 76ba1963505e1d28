// /api/duplicates: the review queue of candidate pairs (pseudonymous), decisions
// and their undo, and runs of the matcher (progress via /api/jobs/:id).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CandidateListQuerySchema,
  CandidateListSchema,
  CandidateSchema,
  DecisionHistorySchema,
  DecisionSchema,
  ReopenSchema,
  RunListSchema,
  RunSchema,
  StartRunSchema,
} from '../../../common/duplicates.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { DuplicateService } from './duplicates.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['registry'];
const read = { access: { permission: 'person.read' as const } };
const manage = { access: { permission: 'person.manage' as const } };
const Id = z.object({ id: z.coerce.number().int().positive() });

export const duplicateRoutes =
  (duplicates: DuplicateService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/duplicates',
      { config: read, schema: { tags, summary: 'Candidate duplicate pairs touching my region or caseload', querystring: CandidateListQuerySchema, response: { 200: CandidateListSchema, ...errors } } },
      (req) => duplicates.list(req.ctx(), req.query),
    );
    app.get(
      '/api/duplicates/runs',
      { config: read, schema: { tags, summary: 'Recent runs of the matcher', response: { 200: RunListSchema, ...errors } } },
      (req) => duplicates.runs(req.ctx()),
    );
    app.post(
      '/api/duplicates/runs',
      {
        config: manage,
        schema: { tags, summary: 'Run the matcher over the registry (new persons, or everyone again)', body: StartRunSchema, response: { 200: RunSchema, ...errors } },
      },
      (req) => duplicates.startRun(req.ctx(), req.body),
    );
    app.get(
      '/api/duplicates/runs/:id',
      { config: read, schema: { tags, summary: 'A run of the matcher', params: Id, response: { 200: RunSchema, ...errors } } },
      (req) => duplicates.run(req.ctx(), req.params.id),
    );
    app.get(
      '/api/duplicates/:id',
      { config: read, schema: { tags, summary: 'A candidate pair with the actions allowed to me', params: Id, response: { 200: CandidateSchema, ...errors } } },
      (req) => duplicates.get(req.ctx(), req.params.id),
    );
    app.get(
      '/api/duplicates/:id/history',
      { config: read, schema: { tags, summary: 'Decisions on a pair, in order', params: Id, response: { 200: DecisionHistorySchema, ...errors } } },
      (req) => duplicates.history(req.ctx(), req.params.id),
    );
    app.post(
      '/api/duplicates/:id/decision',
      {
        config: manage,
        schema: { tags, summary: 'Decide a pair: merge (keeping one record), not a duplicate, or undecided', params: Id, body: DecisionSchema, response: { 200: CandidateSchema, ...errors } },
      },
      (req) => duplicates.decide(req.ctx(), req.params.id, req.body),
    );
    app.post(
      '/api/duplicates/:id/reopen',
      { config: manage, schema: { tags, summary: 'Undo a decision (a merge is reversed)', params: Id, body: ReopenSchema, response: { 200: CandidateSchema, ...errors } } },
      (req) => duplicates.reopen(req.ctx(), req.params.id, req.body),
    );
  };
