import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { build } from '../../test/build-app.ts';
import { auditCheckpointJob, nextDailyCheckpoint } from './checkpoint.job.ts';

test('the next daily checkpoint is the coming midnight in Western Indonesia Time', () => {
  assert.equal(nextDailyCheckpoint(new Date('2026-11-28T08:00:00Z')).toISOString(), '2026-11-28T17:00:00.000Z');
  assert.equal(nextDailyCheckpoint(new Date('2026-11-28T17:00:00Z')).toISOString(), '2026-11-29T17:00:00.000Z');
  assert.equal(nextDailyCheckpoint(new Date('2026-12-31T20:00:00Z')).toISOString(), '2027-01-01T17:00:00.000Z');
});

test('the checkpoint job records the head and schedules the next day’s run', async (t) => {
  const { app, database } = await build(t);
  const { jobs } = app.services;
  const first = await jobs.enqueue(auditCheckpointJob, {}, { dedupeKey: 'daily' });
  assert.equal(await jobs.enqueue(auditCheckpointJob, {}, { dedupeKey: 'daily' }), first, 'one scheduled run at a time');
  await jobs.runUntilIdle();
  assert.equal((await jobs.get(first))?.status, 'succeeded');
  const checkpoints = await database.db.selectFrom('audit_checkpoint').select(['seq', 'created_by']).execute();
  assert.equal(checkpoints.length, 1);
  assert.equal(checkpoints[0]!.created_by, 'scheduler');
  const next = await sql<{ run_at: Date }>`select run_at from job where kind = 'audit.checkpoint' and status = 'queued'`.execute(database.db);
  assert.equal(next.rows.length, 1);
  assert.equal(new Date(next.rows[0]!.run_at).getUTCHours(), 17);
});
