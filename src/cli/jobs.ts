// Commands run background jobs in their own process, to completion.
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../server/platform/db/database.ts';
import { JobQueue } from '../server/platform/jobs/job-queue.ts';
import { regionsImportJob } from '../server/modules/regions/regions-import.job.ts';
import { RegionService } from '../server/modules/regions/regions.service.ts';

export function cliServices(database: Database) {
  const log = pino({ level: 'warn' }, pino.destination(2)) as unknown as FastifyBaseLogger;
  const jobs = new JobQueue(database.db, log, [regionsImportJob as never]);
  return { jobs, regions: new RegionService(database.db, jobs) };
}

/** Runs a queued job here and now, drawing a progress line on stderr when it is a terminal. */
export async function runJobNow(jobs: JobQueue, jobId: number, label: string): Promise<void> {
  const timer = process.stderr.isTTY
    ? setInterval(async () => {
        const job = await jobs.get(jobId).catch(() => undefined);
        if (job?.progress.total) process.stderr.write(`\r${label}: ${job.progress.done}/${job.progress.total}   `);
      }, 300)
    : undefined;
  try {
    await jobs.runUntilIdle();
  } finally {
    clearInterval(timer);
    if (timer) process.stderr.write('\n');
  }
  const job = await jobs.get(jobId);
  if (job?.status === 'failed') throw new Error(`${label} failed: ${job.error}`);
}

/** Region codes are needed by most commands: load them first on an empty database. */
export async function ensureRegions(database: Database): Promise<void> {
  const { jobs, regions } = cliServices(database);
  const jobId = await regions.ensureLoaded();
  if (!jobId) return;
  process.stderr.write('The region table is empty: loading the official list first.\n');
  await runJobNow(jobs, jobId, 'Loading regions');
}
