-- Meetings of the closure programme (rakor, technical meetings, socialisation,
-- monitoring): participants, linked regions and sites, agenda, minutes,
-- attachments, decisions and action items with an owner, a due date and a status.

create table meeting (
  id bigint generated always as identity primary key,
  type text not null check (type in ('rakor', 'technical', 'socialisation', 'monitoring', 'other')),
  title text not null check (length(title) between 3 and 300),
  starts_at timestamptz not null,
  ends_at timestamptz,
  place text not null default '',
  organiser text not null default '',
  -- the organising office's region: the scope anchor
  region_code text not null references region (code),
  programme_id bigint references programme (id),
  agenda text not null default '',
  minutes text not null default '',
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at is null or ends_at >= starts_at)
);
create index meeting_region_idx on meeting (region_code, starts_at);
create index meeting_programme_idx on meeting (programme_id);

create table meeting_participant (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references meeting (id),
  institution text not null check (length(institution) between 1 and 300),
  represented_by text not null default '',
  sort integer not null
);
create index meeting_participant_meeting_idx on meeting_participant (meeting_id, sort);

-- Regions the meeting concerns: a province's rakor about Nunukan links 65.03,
-- and Nunukan's officers see it.
create table meeting_region (
  meeting_id bigint not null references meeting (id),
  region_code text not null references region (code),
  primary key (meeting_id, region_code)
);
create index meeting_region_region_idx on meeting_region (region_code);

create table meeting_site (
  meeting_id bigint not null references meeting (id),
  site_id bigint not null references site (id),
  primary key (meeting_id, site_id)
);

create table meeting_attachment (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references meeting (id),
  file_id bigint not null references stored_file (id),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index meeting_attachment_meeting_idx on meeting_attachment (meeting_id);

create table meeting_decision (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references meeting (id),
  text text not null check (length(text) between 3 and 2000),
  sort integer not null,
  created_at timestamptz not null default now()
);
create index meeting_decision_meeting_idx on meeting_decision (meeting_id, sort);

create table action_item (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references meeting (id),
  decision_id bigint references meeting_decision (id),
  title text not null check (length(title) between 3 and 500),
  owner_kind text not null check (owner_kind in ('institution', 'user')),
  owner_institution text,
  owner_user_id bigint references app_user (id),
  due_date date not null,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
  done_at timestamptz,
  -- copied from the meeting: the scope anchor
  region_code text not null references region (code),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (
    (owner_kind = 'institution' and owner_institution is not null and owner_user_id is null)
    or (owner_kind = 'user' and owner_user_id is not null and owner_institution is null)
  ),
  check ((status = 'done') = (done_at is not null))
);
create index action_item_status_due_idx on action_item (status, due_date);
create index action_item_region_idx on action_item (region_code);
create index action_item_meeting_idx on action_item (meeting_id);

update role set permissions = array_append(permissions, 'meeting.manage'), updated_at = now()
  where key in ('province_officer', 'regency_officer', 'head_of_office') and not ('meeting.manage' = any (permissions));
