-- The people: the encrypted registry's core. No plaintext identity column exists
-- anywhere: full name, NIK, KK number, birth date, phone and address live only in
-- person.identity_ct (AES-256-GCM under the person's own data key, which is stored
-- wrapped by the master key in dek_wrapped; key_id names that master key). Exact
-- lookups use truncated blind indexes (HMAC) that match several persons each.

-- Long-lived application keys (the blind-index root key), wrapped by the master key.
create table crypto_key (
  name text primary key,
  wrapped bytea not null,
  key_id text not null,
  -- e.g. the blind-index bit lengths {"nik": 17, "kk": 17, "phone": 17}
  params jsonb not null default '{}',
  created_at timestamptz not null default now(),
  rewrapped_at timestamptz
);

-- The last case number per regency (TNT-6503-000001, …); the row stays locked
-- until the creating transaction ends.
create table person_code_counter (
  regency_code text primary key references region (code),
  last_number integer not null
);

create table person (
  id bigint generated always as identity primary key,
  -- pseudonymous; shown in lists, exports and logs instead of a name
  case_code text not null unique,
  alias text check (alias is null or length(alias) between 1 and 80),
  -- the scope anchor: the regency/city whose office holds the record
  regency_code text not null references region (code),
  site_id bigint references site (id),
  -- plain on purpose: aggregates (how many women) need it without decryption
  sex text not null check (sex in ('male', 'female')),
  lawful_basis text not null check (lawful_basis in ('legal_obligation', 'public_task', 'consent')),
  -- the case worker (issue 6 moves assignments to cases)
  assigned_user_id bigint references app_user (id),
  identity_ct bytea not null,
  dek_wrapped bytea not null,
  key_id text not null,
  -- when the data key and ciphertext were made (re-encryption resumes by it)
  dek_created_at timestamptz not null default now(),
  nik_bidx integer,
  kk_bidx integer,
  phone_bidx integer,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (regency_code ~ '^[0-9]{2}\.[0-9]{2}$')
);
create index person_regency_idx on person (regency_code);
create index person_site_idx on person (site_id) where site_id is not null;
create index person_assigned_idx on person (assigned_user_id) where assigned_user_id is not null;
create index person_nik_bidx_idx on person (nik_bidx) where nik_bidx is not null;
create index person_kk_bidx_idx on person (kk_bidx) where kk_bidx is not null;
create index person_phone_bidx_idx on person (phone_bidx) where phone_bidx is not null;
create index person_key_id_idx on person (key_id);

-- Consent, where consent is the lawful basis (or an extra purpose needs it).
create table person_consent (
  id bigint generated always as identity primary key,
  person_id bigint not null references person (id),
  purpose text not null check (length(purpose) between 3 and 200),
  given_at timestamptz not null,
  withdrawn_at timestamptz,
  -- a reference to the signed form (file store or paper archive number)
  document_ref text,
  recorded_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  check (withdrawn_at is null or withdrawn_at >= given_at)
);
create index person_consent_person_idx on person_consent (person_id);

-- Registering and changing persons: the Dinsos officers of a province or regency.
update role set permissions = array_append(permissions, 'person.manage'), updated_at = now()
  where key in ('province_officer', 'regency_officer') and not ('person.manage' = any (permissions));
-- Revealing identities: the regency/city office that verifies lists (case workers
-- already hold it, limited to their own caseload by the application).
update role set permissions = array_append(permissions, 'person.reveal_identity'), updated_at = now()
  where key = 'regency_officer' and not ('person.reveal_identity' = any (permissions));
