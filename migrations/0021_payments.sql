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

-- How a bank wants its transfer file: separator, header line, date format and the
-- columns in order, each taken from one payment field. Editable by finance officers.
create table payment_bank_format (
  bank_code text primary key check (bank_code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
  name text not null check (length(btrim(name)) between 2 and 100),
  separator text not null default ',' check (separator in (',', ';', '|', 'tab')),
  header boolean not null default true,
  date_format text not null default 'YYYY-MM-DD' check (date_format in ('YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY', 'DDMMYYYY', 'YYYYMMDD')),
  -- [{ "header": "NO_REK", "field": "account_number" }, …]
  columns jsonb not null,
  version integer not null default 1,
  updated_by bigint references app_user (id),
  updated_at timestamptz not null default now()
);
insert into payment_bank_format (bank_code, name, separator, header, date_format, columns) values
  ('DEFAULT', 'Format umum', ',', true, 'YYYY-MM-DD',
    '[{"header":"reference","field":"reference"},{"header":"bank_code","field":"bank_code"},{"header":"account_number","field":"account_number"},{"header":"account_name","field":"holder_name"},{"header":"amount","field":"amount"},{"header":"date","field":"transfer_date"},{"header":"narrative","field":"narrative"}]'),
  ('BRI', 'Bank Rakyat Indonesia', ';', true, 'DD/MM/YYYY',
    '[{"header":"NO_REKENING","field":"account_number"},{"header":"NAMA","field":"holder_name"},{"header":"NOMINAL","field":"amount"},{"header":"KETERANGAN","field":"narrative"},{"header":"REF","field":"reference"},{"header":"TANGGAL","field":"transfer_date"}]');

-- A batch: a finance officer prepares it from due entitlements; a head of office approves
-- it (another person: the check below); it is sent to the bank and reconciled.
-- region_code: the batch's scope anchor (its entitlements' regencies lie within it).
create table payment_batch (
  id bigint generated always as identity primary key,
  reference text not null unique check (reference ~ '^PB-[0-9]{4}-[0-9]{6}$'),
  programme_id bigint not null references programme (id),
  year integer not null check (year between 2000 and 2100),
  region_code text references region (code),
  filters jsonb not null default '{}',
  status text not null default 'prepared' check (status in ('prepared', 'approved', 'sent', 'closed', 'rejected')),
  payment_count integer not null check (payment_count > 0),
  total_amount bigint not null check (total_amount > 0),
  prepared_by bigint not null references app_user (id),
  prepared_at timestamptz not null default now(),
  approved_by bigint references app_user (id),
  approved_at timestamptz,
  rejected_reason text check (rejected_reason is null or length(btrim(rejected_reason)) between 10 and 1000),
  sent_by bigint references app_user (id),
  sent_at timestamptz,
  closed_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check (approved_by is null or approved_by <> prepared_by),
  check ((status in ('approved', 'sent', 'closed')) = (approved_by is not null)),
  check ((status in ('sent', 'closed')) = (sent_at is not null)),
  check ((status = 'rejected') = (rejected_reason is not null))
);
create index payment_batch_region_idx on payment_batch (region_code, status);

-- The per-year sequence of batch references (PB-2026-000001), locked until commit.
create table payment_batch_counter (
  year integer primary key,
  last integer not null
);

-- One payment = one entitlement in one batch. A live payment (not failed, returned or
-- cancelled) per entitlement, enforced by the unique index: no double payment.
create table payment (
  id bigint generated always as identity primary key,
  batch_id bigint not null references payment_batch (id),
  entitlement_id bigint not null references aid_entitlement (id),
  person_id bigint not null references person (id),
  regency_code text not null references region (code),
  component_id bigint not null references aid_component (id),
  funding_source text not null,
  amount bigint not null check (amount > 0),
  bank_account_id bigint not null references person_bank_account (id),
  bank_code text not null,
  reference text not null unique,
  status text not null default 'prepared' check (status in ('prepared', 'approved', 'sent', 'paid', 'failed', 'returned', 'cancelled')),
  status_changed_at timestamptz not null default now(),
  paid_at timestamptz,
  bank_reference text,
  failure_note text check (failure_note is null or length(failure_note) <= 500),
  version integer not null default 1
);
create unique index payment_live_entitlement_uq on payment (entitlement_id) where status not in ('failed', 'returned', 'cancelled');
create index payment_batch_idx on payment (batch_id, status);
create index payment_person_idx on payment (person_id);

-- A bank result file applied to a batch (all rows or none), and what did not match.
create table payment_reconciliation (
  id bigint generated always as identity primary key,
  batch_id bigint not null references payment_batch (id),
  file_sha256 text not null,
  row_count integer not null,
  paid_count integer not null,
  failed_count integer not null,
  returned_count integer not null,
  mismatch_count integer not null,
  imported_by bigint not null references app_user (id),
  imported_at timestamptz not null default now(),
  unique (batch_id, file_sha256)
);

create table payment_mismatch (
  id bigint generated always as identity primary key,
  reconciliation_id bigint not null references payment_reconciliation (id),
  batch_id bigint not null references payment_batch (id),
  row_number integer not null,
  kind text not null check (kind in ('unknown_reference', 'amount_differs', 'duplicate_credit')),
  reference text not null,
  payment_id bigint references payment (id),
  expected_amount bigint,
  reported_amount bigint not null,
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolution text check (resolution is null or length(btrim(resolution)) between 10 and 1000),
  resolved_by bigint references app_user (id),
  resolved_at timestamptz,
  check ((status = 'resolved') = (resolution is not null))
);
create index payment_mismatch_batch_idx on payment_mismatch (batch_id, status);

-- Finance officers prepare batches (and keep the bank formats); heads of office approve (exists).
update role set permissions = array_append(permissions, 'payment.prepare'), updated_at = now()
  where key in ('finance_officer') and not ('payment.prepare' = any (permissions));
