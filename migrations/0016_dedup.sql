-- Deduplication: blocking keys stored as blind indexes, candidate pairs for review,
-- reversible merges. No plaintext: a blocking key is the first 32 bits of an HMAC
-- (its own derived key) over a string such as "name key + birth year"; the job
-- decrypts only the persons that share one, in memory.

-- null until the dedup job has computed them (after create, import or an identity change).
alter table person add column block_keys integer[];
create index person_block_keys_idx on person using gin (block_keys);

-- A merged person points at the record that stays; lists hide it, and undoing the
-- merge clears these columns again. Nothing is deleted, so every merge is reversible.
alter table person add column merged_into_id bigint references person (id);
alter table person add column merged_at timestamptz;
create index person_merged_into_idx on person (merged_into_id) where merged_into_id is not null;
alter table person add constraint person_not_merged_into_self check (merged_into_id is null or merged_into_id <> id);

create table dedup_run (
  id bigint generated always as identity primary key,
  -- 'full': every person again; 'new': persons without blocking keys yet (after creates, imports, corrections) against the whole registry
  mode text not null check (mode in ('full', 'new')),
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  job_id bigint,
  requested_by bigint references app_user (id),
  persons integer not null default 0,
  pairs_scored integer not null default 0,
  candidates_found integer not null default 0,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);

create table dedup_candidate (
  id bigint generated always as identity primary key,
  person_a bigint not null references person (id),
  person_b bigint not null references person (id),
  score real not null,
  -- reason codes from the matcher ('same_nik', 'name_similar', 'birth_date_swapped', …)
  reasons text[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'undecided', 'merged', 'not_duplicate')),
  decided_by bigint references app_user (id),
  decided_at timestamptz,
  decision_reason text,
  first_run_id bigint references dedup_run (id),
  last_run_id bigint references dedup_run (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (person_a < person_b),
  unique (person_a, person_b)
);
create index dedup_candidate_status_idx on dedup_candidate (status, score desc);
create index dedup_candidate_b_idx on dedup_candidate (person_b);

-- Every decision and every undo, in order (the audit log holds them too).
create table dedup_decision (
  id bigint generated always as identity primary key,
  candidate_id bigint not null references dedup_candidate (id),
  decision text not null check (decision in ('merged', 'not_duplicate', 'undecided', 'reopened')),
  reason text,
  decided_by bigint references app_user (id),
  decided_at timestamptz not null default now()
);
create index dedup_decision_candidate_idx on dedup_decision (candidate_id);
