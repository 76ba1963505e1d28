-- Follow-up visits after a case's closure or return home (issue 6), and their outcomes.

-- The visit offsets (months after the anchor) per programme; a programme without a row
-- uses the default {1,3,6,12} (follow-ups.schedule.ts). Edited with case.configure.
create table follow_up_schedule (
  programme_id bigint primary key references programme (id),
  offsets_months integer[] not null
    check (cardinality(offsets_months) between 1 and 12 and 1 <= all (offsets_months) and 60 >= all (offsets_months)),
  updated_by bigint references app_user (id),
  updated_at timestamptz not null default now()
);

-- One series of visits per case, anchored on the first of: an approved closure or a
-- confirmed arrival home. One live (not cancelled) visit per case and offset makes
-- scheduling idempotent; reopening a case cancels its future unvisited visits, and
-- the next closure schedules those offsets again from the new closure date.
create table follow_up (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  -- the scope anchor, the case's regency
  regency_code text not null references region (code),
  source text not null check (source in ('closure', 'return_home')),
  anchor_date date not null,
  offset_months integer not null check (offset_months between 1 and 60),
  due_date date not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'done', 'missed', 'cancelled')),
  visited_on date,
  outcome text check (outcome in
    ('business_running', 'employed', 'returned_home', 'in_training', 'moved', 'returned_to_sex_work', 'lost_contact')),
  -- where she moved to, when known (outcome 'moved')
  moved_region_code text references region (code),
  -- the visit's free-text note, sealed (envelope encryption, AAD follow-up/<id>/<version>)
  note_ct bytea,
  note_dek_wrapped bytea,
  note_key_id text,
  status_reason text not null default '',
  recorded_by bigint references app_user (id),
  recorded_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'done') = (outcome is not null and visited_on is not null)),
  check (moved_region_code is null or outcome = 'moved'),
  check ((note_ct is null) = (note_dek_wrapped is null))
);
create unique index follow_up_one_live on follow_up (case_id, offset_months) where status <> 'cancelled';
create index follow_up_due_idx on follow_up (status, due_date);
create index follow_up_regency_idx on follow_up (regency_code, anchor_date);
