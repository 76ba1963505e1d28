-- A person's erasure (data-subject deletion request, modules/registry/persons.erasure.ts)
-- crypto-shreds every sealed copy of her identity, not only the person row: the files
-- attached to her case notes, her referral snapshots and her bank accounts. A shredded
-- row keeps what the audit needs (ids, dates, sizes, bank code) and loses its ciphertext,
-- wrapped data key and derived match value; erased_at says why they are gone.

-- Stored files: a third state besides sealed and legacy — erased, nothing left of the
-- content, name or digest, in clear or sealed.
alter table stored_file add column erased_at timestamptz;
alter table stored_file drop constraint stored_file_sealed_or_legacy;
alter table stored_file add constraint stored_file_sealed_or_legacy check (
  (erased_at is null and content is null and original_name is null and sha256 is null
     and content_ct is not null and meta_ct is not null and dek_wrapped is not null and key_id is not null)
  or (erased_at is null and content is not null and original_name is not null and sha256 is not null
     and content_ct is null and meta_ct is null and dek_wrapped is null and key_id is null)
  or (erased_at is not null and content is null and original_name is null and sha256 is null
     and content_ct is null and meta_ct is null and dek_wrapped is null and key_id is null)
);

-- Referral snapshots: shredded with the reason person_erased.
alter table referral drop constraint referral_shred_reason_check;
alter table referral add constraint referral_shred_reason_check
  check (shred_reason in ('expired', 'revoked', 'consent_withdrawn', 'person_erased'));

-- Bank accounts: an erased account has no ciphertext, key or match value, and is inactive
-- (never taken into a batch again). Payments keep pointing at the row.
alter table person_bank_account alter column account_ct drop not null;
alter table person_bank_account alter column dek_wrapped drop not null;
alter table person_bank_account alter column key_id drop not null;
alter table person_bank_account alter column account_match drop not null;
alter table person_bank_account add column erased_at timestamptz;
alter table person_bank_account add constraint person_bank_account_sealed_or_erased check (
  (erased_at is null and account_ct is not null and dek_wrapped is not null and key_id is not null and account_match is not null)
  or (erased_at is not null and status = 'inactive' and account_ct is null and dek_wrapped is null and key_id is null and account_match is null)
);

-- What a deletion request's erasure shredded: counts per kind, never a value.
alter table subject_request add column erasure_counts jsonb;
