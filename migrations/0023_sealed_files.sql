-- The file store encrypted at rest (platform/files/file-sealing.ts). A sealed row keeps
-- no plaintext: its bytes are in content_ct and its name and SHA-256 in meta_ct, both
-- AES-256-GCM under the file's own data key, which is stored wrapped by the master key
-- (dek_wrapped, with the master key's id inside and in key_id). Both ciphertexts and the
-- wrapped key bind the row's id (its AAD), so none of them can be moved to another row.
-- Rows written before this migration keep content, original_name and sha256 in clear
-- until `tuntas files seal` seals them; the server refuses to start while any remain.
alter table stored_file add column content_ct bytea;
alter table stored_file add column meta_ct bytea;
alter table stored_file add column dek_wrapped bytea;
alter table stored_file add column key_id text;
alter table stored_file alter column content drop not null;
alter table stored_file alter column original_name drop not null;
alter table stored_file alter column sha256 drop not null;

-- Either sealed (nothing in clear) or legacy (nothing sealed); never half of each.
alter table stored_file add constraint stored_file_sealed_or_legacy check (
  (content is null and original_name is null and sha256 is null
     and content_ct is not null and meta_ct is not null and dek_wrapped is not null and key_id is not null)
  or (content is not null and original_name is not null and sha256 is not null
     and content_ct is null and meta_ct is null and dek_wrapped is null and key_id is null)
);

-- Key rotation finds the rows still under an old master key.
create index stored_file_key_id_idx on stored_file (key_id);
-- The start-up check and `tuntas files seal` find the plaintext rows without reading the others.
create index stored_file_plaintext_idx on stored_file (id) where content is not null;
