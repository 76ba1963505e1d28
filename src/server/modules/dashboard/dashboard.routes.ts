import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NationalRollupQuerySchema, NationalRollupSchema, ProgrammeDashboardSchema, TimelineSchema } from '../../../common/dashboard.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { DashboardService } from './dashboard.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['dashboard'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const read = { access: { permission: 'program.read' as const } };

export const dashboardRoutes =
  (dashboard: DashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/dashboard/programmes/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'Dashboard of a provincial programme: regions by status, sites, workers, readiness, overdue action items and letters, alerts (within my region)',
          params: idParams,
          response: { 200: ProgrammeDashboardSchema, ...errors },
        },
      },
      (req) => dashboard.programme(req.ctx(), req.params.id),
    );
    app.get(
      '/api/dashboard/programmes/:id/timeline',
      {
        config: read,
        schema: {
          tags,
          summary: 'Closure timeline of a provincial programme: status segments, site milestones, closure and target dates per regency/city',
          params: idParams,
          response: { 200: TimelineSchema, ...errors },
        },
      },
      (req) => dashboard.timeline(req.ctx(), req.params.id),
    );
    app.get(
      '/api/dashboard/national',
      {
        config: read,
        schema: {
          tags,
          summary: 'National roll-up across the provincial programmes of a national programme (the latest by default), within my region',
          querystring: NationalRollupQuerySchema,
          response: { 200: NationalRollupSchema, ...errors },
        },
      },
      (req) => dashboard.national(req.ctx(), req.query),
    );
  };
