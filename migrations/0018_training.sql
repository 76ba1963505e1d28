-- Vocational training of rehabilitation cases (issue 6): a course catalogue, course
-- runs (cohorts) with meeting days, enrolment of cases, attendance per meeting day,
-- and certificates for enrolments that met the course's completion rule.

-- A course of the catalogue. region_code: the office whose catalogue it belongs to
-- (a province or a regency/city), or null for the national catalogue seen everywhere.
-- The completion rule: at least min_attendance_pct % of a run's meeting days attended.
create table training_course (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z0-9_]{2,40}$'),
  name_id text not null check (length(name_id) between 2 and 200),
  name_en text not null check (length(name_en) between 2 and 200),
  description text not null default '',
  provider text not null default '',
  min_attendance_pct integer not null default 80 check (min_attendance_pct between 1 and 100),
  -- hours of one meeting day, the default of each new day (certificates count hours)
  hours_per_day numeric(4, 1) not null default 4 check (hours_per_day > 0 and hours_per_day <= 24),
  region_code text references region (code),
  active boolean not null default true,
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index training_course_region_idx on training_course (region_code);

-- A run (cohort) of a course held by an office (province or regency/city).
create table training_run (
  id bigint generated always as identity primary key,
  course_id bigint not null references training_course (id),
  region_code text not null references region (code),
  title text not null check (length(title) between 2 and 200),
  starts_on date not null,
  ends_on date not null,
  location text not null check (length(location) between 2 and 300),
  trainer text not null default '',
  capacity integer check (capacity is null or capacity between 1 and 1000),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index training_run_course_idx on training_run (course_id);
create index training_run_region_idx on training_run (region_code, starts_on);

-- The meeting days of a run (one row per date).
create table training_meeting (
  id bigint generated always as identity primary key,
  run_id bigint not null references training_run (id),
  meeting_date date not null,
  hours numeric(4, 1) not null check (hours > 0 and hours <= 24),
  topic text not null default '',
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  unique (run_id, meeting_date)
);

-- A case enrolled in a run. regency_code: the case's, the scope anchor of the record.
create table training_enrolment (
  id bigint generated always as identity primary key,
  run_id bigint not null references training_run (id),
  case_id bigint not null references rehab_case (id),
  regency_code text not null references region (code),
  status text not null default 'enrolled' check (status in ('enrolled', 'withdrawn')),
  withdrawn_at timestamptz,
  withdraw_reason text,
  withdrawn_by bigint references app_user (id),
  -- given at the first print of the certificate and kept for reprints
  certificate_number text unique,
  certificate_issued_at timestamptz,
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'withdrawn') = (withdrawn_at is not null and withdraw_reason is not null)),
  check ((certificate_number is null) = (certificate_issued_at is null))
);
create unique index training_enrolment_one_active on training_enrolment (run_id, case_id) where status = 'enrolled';
create index training_enrolment_case_idx on training_enrolment (case_id);

-- Attendance of one enrolment on one meeting day.
create table training_attendance (
  enrolment_id bigint not null references training_enrolment (id),
  meeting_id bigint not null references training_meeting (id),
  status text not null check (status in ('present', 'absent', 'excused')),
  recorded_by bigint references app_user (id),
  recorded_at timestamptz not null default now(),
  primary key (enrolment_id, meeting_id)
);
create index training_attendance_meeting_idx on training_attendance (meeting_id);

-- The national default catalogue.
insert into training_course (code, name_id, name_en, description, hours_per_day) values
  ('menjahit', 'Menjahit', 'Sewing', 'Menjahit pakaian dan usaha konveksi rumahan.', 4),
  ('tata_boga', 'Tata boga', 'Cooking and catering', 'Memasak, kue dan usaha katering.', 4),
  ('salon', 'Tata rias dan salon', 'Beauty salon', 'Tata rias, perawatan rambut dan usaha salon.', 4),
  ('kerajinan_tangan', 'Kerajinan tangan', 'Handicrafts', 'Anyaman, manik-manik dan kerajinan untuk dijual.', 4);

-- Courses, runs and meeting days: the provincial and regency/city Dinsos offices.
update role set permissions = array_append(permissions, 'training.manage'), updated_at = now()
  where key in ('province_officer', 'regency_officer') and not ('training.manage' = any (permissions));
