-- The administrative hierarchy every record hangs on (Kemendagri codes,
-- dotted form: 65, 65.03, 65.03.02, 65.03.02.2001). Former codes (e.g. the
-- 64.xx codes Kalimantan Utara's regencies carried before 2012) stay as rows
-- with valid_to set and a successor.

create table region (
  code text primary key check (code ~ '^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$'),
  parent_code text references region (code),
  level text not null check (level in ('province', 'regency', 'district', 'village')),
  name text not null,
  valid_from date,
  valid_to date,
  successor_code text references region (code),
  source text not null
);

create index region_parent_idx on region (parent_code, code);
create index region_level_idx on region (level, code);
create index region_successor_idx on region (successor_code) where successor_code is not null;
