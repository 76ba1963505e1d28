-- The tamper-evident audit log. Each event stores the SHA-256 of the previous
-- one (platform/audit/canonical.ts); `tuntas audit verify` recomputes the chain.
-- audit_head holds the chain's latest position: appenders lock its one row, so
-- concurrent transactions append one after the other and the chain never forks.
--
-- On PostgreSQL, run the application as a role that does NOT own these tables
-- (an owner can disable triggers). A DBA grants, for example:
--   create role tuntas_app login password '…';
--   grant usage on schema public to tuntas_app;
--   grant select, insert, update, delete on all tables in schema public to tuntas_app;
--   grant usage, select on all sequences in schema public to tuntas_app;
--   revoke update, delete, truncate on audit_event, audit_checkpoint from tuntas_app;
--   revoke delete, truncate on audit_head from tuntas_app;
-- so that the application has only SELECT, INSERT on audit_event and
-- audit_checkpoint, and SELECT, UPDATE on audit_head. Migrations run as the owner.

create table audit_event (
  -- position in the chain: 1, 2, 3, … without gaps
  seq bigint primary key check (seq > 0),
  -- computed by the application (millisecond precision) so the hash input round-trips exactly
  at timestamptz not null,
  actor_user_id bigint,
  actor_username text not null,
  actor_roles text[] not null,
  -- 'national', a region code, or null for the system (command line)
  actor_scope text,
  action text not null,
  entity_type text not null,
  entity_id text,
  region_code text,
  request_id text,
  ip text,
  user_agent text,
  reason text,
  -- field names and non-identifying values only; never identity data
  summary jsonb not null,
  break_glass boolean not null,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
);

create index audit_event_at_idx on audit_event (at);
create index audit_event_actor_idx on audit_event (actor_username, seq);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, seq);
create index audit_event_region_idx on audit_event (region_code text_pattern_ops, seq);
create index audit_event_action_idx on audit_event (action, seq);
create index audit_event_break_glass_idx on audit_event (seq) where break_glass;

create table audit_head (
  id integer primary key check (id = 1),
  seq bigint not null check (seq >= 0),
  hash text not null check (hash ~ '^[0-9a-f]{64}$')
);
-- The genesis: no event yet, previous hash 64 zeros.
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

-- Latest hash and count, taken now and then; auditors keep copies outside the system.
create table audit_checkpoint (
  id bigint generated always as identity primary key,
  seq bigint not null,
  hash text not null,
  count bigint not null,
  at timestamptz not null default now(),
  created_by text not null
);

create function audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit log is append-only: % on % is not allowed', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_append_only();
create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
  for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
  for each statement execute function audit_append_only();
create trigger audit_head_no_delete before delete on audit_head
  for each row execute function audit_append_only();
create trigger audit_head_no_truncate before truncate on audit_head
  for each statement execute function audit_append_only();

-- The head only moves forward, one event at a time.
create function audit_head_advance() returns trigger language plpgsql as $$
begin
  if new.id <> old.id or new.seq <> old.seq + 1 then
    raise exception 'audit head may only advance by one event (from % to %)', old.seq, new.seq
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;

create trigger audit_head_advance before update on audit_head
  for each row execute function audit_head_advance();

revoke update, delete, truncate on audit_event, audit_checkpoint from public;
revoke delete, truncate on audit_head from public;
