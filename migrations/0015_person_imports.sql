-- Person imports (xlsx/csv): an import record, its uploaded file stored encrypted
-- in chunks, and a staging table holding the sealed rows until one transaction
-- moves them all into person (all or nothing). No plaintext identity anywhere:
-- the chunks are AES-256-GCM under per-chunk data keys, staged rows carry the same
-- encrypted columns as person, and issues name rows, columns and codes, never values.

create table person_import (
  id bigint generated always as identity primary key,
  site_id bigint not null references site (id),
  -- the scope anchor (the site's regency)
  regency_code text not null references region (code),
  kind text not null check (kind in ('csv', 'xlsx')),
  -- upload: the file is in person_import_chunk; local: the CLI reads it from disk
  source text not null check (source in ('upload', 'local')),
  original_name text not null check (length(original_name) between 1 and 200),
  size_bytes bigint not null default 0,
  status text not null check (status in ('receiving', 'uploaded', 'validating', 'validated', 'invalid',
    'staging', 'committing', 'committed', 'failed', 'cancelled')),
  -- asked for a dry run only: committing needs a separate request
  dry_run boolean not null,
  lawful_basis text not null check (lawful_basis in ('legal_obligation', 'public_task', 'consent')),
  total_rows integer,
  valid_rows integer,
  error_rows integer,
  error_count integer,
  warning_count integer,
  staged_rows integer not null default 0,
  committed_rows integer,
  progress_done integer not null default 0,
  progress_total integer,
  -- the first rows' validity (row numbers, columns, codes; no values)
  preview jsonb,
  -- the first issues (row, column, code, message; no values), for the error report
  issues jsonb,
  issues_truncated boolean not null default false,
  first_case_code text,
  last_case_code text,
  job_id bigint,
  -- why it failed (a message without values)
  failure text,
  -- refreshed while a process works on it; an unfinished local import whose heartbeat stopped was abandoned
  heartbeat_at timestamptz,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  validated_at timestamptz,
  finished_at timestamptz
);
create index person_import_regency_idx on person_import (regency_code, id desc);
create index person_import_open_idx on person_import (status) where status not in ('committed', 'failed', 'cancelled', 'invalid', 'validated');

-- The uploaded file, encrypted: each chunk under its own data key (wrapped like a
-- person's, AAD tuntas/record/person_import/<id>/<seq>). Deleted when the import ends.
create table person_import_chunk (
  import_id bigint not null references person_import (id) on delete cascade,
  seq integer not null,
  ct bytea not null,
  dek_wrapped bytea not null,
  key_id text not null,
  primary key (import_id, seq)
);

-- Sealed rows waiting for the commit: person's encrypted columns plus the row
-- number. Unlogged (no WAL: COPY is faster; a database crash empties it, and the
-- import is then staged again) and unindexed (only whole imports are read or deleted).
create unlogged table person_import_row (
  import_id bigint not null,
  row_no integer not null,
  case_code text not null,
  alias text,
  sex text not null,
  identity_ct bytea not null,
  dek_wrapped bytea not null,
  key_id text not null,
  nik_bidx integer,
  kk_bidx integer,
  phone_bidx integer,
  nik_match bytea
);

-- Which import made a person (null: created by hand).
alter table person add column import_id bigint references person_import (id);
create index person_import_id_idx on person (import_id) where import_id is not null;
