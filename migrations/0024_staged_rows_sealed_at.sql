-- When a staged import row was sealed: master-key rotation with --reencrypt discards
-- staged rows sealed before its cut-off (their import stages them again), and the
-- commit carries the time into person.dek_created_at, so a person's data key is dated
-- from its sealing, not from the move.
alter table person_import_row add column sealed_at timestamptz not null default now();
