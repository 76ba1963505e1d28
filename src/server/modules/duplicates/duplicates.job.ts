// The matcher's run over the registry as a background job (payload: the run id only).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { DuplicateRunner } from './duplicates.runner.ts';

const payload = z.object({ runId: z.number().int().positive() });

/** The job's identity, for enqueueing; the handler comes with the runner (duplicatesRunJobWith). */
export const duplicatesRunJob = defineJob({
  id: 'duplicates.run',
  version: 1,
  payload,
  maxAttempts: 1,
  handler: () => Promise.reject(new Error('duplicates.run is registered with its runner: use duplicatesRunJobWith')),
});

export function duplicatesRunJobWith(runner: DuplicateRunner) {
  return defineJob({
    ...duplicatesRunJob,
    handler: (ctx, { runId }) => runner.run(runId, { signal: ctx.signal, progress: (done, total, message) => ctx.progress(done, total, message) }),
  });
}
