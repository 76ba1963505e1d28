-- Rehabilitation cases (issue 6): one case per person per programme, held by the
-- regency/city office of the person, assigned to a case worker (pendamping) and
-- supervised by a head of office. The case worker's caseload is the set of open
-- cases assigned to her; person.assigned_user_id mirrors the latest assignment so
-- that the registry's caseload reach (reveal, read) follows the case.

create table rehab_case (
  id bigint generated always as identity primary key,
  person_id bigint not null references person (id),
  programme_id bigint not null references programme (id),
  -- the scope anchor, copied from the person when the case opens
  regency_code text not null references region (code),
  status text not null default 'intake' check (status in
    ('intake', 'assessment', 'plan', 'services', 'follow_up', 'closed')),
  assigned_user_id bigint references app_user (id),
  supervisor_user_id bigint references app_user (id),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  closure_reason text,
  -- optimistic concurrency: every change bumps it
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (person_id, programme_id),
  check ((status = 'closed') = (closed_at is not null))
);
create index rehab_case_regency_idx on rehab_case (regency_code, status);
create index rehab_case_assigned_idx on rehab_case (assigned_user_id) where assigned_user_id is not null;
create index rehab_case_programme_idx on rehab_case (programme_id);

-- Who held the case and when (reassignment is audited and kept).
create table rehab_case_assignment (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  user_id bigint references app_user (id),
  role text not null check (role in ('case_worker', 'supervisor')),
  reason text not null default '',
  assigned_by bigint references app_user (id),
  assigned_at timestamptz not null default now()
);
create index rehab_case_assignment_case_idx on rehab_case_assignment (case_id);

-- Status history, including closure requests/approvals and reopenings.
create table rehab_case_event (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  kind text not null,
  from_status text,
  to_status text,
  reason text not null default '',
  actor_id bigint references app_user (id),
  at timestamptz not null default now()
);
create index rehab_case_event_case_idx on rehab_case_event (case_id);

update role set permissions = array_append(permissions, 'case.manage'), updated_at = now()
  where key in ('regency_officer', 'case_worker') and not ('case.manage' = any (permissions));
update role set permissions = array_append(permissions, 'case.supervise'), updated_at = now()
  where key in ('head_of_office') and not ('case.supervise' = any (permissions));
