import type { Generated } from 'kysely';

/** Dedup columns of `person` (migration 0016). */
export interface PersonDedupColumns {
  /** Blocking keys as 32-bit blind indexes; null until the dedup job computes them. */
  block_keys: number[] | null;
  merged_into_id: number | null;
  merged_at: Date | null;
}

export interface DedupRunTable {
  id: Generated<number>;
  mode: 'full' | 'new';
  status: Generated<'running' | 'done' | 'failed'>;
  job_id: number | null;
  requested_by: number | null;
  persons: Generated<number>;
  pairs_scored: Generated<number>;
  candidates_found: Generated<number>;
  started_at: Generated<Date>;
  finished_at: Date | null;
}

export interface DedupCandidateTable {
  id: Generated<number>;
  person_a: number;
  person_b: number;
  score: number;
  reasons: string[];
  status: Generated<'open' | 'undecided' | 'merged' | 'not_duplicate'>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_reason: string | null;
  first_run_id: number | null;
  last_run_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DedupDecisionTable {
  id: Generated<number>;
  candidate_id: number;
  decision: 'merged' | 'not_duplicate' | 'undecided' | 'reopened';
  reason: string | null;
  decided_by: number | null;
  decided_at: Generated<Date>;
}
