// A background job is a plain object: {id, version, payload schema, handler}.
// Payloads are stored in the database: never put personal data in them.
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/database.ts';

export interface JobContext {
  jobId: number;
  db: Db;
  log: FastifyBaseLogger;
  /** Reports progress (throttled writes); also renews the job's lease. */
  progress(done: number, total?: number | null, message?: string | null): Promise<void>;
  /** Aborted when the process is shutting down: stop at the next safe point. */
  signal: AbortSignal;
}

export interface JobDefinition<P = unknown> {
  id: string;
  version: number;
  payload: z.ZodType<P>;
  maxAttempts?: number;
  /** Recurring jobs: when the next run is due after one succeeds (same payload and dedupe key). */
  repeat?: (finishedAt: Date) => Date;
  handler(ctx: JobContext, payload: P): Promise<unknown>;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}
