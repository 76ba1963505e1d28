-- Lists and verification (verval): a site's person lists in versions, eligibility
-- rules per programme (versioned), and each person's verification for a programme
-- (rule results, proposed decision, the reviewer's confirmation or override).
-- Nothing here holds identity: persons are referenced by id; rule results are
-- pass/fail/unknown with a reason code.

-- A site's list, version 1, 2, … (the numbers have no gaps: one per site, taken under
-- the site's row lock). Each version is a full snapshot; person_list_change records
-- who was added and who dropped compared with the previous version.
create table person_list (
  id bigint generated always as identity primary key,
  site_id bigint not null references site (id),
  version integer not null check (version >= 1),
  source text not null check (source in ('site_manager', 'dinsos_count', 'joint_verification')),
  list_date date not null,
  note text not null default '' check (length(note) <= 2000),
  previous_id bigint references person_list (id),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  unique (site_id, version),
  check ((version = 1) = (previous_id is null))
);

create table person_list_entry (
  list_id bigint not null references person_list (id),
  person_id bigint not null references person (id),
  primary key (list_id, person_id)
);
create index person_list_entry_person_idx on person_list_entry (person_id);

create table person_list_change (
  list_id bigint not null references person_list (id),
  person_id bigint not null references person (id),
  change text not null check (change in ('added', 'dropped')),
  reason text not null default '' check (length(reason) <= 1000),
  primary key (list_id, person_id),
  -- why someone left the list is the point of keeping versions
  check (change = 'added' or length(btrim(reason)) >= 3)
);

-- The head counts' link point (migration 0007) becomes a real foreign key.
alter table site_head_count add constraint site_head_count_person_list_fk foreign key (person_list_id) references person_list (id);

-- Eligibility rules of a programme; a change is a new version, older ones stay
-- (each verification names the version it was evaluated with).
create table eligibility_rule_set (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  version integer not null check (version >= 1),
  -- [{"code": "min_age", "params": {"years": 18, "referenceDate": "2018-07-01"}, "group": null}, …]
  rules jsonb not null,
  note text not null default '' check (length(note) <= 2000),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  unique (programme_id, version)
);

-- One person's verification for one programme: the current state; the history is
-- person_verification_event (and the audit log).
create table person_verification (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  person_id bigint not null references person (id),
  -- e-KTP sighted at verification (null: not recorded yet)
  ektp_seen boolean,
  ektp_recorded_at timestamptz,
  rule_set_id bigint references eligibility_rule_set (id),
  -- [{"code": "nik_valid", "outcome": "fail", "reason": "nik_invalid", "detail": "nik.length"}, …]
  results jsonb not null default '[]',
  proposed text check (proposed in ('eligible', 'not_eligible', 'pending')),
  evaluated_at timestamptz,
  decision text check (decision in ('eligible', 'not_eligible')),
  decision_reason text not null default '' check (length(decision_reason) <= 1000),
  overridden boolean not null default false,
  decided_by bigint references app_user (id),
  decided_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (programme_id, person_id),
  check ((decision is null) = (decided_at is null)),
  check (decision is not null or not overridden),
  check (not overridden or length(btrim(decision_reason)) >= 10)
);
create index person_verification_person_idx on person_verification (person_id);
create index person_verification_programme_idx on person_verification (programme_id, decision);

create table person_verification_event (
  id bigint generated always as identity primary key,
  verification_id bigint not null references person_verification (id),
  kind text not null check (kind in ('ektp_recorded', 'evaluated', 'confirmed', 'overridden', 'decision_cleared')),
  ektp_seen boolean,
  rule_set_version integer,
  results jsonb,
  proposed text,
  decision text,
  reason text not null default '',
  actor_user_id bigint references app_user (id),
  actor_username text not null,
  at timestamptz not null default now()
);
create index person_verification_event_idx on person_verification_event (verification_id, id);

-- Dinsos officers of a province or regency/city prepare lists and run the rules;
-- provincial officers and heads of office decide (confirm or override) and set the rules.
update role set permissions = array_append(permissions, 'verval.manage'), updated_at = now()
  where key in ('province_officer', 'regency_officer') and not ('verval.manage' = any (permissions));
update role set permissions = array_append(permissions, 'verval.decide'), updated_at = now()
  where key in ('province_officer', 'head_of_office') and not ('verval.decide' = any (permissions));
