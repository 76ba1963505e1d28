-- Payments (issue 7): idempotency keys for state-changing requests.

-- One row per (user, key): the first request's fingerprint and, once it finished, its answer.
-- A key is claimed (pending) before the handler runs; the handler's own transaction marks it
-- done with the answer, so after a crash the row is either done (the change committed) or
-- still pending (nothing committed; a later retry takes the stale claim over).
create table idempotency_key (
  user_id bigint not null references app_user (id),
  key text not null check (key ~ '^[A-Za-z0-9_.:-]{8,100}$'),
  method text not null,
  route text not null,
  fingerprint text not null,
  state text not null default 'pending' check (state in ('pending', 'done')),
  claim_token text not null,
  claimed_at timestamptz not null default now(),
  status_code integer,
  content_type text,
  response text,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (user_id, key),
  check ((state = 'done') = (status_code is not null))
);
create index idempotency_key_created_idx on idempotency_key (created_at);
