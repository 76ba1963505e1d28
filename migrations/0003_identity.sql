-- Users, roles, sessions, sign-in throttling, MFA and the first-admin setup link.

create table role (
  key text primary key check (key ~ '^[a-z][a-z_]{1,39}$'),
  name_id text not null,
  name_en text not null,
  -- dotted permission strings; unknown ones are ignored (denied) by the server
  permissions text[] not null default '{}',
  requires_mfa boolean not null default true,
  updated_at timestamptz not null default now()
);

insert into role (key, name_id, name_en, permissions) values
  ('admin', 'Administrator sistem', 'System administrator',
    array['region.read', 'user.read', 'user.manage', 'role.manage', 'session.manage', 'audit.read', 'audit.export', 'break_glass.review']),
  ('ministry_officer', 'Petugas Kementerian Sosial', 'Ministry officer',
    array['region.read', 'program.read', 'site.read', 'meeting.read', 'report.read', 'break_glass.request']),
  ('province_officer', 'Petugas Dinsos Provinsi', 'Provincial Dinsos officer',
    array['region.read', 'program.read', 'site.read', 'meeting.read', 'person.read', 'case.read', 'payment.read', 'report.read', 'break_glass.request']),
  ('regency_officer', 'Petugas Dinsos Kabupaten/Kota', 'Regency/city Dinsos officer',
    array['region.read', 'program.read', 'site.read', 'meeting.read', 'person.read', 'case.read', 'payment.read', 'report.read', 'break_glass.request']),
  ('case_worker', 'Pendamping', 'Case worker',
    array['region.read', 'site.read', 'person.read', 'person.reveal_identity', 'case.read', 'break_glass.request']),
  ('finance_officer', 'Petugas Keuangan', 'Finance officer',
    array['region.read', 'program.read', 'person.read', 'payment.read', 'report.read', 'break_glass.request']),
  ('head_of_office', 'Kepala Dinas', 'Head of office',
    array['region.read', 'program.read', 'site.read', 'meeting.read', 'person.read', 'case.read', 'payment.read', 'payment.approve', 'report.read', 'user.read', 'audit.read', 'break_glass.request', 'break_glass.review']),
  ('auditor', 'Auditor', 'Auditor',
    array['region.read', 'program.read', 'site.read', 'meeting.read', 'report.read', 'audit.read', 'audit.export', 'break_glass.request']);

create table app_user (
  id bigint generated always as identity primary key,
  username text not null unique check (username = lower(username)),
  display_name text not null,
  password_hash text not null,
  password_must_change boolean not null default false,
  -- null scope_code = national
  scope_level text not null check (scope_level in ('national', 'province', 'regency')),
  scope_code text references region (code),
  status text not null default 'active' check (status in ('active', 'disabled')),
  -- TOTP secret, encrypted (platform/crypto secret box); never stored in clear
  mfa_secret_enc text,
  mfa_enabled boolean not null default false,
  -- a new secret awaiting its first code (enrolment or re-enrolment)
  mfa_pending_secret_enc text,
  -- the last accepted TOTP time step: a code is accepted once only
  mfa_last_step bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  disabled_at timestamptz,
  last_login_at timestamptz,
  check ((scope_level = 'national') = (scope_code is null))
);

create table user_role (
  user_id bigint not null references app_user (id),
  role_key text not null references role (key),
  primary key (user_id, role_key)
);

create table mfa_recovery_code (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user (id),
  code_hash text not null,
  used_at timestamptz
);
create index mfa_recovery_code_user_idx on mfa_recovery_code (user_id) where used_at is null;

-- Server-side sessions: the cookie holds a random token, only its SHA-256 is kept.
create table user_session (
  id bigint generated always as identity primary key,
  -- the CSRF token is an HMAC of token_hash, so it needs no column
  token_hash text not null unique,
  user_id bigint not null references app_user (id),
  state text not null check (state in ('active', 'mfa_required', 'mfa_enrolment_required', 'password_change_required')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  reauthenticated_at timestamptz,
  ip text,
  user_agent text,
  ended_at timestamptz,
  end_reason text
);
create index user_session_user_idx on user_session (user_id) where ended_at is null;

-- Failed and successful sign-ins, for throttling per account and per address.
create table login_attempt (
  id bigint generated always as identity primary key,
  username text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempt_username_idx on login_attempt (username, at desc);
create index login_attempt_ip_idx on login_attempt (ip, at desc);

create table setup_token (
  token_hash text primary key,
  expires_at timestamptz not null,
  used_at timestamptz
);
