// Boot: config → database → migrations → no plaintext files left → app → listen → background worker.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { databaseOptions, openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { JobWorker } from './platform/jobs/job-worker.ts';
import { loadKeyProvider } from './platform/crypto/key-provider.ts';
import { assertNoPlaintextFiles } from './platform/files/legacy-files.ts';
import { auditCheckpointJob, nextDailyCheckpoint } from './platform/audit/checkpoint.job.ts';
import { idempotencyExpiryJob } from './platform/idempotency/idempotency.job.ts';
import { nextYearEnd, returnUnclaimedJob } from './modules/payments/return-unclaimed.job.ts';
import { referralSweepJob } from './modules/referrals/referrals.job.ts';
import { followUpDigestJob, nextDigestRun } from './modules/follow-ups/follow-ups-digest.job.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** On an empty database: the one-time token of the first-admin setup link. */
  setupToken: string | null;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(databaseOptions(config));
  let app: FastifyInstance | undefined;
  try {
    await migrate(database.db);
    await assertNoPlaintextFiles(database.db);
    const keys = loadKeyProvider(config);
    app = await buildApp({ config, database, masterKey: keys.current(), keys });
    const worker = new JobWorker(app.services.jobs, app.log, config.jobPollMs);
    const address = await app.listen({ host: config.host, port: config.port });
    if (config.jobsEnabled) {
      if (database.kind === 'pglite') await app.services.jobs.requeueOrphans();
      await app.services.jobs.enqueue(auditCheckpointJob, {}, { dedupeKey: 'daily', runAt: nextDailyCheckpoint(new Date()) });
      await app.services.jobs.enqueue(idempotencyExpiryJob, {}, { dedupeKey: 'daily', runAt: nextDailyCheckpoint(new Date()) });
      await app.services.jobs.enqueue(returnUnclaimedJob, {}, { dedupeKey: 'yearly', runAt: nextYearEnd(new Date()) });
      await app.services.jobs.enqueue(referralSweepJob, {}, { dedupeKey: 'daily', runAt: nextDailyCheckpoint(new Date()) });
      await app.services.jobs.enqueue(followUpDigestJob, {}, { dedupeKey: 'daily', runAt: nextDigestRun(new Date()) });
      worker.start();
      const jobId = await app.services.regions.ensureLoaded();
      if (jobId) app.log.info({ jobId }, 'empty region table: loading regions in the background');
    }
    const setupToken = await app.services.setup.issueToken();
    let closing: Promise<void> | undefined;
    const started = app;
    return {
      app: started,
      database,
      url: address,
      setupToken,
      close: () =>
        (closing ??= (async () => {
          await started.close();
          await worker.stop();
          await database.close();
        })()),
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await database.close();
    throw err;
  }
}
