-- Platform tables: installation facts and the background job queue.

create table app_meta (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);

-- Database-backed job queue (claimed with FOR UPDATE SKIP LOCKED; works on
-- PGlite and PostgreSQL). A job whose lease expires is picked up again.
create table job (
  id bigint generated always as identity primary key,
  kind text not null,
  version integer not null,
  payload jsonb not null,
  -- at most one queued/running job per (kind, dedupe_key)
  dedupe_key text,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed')),
  progress_done integer not null default 0,
  progress_total integer,
  progress_message text,
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  run_at timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  result jsonb,
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);

create index job_ready_idx on job (run_at, id) where status in ('queued', 'running');
create index job_kind_idx on job (kind, id desc);
create unique index job_dedupe_idx on job (kind, dedupe_key)
  where dedupe_key is not null and status in ('queued', 'running');
