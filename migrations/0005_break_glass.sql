-- Break-glass: time-limited access to one record outside the user's normal
-- access, with a written reason, reviewed afterwards; and in-app notifications.

create table break_glass_grant (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user (id),
  entity_type text not null,
  entity_id text not null,
  region_code text references region (code),
  reason text not null check (length(reason) >= 20),
  granted_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > granted_at),
  review_decision text check (review_decision in ('justified', 'unjustified')),
  review_note text,
  reviewed_by bigint references app_user (id),
  reviewed_at timestamptz,
  check ((review_decision is null) = (reviewed_at is null))
);
create index break_glass_grant_access_idx on break_glass_grant (user_id, entity_type, entity_id, expires_at desc);
create index break_glass_grant_pending_idx on break_glass_grant (granted_at) where reviewed_at is null;

create table notification (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user (id),
  kind text not null,
  title_id text not null,
  title_en text not null,
  body_id text not null,
  body_en text not null,
  entity_type text,
  entity_id text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);
