-- Aid (issue 7): schemes per programme and year with their components (amounts in
-- integer rupiah), entitlements (person × component × programme, one per NIK across
-- the whole registry), persons' bank accounts (sealed like identities) and budget
-- allocations. Payment batches (migration 0021) build on aid_entitlement.

create table aid_scheme (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  year integer not null check (year between 2000 and 2100),
  name text not null check (length(btrim(name)) between 3 and 200),
  note text not null default '' check (length(note) <= 2000),
  -- a closed scheme keeps its entitlements but generates no new ones
  status text not null default 'active' check (status in ('active', 'closed')),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, year, name)
);
create index aid_scheme_programme_idx on aid_scheme (programme_id, year);

create table aid_component (
  id bigint generated always as identity primary key,
  scheme_id bigint not null references aid_scheme (id),
  -- the benefit key within a programme (UEP, JADUP, TRANSPORT_LOCAL, …)
  code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name text not null check (length(btrim(name)) between 2 and 200),
  amount bigint not null check (amount > 0 and amount <= 1000000000000),
  funding_source text not null check (funding_source in ('apbn_kemensos', 'apbd_province', 'apbd_regency')),
  sort_order integer not null default 0,
  -- inactive components generate no new entitlements
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (scheme_id, code)
);

-- One person's entitlement to one component. The amount and funding source are
-- copied at generation (a later change of the component does not change what is due).
-- benefit = programme + component code: the same benefit is due once per person,
-- whatever the scheme year. nik_match is the person's NIK match token (0012) copied
-- at generation: the unique index below makes a second entitlement for the same NIK
-- impossible, even under another record, site or region. Persons without a NIK get
-- an entitlement keyed by the person only, flagged for review (review_reason 'no_nik')
-- and held out of payment batches until someone clears it.
create table aid_entitlement (
  id bigint generated always as identity primary key,
  person_id bigint not null references person (id),
  programme_id bigint not null references programme (id),
  scheme_id bigint not null references aid_scheme (id),
  component_id bigint not null references aid_component (id),
  component_code text not null,
  amount bigint not null check (amount > 0),
  funding_source text not null check (funding_source in ('apbn_kemensos', 'apbd_province', 'apbd_regency')),
  -- the scope anchor, copied from the person at generation
  regency_code text not null references region (code),
  nik_match bytea,
  -- payments (0021) move it: due → in_batch → paid | failed | returned; cancelled by hand
  status text not null default 'due' check (status in ('due', 'in_batch', 'paid', 'failed', 'returned', 'cancelled')),
  status_changed_at timestamptz not null default now(),
  paid_at timestamptz,
  review_required boolean not null default false,
  review_reason text check (review_reason in ('no_nik')),
  reviewed_by bigint references app_user (id),
  reviewed_at timestamptz,
  review_note text not null default '' check (length(review_note) <= 1000),
  cancel_reason text check (cancel_reason is null or length(btrim(cancel_reason)) between 10 and 1000),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'cancelled') = (cancel_reason is not null)),
  check (not review_required or review_reason is not null)
);
create unique index aid_entitlement_nik_benefit_uq on aid_entitlement (nik_match, programme_id, component_code) where nik_match is not null;
create unique index aid_entitlement_person_benefit_uq on aid_entitlement (person_id, programme_id, component_code);
create index aid_entitlement_scheme_idx on aid_entitlement (scheme_id, status);
create index aid_entitlement_regency_idx on aid_entitlement (regency_code, status);
create index aid_entitlement_component_idx on aid_entitlement (component_id, status);

-- A person's bank account: bank code in clear (for bank files and counts), account
-- number and holder name only sealed (account_ct under the account's own data key,
-- wrapped by the master key). account_match: a full-length keyed HMAC of bank code +
-- account number, to find one account given for two persons without decryption.
create table person_bank_account (
  id bigint generated always as identity primary key,
  person_id bigint not null references person (id),
  bank_code text not null check (bank_code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
  account_ct bytea not null,
  dek_wrapped bytea not null,
  key_id text not null,
  account_match bytea not null,
  -- the holder name compared with the person's name (folded): match | mismatch; a
  -- mismatch waits for review (accepted with a note, or the account replaced)
  name_check text not null check (name_check in ('match', 'mismatch', 'no_name')),
  name_score real,
  review_status text not null default 'none' check (review_status in ('none', 'pending', 'accepted')),
  reviewed_by bigint references app_user (id),
  reviewed_at timestamptz,
  review_note text not null default '' check (length(review_note) <= 1000),
  status text not null default 'active' check (status in ('active', 'inactive')),
  deactivated_at timestamptz,
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'inactive') = (deactivated_at is not null))
);
create unique index person_bank_account_active_uq on person_bank_account (person_id) where status = 'active';
create index person_bank_account_match_idx on person_bank_account (account_match);
create index person_bank_account_key_id_idx on person_bank_account (key_id);

-- Budget allocations: per funding source, year, programme and component; regional
-- budgets (APBD) name their province or regency/city, the national one none.
-- budgetHeadroom locks the row (select … for update) while a batch is approved.
create table budget_allocation (
  id bigint generated always as identity primary key,
  funding_source text not null check (funding_source in ('apbn_kemensos', 'apbd_province', 'apbd_regency')),
  year integer not null check (year between 2000 and 2100),
  programme_id bigint not null references programme (id),
  component_id bigint not null references aid_component (id),
  region_code text references region (code),
  amount bigint not null check (amount >= 0 and amount <= 100000000000000),
  note text not null default '' check (length(note) <= 2000),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((funding_source = 'apbn_kemensos') = (region_code is null))
);
create unique index budget_allocation_uq on budget_allocation (component_id, funding_source, coalesce(region_code, ''));
create index budget_allocation_programme_idx on budget_allocation (programme_id, year);

-- Who may do what (docs/ARCHITECTURE.md, "Aid"): schemes and entitlements by finance
-- and provincial officers; budgets by finance officers and heads of office; bank
-- accounts by finance, the regency/city office and case workers (their caseload).
update role set permissions = array_append(permissions, 'aid.manage'), updated_at = now()
  where key in ('finance_officer', 'province_officer') and not ('aid.manage' = any (permissions));
update role set permissions = array_append(permissions, 'budget.manage'), updated_at = now()
  where key in ('finance_officer', 'head_of_office') and not ('budget.manage' = any (permissions));
update role set permissions = array_append(permissions, 'bank_account.manage'), updated_at = now()
  where key in ('finance_officer', 'regency_officer', 'case_worker') and not ('bank_account.manage' = any (permissions));
-- Finance screens need MFA (already the default; made explicit for the money roles).
update role set requires_mfa = true, updated_at = now()
  where key in ('finance_officer', 'head_of_office') and not requires_mfa;
