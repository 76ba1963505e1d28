import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JobViewSchema } from '../../../common/jobs.ts';
import { RegionCodeSchema, RegionCountsSchema, RegionDetailSchema, RegionListQuerySchema, RegionListSchema } from '../../../common/regions.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { RegionService } from './regions.service.ts';

export const regionRoutes =
  (regions: RegionService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/regions',
      {
        config: { access: { permission: 'region.read' } },
        schema: {
          tags: ['regions'],
          summary: 'List regions (children of a parent, by level, or by name search)',
          querystring: RegionListQuerySchema,
          response: { 200: RegionListSchema, 400: ErrorResponseSchema },
        },
      },
      (req) => regions.list(req.query),
    );

    app.get(
      '/api/regions/summary',
      {
        // Public: counts and import progress only (the sign-in page shows a first start's progress).
        config: { access: { public: true } },
        schema: {
          tags: ['regions'],
          summary: 'How many regions are loaded, and the latest import job',
          response: { 200: z.object({ counts: RegionCountsSchema, lastImport: JobViewSchema.nullable() }) },
        },
      },
      () => regions.summary(),
    );

    app.get(
      '/api/regions/:code',
      {
        config: { access: { permission: 'region.read' } },
        schema: {
          tags: ['regions'],
          summary: 'One region with its ancestors and former codes',
          params: z.object({ code: RegionCodeSchema }),
          response: { 200: RegionDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
        },
      },
      (req) => regions.get(req.params.code),
    );
  };
