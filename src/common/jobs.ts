import { z } from 'zod';

export const JobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);

/** What the UI needs to show a job's progress bar. */
export const JobViewSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    status: JobStatusSchema,
    progress: z.object({
      done: z.number().int(),
      total: z.number().int().nullable(),
      message: z.string().nullable(),
    }),
    attempts: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof JobViewSchema>;
