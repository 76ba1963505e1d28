import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BreakGlassGrantSchema,
  BreakGlassListQuerySchema,
  BreakGlassListSchema,
  BreakGlassRequestSchema,
  BreakGlassReviewSchema,
} from '../../../common/break-glass.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { BreakGlassService } from './break-glass.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['break-glass'];

export const breakGlassRoutes =
  (breakGlass: BreakGlassService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/break-glass',
      {
        config: { access: { permission: 'break_glass.request' } },
        schema: {
          tags,
          summary: 'Open one record outside my normal access, with a written reason (time-limited, reviewed)',
          body: BreakGlassRequestSchema,
          response: { 200: BreakGlassGrantSchema, ...errors },
        },
      },
      (req) => breakGlass.open(req.ctx(), req.body),
    );

    app.get(
      '/api/break-glass',
      {
        config: { access: { permission: 'break_glass.review' } },
        schema: { tags, summary: 'The review queue of break-glass access in my region', querystring: BreakGlassListQuerySchema, response: { 200: BreakGlassListSchema, ...errors } },
      },
      (req) => breakGlass.list(req.ctx(), req.query),
    );

    app.get(
      '/api/break-glass/mine',
      {
        config: { access: { signedIn: true } },
        schema: { tags, summary: 'My running break-glass grants', response: { 200: z.array(BreakGlassGrantSchema), ...errors } },
      },
      (req) => breakGlass.mine(req.ctx()),
    );

    app.post(
      '/api/break-glass/:id/review',
      {
        config: { access: { permission: 'break_glass.review' } },
        schema: {
          tags,
          summary: 'Record whether a break-glass access was justified',
          params: z.object({ id: z.coerce.number().int().positive() }),
          body: BreakGlassReviewSchema,
          response: { 200: BreakGlassGrantSchema, ...errors },
        },
      },
      (req) => breakGlass.review(req.ctx(), req.params.id, req.body),
    );
  };
