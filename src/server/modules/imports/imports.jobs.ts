// The import's background jobs. Payloads hold the import id only; the file is in
// its encrypted chunks, so any app server's worker can run them.
import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/job-definition.ts';
import type { ImportRunner, RunHooks } from './import-runner.ts';

const payload = z.object({ importId: z.number().int().positive() });

function hooks(ctx: JobContext): RunHooks {
  return { signal: ctx.signal, progress: (done, total, message) => ctx.progress(done, total, message) };
}

/**
 * Jobs run once (maxAttempts 1): an error ends the import as `failed` with its
 * reason. A job whose process died is claimed again and resumes (see import-runner.ts).
 */
export function importJobs(runner: ImportRunner) {
  return {
    check: defineJob({
      id: 'persons.import.check',
      version: 1,
      payload,
      maxAttempts: 1,
      handler: async (ctx, { importId }) => runner.check(importId, hooks(ctx)).then((r) => ({ status: r.status })),
    }),
    commit: defineJob({
      id: 'persons.import.commit',
      version: 1,
      payload,
      maxAttempts: 1,
      handler: async (ctx, { importId }) => runner.commit(importId, hooks(ctx)).then((r) => ({ status: r.status })),
    }),
  };
}
export type ImportJobs = ReturnType<typeof importJobs>;
