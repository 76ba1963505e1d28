-- Sites (lokalisasi): the registry, its closure milestones with evidence files,
-- head counts over time, the closure decree and post-closure monitoring.
-- Also the platform's file store (bytes in the database, never under the web root).

create table stored_file (
  id bigint generated always as identity primary key,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer not null check (size_bytes > 0),
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
  original_name text not null,
  content bytea not null,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);

-- The last site number per regency (codes LOK-6503-001, LOK-6503-002, …).
create table site_code_counter (
  regency_code text primary key references region (code),
  last_number integer not null
);

create table site (
  id bigint generated always as identity primary key,
  code text not null unique,
  name text not null,
  local_names text[] not null default '{}',
  region_code text not null references region (code),
  regency_code text not null references region (code),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  description text not null default '',
  managing_parties text not null default '',
  status text not null default 'open' check (status in ('open', 'closing', 'closed', 'reopened')),
  closure_decree_number text,
  closure_decree_date date,
  closure_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null)),
  check (region_code = regency_code or region_code like regency_code || '.%')
);
create index site_regency_idx on site (regency_code);

create table site_milestone (
  site_id bigint not null references site (id),
  stage text not null check (stage in ('identification', 'integrated_team_decree', 'socialisation', 'verification', 'closure_ceremony', 'return_home', 'monitoring')),
  planned_date date,
  done_date date,
  note text not null default '',
  updated_at timestamptz not null default now(),
  primary key (site_id, stage)
);

create table site_milestone_evidence (
  id bigint generated always as identity primary key,
  site_id bigint not null,
  stage text not null,
  file_id bigint not null references stored_file (id),
  created_at timestamptz not null default now(),
  foreign key (site_id, stage) references site_milestone (site_id, stage)
);
create index site_milestone_evidence_idx on site_milestone_evidence (site_id, stage);

create table site_head_count (
  id bigint generated always as identity primary key,
  site_id bigint not null references site (id),
  counted_on date not null,
  source text not null check (source in ('site_manager', 'dinsos', 'joint_verification', 'other')),
  workers integer not null check (workers >= 0),
  others_affected integer not null default 0 check (others_affected >= 0),
  reason_for_change text not null default '',
  -- The link point for the person registry's list versions (a later issue adds the foreign key).
  person_list_id bigint,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index site_head_count_site_idx on site_head_count (site_id, counted_on, id);

create table site_monitoring_visit (
  id bigint generated always as identity primary key,
  site_id bigint not null references site (id),
  visited_on date not null,
  finding text not null check (finding in ('no_activity', 'activity_resumed', 'converted_venue', 'other')),
  notes text not null default '',
  visited_by text not null,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index site_monitoring_visit_site_idx on site_monitoring_visit (site_id, visited_on, id);

update role set permissions = array_append(permissions, 'site.manage'), updated_at = now()
  where key in ('province_officer', 'regency_officer', 'head_of_office') and not ('site.manage' = any (permissions));
