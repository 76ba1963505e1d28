-- The data subject's rights (UU 27/2022) and changes to persons: a version for
-- optimistic concurrency, restriction of processing, erasure by crypto-shredding,
-- and the register of data-subject requests.

-- Every change increments it; an edit based on an older version is refused (409).
alter table person add column version integer not null default 1;
-- Restriction of processing: reveals and exports are refused while it is set,
-- except to answer a data-subject request.
alter table person add column processing_restricted boolean not null default false;
-- Erasure by crypto-shredding: the ciphertext, its wrapped data key and every value
-- derived from the identity (blind indexes, NIK match token) are removed, so the
-- identity cannot be recovered by anyone holding the database and the master key.
-- The pseudonymous row stays: aid records must be kept by law (audit by BPK/BPKP),
-- aggregates still count the person, and the audit chain keeps pointing at it.
alter table person add column erased_at timestamptz;
alter table person alter column identity_ct drop not null;
alter table person alter column dek_wrapped drop not null;
alter table person alter column key_id drop not null;
alter table person add constraint person_erasure_check check (
  (erased_at is null and identity_ct is not null and dek_wrapped is not null and key_id is not null)
  or (erased_at is not null and identity_ct is null and dek_wrapped is null and key_id is null
      and nik_bidx is null and kk_bidx is null and phone_bidx is null and nik_match is null and alias is null)
);

-- Data-subject requests: access, correction, restriction, deletion, objection.
-- Answered within 3×24 hours of receipt. Free texts never hold identity values
-- (the service refuses runs of digits such as a NIK or a phone number).
create table subject_request (
  id bigint generated always as identity primary key,
  person_id bigint not null references person (id),
  kind text not null check (kind in ('access', 'correction', 'restriction', 'deletion', 'objection')),
  channel text not null check (channel in ('in_person', 'letter', 'phone', 'case_worker')),
  received_at timestamptz not null,
  due_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'in_progress', 'answered', 'refused')),
  details text check (details is null or length(details) <= 2000),
  response_note text check (response_note is null or length(response_note) <= 2000),
  -- the legal ground of a refusal (e.g. an exception of UU 27/2022 art. 15)
  refusal_reason text check (refusal_reason is null or length(refusal_reason) between 10 and 2000),
  -- correction: names of the fields changed by person updates linked to the request
  corrected_fields text[] not null default '{}',
  -- access: when the export was last produced
  exported_at timestamptz,
  answered_by bigint references app_user (id),
  answered_at timestamptz,
  registered_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (due_at = received_at + interval '72 hours'),
  check (status <> 'refused' or refusal_reason is not null),
  check ((status in ('answered', 'refused')) = (answered_at is not null))
);
create index subject_request_person_idx on subject_request (person_id);
create index subject_request_pending_idx on subject_request (due_at) where status in ('open', 'in_progress');

-- Reading the register: the Dinsos officers and the head of office; registering
-- and answering requests: the Dinsos officers of a province or regency.
update role set permissions = array_append(permissions, 'subject_request.read'), updated_at = now()
  where key in ('province_officer', 'regency_officer', 'head_of_office') and not ('subject_request.read' = any (permissions));
update role set permissions = array_append(permissions, 'subject_request.manage'), updated_at = now()
  where key in ('province_officer', 'regency_officer') and not ('subject_request.manage' = any (permissions));
