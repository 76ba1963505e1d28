-- Letters linked to the closure programme and its sites with real foreign keys,
-- and the letterhead logo of a unit as a stored file.

-- letter.programme_id: a plain bigint until now (0008 came before the programme
-- table existed). A value naming no programme cannot become a link; such values
-- were never accepted through the API and are cleared before the key is added.
update letter set programme_id = null
  where programme_id is not null and not exists (select 1 from programme p where p.id = letter.programme_id);
alter table letter add constraint letter_programme_fk foreign key (programme_id) references programme (id);
create index letter_programme_idx on letter (programme_id) where programme_id is not null;

-- letter.site_ids bigint[] (no foreign key possible on array elements) becomes
-- the link table letter_site, keeping the order the ids were given in.
create table letter_site (
  letter_id bigint not null references letter (id) on delete cascade,
  site_id bigint not null references site (id),
  position integer not null check (position >= 0),
  primary key (letter_id, site_id)
);
create index letter_site_site_idx on letter_site (site_id);

insert into letter_site (letter_id, site_id, position)
select l.id, s.site_id, (min(s.ord) - 1)::integer
  from letter l
  cross join lateral unnest(l.site_ids) with ordinality as s (site_id, ord)
  where exists (select 1 from site where site.id = s.site_id)
  group by l.id, s.site_id;

alter table letter drop column site_ids;

-- The letterhead logo (PNG or JPEG) in the file store; the older logo_file (a
-- file name under DATA_DIR/letterheads) stays as a fallback.
alter table letter_unit add column logo_file_id bigint references stored_file (id);
