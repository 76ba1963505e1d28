-- Letters and correspondence (issue 4): a register of letters per issuing unit,
-- gap-free numbers per unit and year, recipients with their responses, and the
-- editable templates of the PDF body.

create table letter_unit (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9.-]{1,39}$'),
  name text not null,
  -- the unit's region: its letters are in the scope of users whose scope contains it
  region_code text not null references region (code),
  -- letterhead (kop surat)
  institution_lines text[] not null default '{}',
  address text not null default '',
  phone text not null default '',
  logo_file text,
  -- the place written before the date ("Tanjung Selor, 18 Mei 2018")
  place text not null default '',
  number_format text not null default '{seq}/{unit}/{classification}/{month_roman}/{year}'
    check (position('{seq}' in number_format) > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index letter_unit_region_idx on letter_unit (region_code);

-- The last number given per unit and year. Taken with
-- insert … on conflict do update … returning inside the transaction that issues
-- the letter: the row stays locked until commit, and a rollback gives the number back.
create table letter_counter (
  unit_id bigint not null references letter_unit (id),
  year integer not null check (year between 1900 and 9999),
  last_seq integer not null check (last_seq >= 0),
  primary key (unit_id, year)
);

create table letter (
  id bigint generated always as identity primary key,
  unit_id bigint not null references letter_unit (id),
  -- year, seq and number are set when the letter is issued (drafts have none)
  year integer,
  seq integer check (seq > 0),
  number text,
  type text not null check (type in ('instruksi_gubernur', 'surat_edaran', 'undangan', 'laporan', 'lainnya')),
  letter_date date not null,
  subject text not null check (length(subject) between 1 and 500),
  classification text not null default '',
  nature text not null default 'biasa' check (nature in ('biasa', 'segera', 'sangat_segera', 'rahasia')),
  attachments_count integer not null default 0 check (attachments_count >= 0),
  body text not null default '',
  signatory_name text not null default '',
  signatory_title text not null default '',
  copies_to text[] not null default '{}',
  -- later: references programme (id) once migration 0006 is in
  programme_id bigint,
  region_codes text[] not null default '{}',
  -- later: each element a site (id) of migration 0007 (arrays take no foreign key; checked by the service)
  site_ids bigint[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'issued')),
  issued_at timestamptz,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, year, seq),
  -- checked when the letter is issued, i.e. after its number was taken in the same transaction
  constraint letter_issued_signed check (status = 'draft' or (signatory_name <> '' and signatory_title <> '')),
  check ((status = 'issued') = (number is not null and seq is not null and year is not null and issued_at is not null))
);
create index letter_unit_idx on letter (unit_id, letter_date desc);

create table letter_recipient (
  id bigint generated always as identity primary key,
  letter_id bigint not null references letter (id) on delete cascade,
  recipient text not null check (length(recipient) between 1 and 300),
  region_code text references region (code),
  sent_on date,
  delivered_on date,
  acknowledged_on date,
  response_on date,
  response_summary text,
  response_document_ref text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index letter_recipient_letter_idx on letter_recipient (letter_id);
create index letter_recipient_open_idx on letter_recipient (sent_on) where response_on is null;

create table letter_template (
  id bigint generated always as identity primary key,
  unit_id bigint not null references letter_unit (id),
  type text not null check (type in ('instruksi_gubernur', 'surat_edaran', 'undangan', 'laporan', 'lainnya')),
  -- placeholders: {number} {date} {subject} {recipient} {signatory_name} {signatory_title} {unit} {place}
  body text not null,
  updated_at timestamptz not null default now(),
  unique (unit_id, type)
);

update role set permissions = permissions || array['letter.read'], updated_at = now()
  where key in ('ministry_officer', 'auditor') and not ('letter.read' = any (permissions));
update role set permissions = permissions || array['letter.read', 'letter.manage'], updated_at = now()
  where key in ('province_officer', 'regency_officer', 'head_of_office') and not ('letter.manage' = any (permissions));
