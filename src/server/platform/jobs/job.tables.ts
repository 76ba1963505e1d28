import type { ColumnType, Generated } from 'kysely';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  version: number;
  payload: ColumnType<unknown, string, string>;
  dedupe_key: string | null;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  progress_done: Generated<number>;
  progress_total: number | null;
  progress_message: string | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: Generated<Date>;
  locked_by: string | null;
  locked_until: Date | null;
  result: ColumnType<unknown, string | null, string | null>;
  error: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}
