-- Return home (pemulangan) and referrals of rehabilitation cases (issue 6).

-- One journey home per case at a time (a cancelled plan may be followed by a new one).
-- The home region is a district; it is proposed from the NIK's region code or declared.
-- Who pays: Kemensos local transport when home lies in the province of the case's
-- regency, the regional budget (APBD) otherwise; an override needs a reason.
create table return_home (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  -- the scope anchor, the case's regency
  regency_code text not null references region (code),
  home_region_code text not null references region (code),
  home_region_source text not null check (home_region_source in ('nik', 'declared')),
  planned_date date not null,
  route text not null default '',
  transport_mode text not null check (transport_mode in ('bus', 'ship', 'plane', 'other')),
  cost_rupiah bigint not null check (cost_rupiah >= 0),
  payer text not null check (payer in ('kemensos_local', 'regional_budget')),
  proposed_payer text not null check (proposed_payer in ('kemensos_local', 'regional_budget')),
  payer_reason text,
  status text not null default 'planned' check (status in ('planned', 'departed', 'arrived', 'cancelled')),
  departed_on date,
  departure_note text,
  departure_confirmed_by bigint references app_user (id),
  arrived_on date,
  -- when the arrival was recorded: follow-up scheduling reads it
  arrived_at timestamptz,
  arrival_note text,
  arrival_confirmed_by bigint references app_user (id),
  cancel_reason text,
  -- the notification letter to the receiving regency/city's Dinsos (letter register)
  letter_id bigint references letter (id),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (payer = proposed_payer or length(payer_reason) >= 10),
  check ((status in ('departed', 'arrived')) = (departed_on is not null)),
  check ((status = 'arrived') = (arrived_on is not null and arrived_at is not null)),
  check ((status = 'cancelled') = (cancel_reason is not null))
);
create unique index return_home_one_active on return_home (case_id) where status <> 'cancelled';
create index return_home_regency_idx on return_home (regency_code, status);

-- Referrals to health, HIV, reproductive-health, legal-aid, employment and shelter
-- services. Only the fields chosen are shared, as an encrypted snapshot (envelope
-- encryption, its own data key, AAD referral/<id>); shredding nulls the ciphertext
-- and the wrapped key. Consent (person_consent) or a head of office's override.
create table referral (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  regency_code text not null references region (code),
  service text not null check (service in
    ('health', 'hiv', 'reproductive_health', 'legal_aid', 'employment', 'shelter', 'other')),
  purpose text not null check (length(purpose) between 3 and 500),
  organisation text not null check (length(organisation) between 2 and 200),
  organisation_contact text not null default '',
  -- names of the shared fields only (values live in the snapshot)
  shared_fields text[] not null,
  consent_id bigint references person_consent (id),
  override_request_reason text,
  override_reason text,
  override_by bigint references app_user (id),
  override_at timestamptz,
  status text not null check (status in ('pending_override', 'active', 'revoked')),
  expires_on date not null,
  snapshot_ct bytea,
  snapshot_dek bytea,
  snapshot_key_id text,
  shredded_at timestamptz,
  shred_reason text check (shred_reason in ('expired', 'revoked', 'consent_withdrawn')),
  revoked_at timestamptz,
  revoke_reason text,
  revoked_by bigint references app_user (id),
  response text check (response in ('accepted', 'declined', 'service_given')),
  response_on date,
  response_note text,
  response_recorded_by bigint references app_user (id),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (consent_id is not null or length(override_request_reason) >= 10),
  check ((snapshot_ct is null) = (snapshot_dek is null)),
  check ((status = 'revoked') = (revoked_at is not null)),
  check (cardinality(shared_fields) >= 1)
);
create index referral_case_idx on referral (case_id);
create index referral_regency_idx on referral (regency_code, status);
create index referral_expiry_idx on referral (expires_on) where snapshot_ct is not null;

-- Approving a referral without consent: the head of office.
update role set permissions = array_append(permissions, 'referral.override'), updated_at = now()
  where key = 'head_of_office' and not ('referral.override' = any (permissions));
