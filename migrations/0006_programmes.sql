-- The closure programme: a national programme (Kemensos) and provincial
-- programmes under it; each regency/city of a provincial programme has its own
-- target date and a status with history; readiness requests to local governments.

create table programme (
  id bigint generated always as identity primary key,
  level text not null check (level in ('national', 'province')),
  parent_id bigint references programme (id),
  name text not null check (length(name) between 3 and 200),
  owner text not null check (length(owner) between 2 and 200),
  region_code text references region (code),
  target_date date,
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- national: no region, no parent; province: a province code and a national parent
  check ((level = 'national') = (region_code is null)),
  check (level = 'province' or parent_id is null)
);
create index programme_parent_idx on programme (parent_id);
create index programme_region_idx on programme (region_code);

create table programme_region (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  region_code text not null references region (code),
  target_date date,
  status text not null default 'not_started' check (status in
    ('not_started', 'preparing', 'awaiting_readiness', 'scheduled', 'closing', 'closed', 'monitoring', 'reopened')),
  status_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  unique (programme_id, region_code)
);
create index programme_region_region_idx on programme_region (region_code);

create table programme_region_status_change (
  id bigint generated always as identity primary key,
  programme_region_id bigint not null references programme_region (id),
  from_status text not null,
  to_status text not null,
  changed_at timestamptz not null,
  changed_by bigint references app_user (id),
  reason text not null check (length(reason) >= 10),
  evidence text,
  -- a document reference; attachments come later
  evidence_ref text
);
create index programme_region_status_change_idx on programme_region_status_change (programme_region_id, changed_at);

create table readiness_request (
  id bigint generated always as identity primary key,
  programme_region_id bigint not null references programme_region (id),
  asked_at date not null,
  asked_of text not null,
  question text not null,
  answered_at date,
  answer text check (answer in ('ready', 'not_ready', 'conditional')),
  answered_by text,
  answer_note text,
  document_ref text,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  check ((answer is null) = (answered_at is null))
);
create index readiness_request_region_idx on readiness_request (programme_region_id, asked_at);

update role set permissions = array_append(permissions, 'program.manage'), updated_at = now()
  where key in ('province_officer', 'regency_officer', 'head_of_office') and not ('program.manage' = any (permissions));
