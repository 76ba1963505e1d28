-- Exact, registry-wide NIK matching without decryption: a full-length (128-bit)
-- keyed HMAC of the normalised NIK. The truncated nik_bidx (17 bits) serves lookups
-- and deliberately matches several persons; this token matches only the same NIK,
-- for deduplication (1,000,000 persons grouped in SQL) and, later, for one
-- entitlement per NIK across the whole registry. No backfill: 0011 and 0012 ship
-- in the same release, before any deployment held persons.
alter table person add column nik_match bytea;
create index person_nik_match_idx on person (nik_match) where nik_match is not null;
