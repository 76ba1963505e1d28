import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JobViewSchema } from '../../../common/jobs.ts';
import { defineErrors } from '../errors/app-error.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import type { JobQueue } from './job-queue.ts';

const jobError = defineErrors({
  'job.not_found': { status: 404, id: 'Pekerjaan latar {id} tidak ditemukan.', en: 'Background job {id} not found.' },
});

export const jobRoutes =
  (jobs: JobQueue): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/jobs/:id',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['system'],
          summary: 'A background job and its progress',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: JobViewSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
        },
      },
      async (req) => {
        const job = await jobs.get(req.params.id);
        if (!job) throw jobError('job.not_found', { id: req.params.id });
        return job;
      },
    );
  };
