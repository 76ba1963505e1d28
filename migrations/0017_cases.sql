-- Rehabilitation cases (issue 6): one case per person per programme, held by the
-- regency/city office of the person, assigned to a case worker (pendamping) and
-- supervised by a head of office. The case worker's caseload is the set of open
-- cases assigned to her; person.assigned_user_id mirrors the latest assignment so
-- that the registry's caseload reach (reveal, read) follows the case.

create table rehab_case (
  id bigint generated always as identity primary key,
  person_id bigint not null references person (id),
  programme_id bigint not null references programme (id),
  -- the scope anchor, copied from the person when the case opens
  regency_code text not null references region (code),
  status text not null default 'intake' check (status in
    ('intake', 'assessment', 'plan', 'services', 'follow_up', 'closed')),
  assigned_user_id bigint references app_user (id),
  supervisor_user_id bigint references app_user (id),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  closure_reason text,
  -- optimistic concurrency: every change bumps it
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (person_id, programme_id),
  check ((status = 'closed') = (closed_at is not null))
);
create index rehab_case_regency_idx on rehab_case (regency_code, status);
create index rehab_case_assigned_idx on rehab_case (assigned_user_id) where assigned_user_id is not null;
create index rehab_case_programme_idx on rehab_case (programme_id);

-- Who held the case and when (reassignment is audited and kept).
create table rehab_case_assignment (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  user_id bigint references app_user (id),
  role text not null check (role in ('case_worker', 'supervisor')),
  reason text not null default '',
  assigned_by bigint references app_user (id),
  assigned_at timestamptz not null default now()
);
create index rehab_case_assignment_case_idx on rehab_case_assignment (case_id);

-- Status history, including closure requests/approvals and reopenings.
create table rehab_case_event (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  kind text not null,
  from_status text,
  to_status text,
  reason text not null default '',
  actor_id bigint references app_user (id),
  at timestamptz not null default now()
);
create index rehab_case_event_case_idx on rehab_case_event (case_id);

update role set permissions = array_append(permissions, 'case.manage'), updated_at = now()
  where key in ('regency_officer', 'case_worker') and not ('case.manage' = any (permissions));
update role set permissions = array_append(permissions, 'case.supervise'), updated_at = now()
  where key in ('head_of_office') and not ('case.supervise' = any (permissions));

-- ---- The case core (issue 6, part A): closure requests, assessments, plans, notes, tasks ----

-- A closure is requested by the case worker (with closure_reason) and approved by a
-- supervisor who is not the requester; the pending request lives on the case.
alter table rehab_case add column closure_requested_by bigint references app_user (id);
alter table rehab_case add column closure_requested_at timestamptz;

-- Assessment forms as data: {sections: [{key, title, questions: [...]}]} (src/common/case-forms.ts).
-- A form is identified by its key; every change is a new version, old versions stay
-- (assessments point to the version they were filled in).
create table case_assessment_form (
  id bigint generated always as identity primary key,
  key text not null check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  version integer not null,
  title_id text not null,
  title_en text not null,
  definition jsonb not null,
  note text not null default '',
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  unique (key, version)
);

-- A case's assessments in versions: a draft is edited, a submitted one is locked; a
-- correction is a new version linked to the previous one. The answers are sealed
-- (envelope encryption, AAD case-assessment/<case>/<version>); score and flags are
-- computed from the form on submission.
create table case_assessment (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  form_id bigint not null references case_assessment_form (id),
  version integer not null,
  previous_id bigint references case_assessment (id),
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  answers_ct bytea not null,
  dek_wrapped bytea not null,
  key_id text not null,
  score integer,
  flags text[] not null default '{}',
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_by bigint references app_user (id),
  submitted_at timestamptz,
  unique (case_id, version),
  check ((status = 'submitted') = (submitted_at is not null))
);
create unique index case_assessment_one_draft on case_assessment (case_id) where status = 'draft';

-- Rehabilitation plans in versions: goals and ATENSI services, sealed (AAD
-- case-plan/<case>/<version>); components are kept plain for reporting.
create table case_plan (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  version integer not null,
  previous_id bigint references case_plan (id),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned')),
  content_ct bytea not null,
  dek_wrapped bytea not null,
  key_id text not null,
  components text[] not null default '{}',
  return_reason text not null default '',
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_by bigint references app_user (id),
  submitted_at timestamptz,
  decided_by bigint references app_user (id),
  decided_at timestamptz,
  unique (case_id, version)
);
create unique index case_plan_one_open on case_plan (case_id) where status in ('draft', 'submitted', 'returned');

-- Case notes: the text sealed (AAD case-note/<case>/<uuid>); a confidential note's text
-- is shown only to the case's worker, its supervisor and the author.
create table case_note (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  ref text not null unique,
  confidential boolean not null default false,
  body_ct bytea not null,
  dek_wrapped bytea not null,
  key_id text not null,
  author_id bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index case_note_case_idx on case_note (case_id);

create table case_note_attachment (
  note_id bigint not null references case_note (id),
  file_id bigint not null references stored_file (id),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  primary key (note_id, file_id)
);

-- Tasks with due dates (a title says what to do, not about whom: no identity in it).
create table case_task (
  id bigint generated always as identity primary key,
  case_id bigint not null references rehab_case (id),
  title text not null check (length(title) between 2 and 300),
  due_date date not null,
  done_at timestamptz,
  done_by bigint references app_user (id),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index case_task_open_idx on case_task (case_id, due_date) where done_at is null;

-- Assessment forms are configured by administrators and provincial officers.
update role set permissions = array_append(permissions, 'case.configure'), updated_at = now()
  where key in ('admin', 'province_officer') and not ('case.configure' = any (permissions));

-- The default ATENSI assessment (Asistensi Rehabilitasi Sosial): needs, skills and work
-- history, education, family, health and referral needs, safety risks, the wish to
-- return home or stay, and a business idea. Scores and flags where an option defines them.
insert into case_assessment_form (key, version, title_id, title_en, definition, note) values ('atensi', 1,
  'Asesmen ATENSI', 'ATENSI assessment', $json$
{"sections": [
 {"key": "needs", "title": {"id": "Kebutuhan", "en": "Needs"}, "questions": [
  {"key": "basic_needs", "kind": "multiple_choice", "required": true, "label": {"id": "Kebutuhan dasar yang belum terpenuhi", "en": "Basic needs not met"}, "options": [
   {"value": "food", "label": {"id": "Makanan", "en": "Food"}, "score": 2},
   {"value": "shelter", "label": {"id": "Tempat tinggal", "en": "Shelter"}, "score": 2, "flag": "needs_shelter"},
   {"value": "clothing", "label": {"id": "Pakaian", "en": "Clothing"}, "score": 1},
   {"value": "documents", "label": {"id": "Dokumen kependudukan", "en": "Civil documents"}, "score": 1, "flag": "needs_documents"},
   {"value": "none", "label": {"id": "Tidak ada", "en": "None"}, "score": 0}]},
  {"key": "needs_note", "kind": "text", "label": {"id": "Catatan kebutuhan", "en": "Notes on needs"}}]},
 {"key": "skills_work", "title": {"id": "Keterampilan dan riwayat kerja", "en": "Skills and work history"}, "questions": [
  {"key": "skills", "kind": "multiple_choice", "label": {"id": "Keterampilan yang dimiliki", "en": "Skills"}, "options": [
   {"value": "sewing", "label": {"id": "Menjahit", "en": "Sewing"}},
   {"value": "cooking", "label": {"id": "Memasak", "en": "Cooking"}},
   {"value": "salon", "label": {"id": "Salon", "en": "Salon"}},
   {"value": "handicraft", "label": {"id": "Kerajinan tangan", "en": "Handicrafts"}},
   {"value": "trading", "label": {"id": "Berdagang", "en": "Trading"}},
   {"value": "other", "label": {"id": "Lainnya", "en": "Other"}}]},
  {"key": "work_history", "kind": "text", "label": {"id": "Riwayat pekerjaan", "en": "Work history"}},
  {"key": "years_in_site", "kind": "number", "label": {"id": "Lama tinggal di lokalisasi (tahun)", "en": "Years at the site"}, "flag": {"code": "long_stay", "above": 10}}]},
 {"key": "education", "title": {"id": "Pendidikan", "en": "Education"}, "questions": [
  {"key": "education_level", "kind": "single_choice", "required": true, "label": {"id": "Pendidikan terakhir", "en": "Highest education"}, "options": [
   {"value": "none", "label": {"id": "Tidak sekolah", "en": "None"}, "score": 2},
   {"value": "sd", "label": {"id": "SD", "en": "Primary"}, "score": 1},
   {"value": "smp", "label": {"id": "SMP", "en": "Junior secondary"}, "score": 0},
   {"value": "sma", "label": {"id": "SMA/SMK", "en": "Senior secondary"}, "score": 0},
   {"value": "higher", "label": {"id": "Perguruan tinggi", "en": "Higher education"}, "score": 0}]},
  {"key": "can_read", "kind": "yes_no", "required": true, "label": {"id": "Dapat membaca dan menulis", "en": "Can read and write"}, "options": [
   {"value": "no", "label": {"id": "Tidak", "en": "No"}, "score": 2, "flag": "literacy_support"}]}]},
 {"key": "family", "title": {"id": "Situasi keluarga", "en": "Family situation"}, "questions": [
  {"key": "dependants", "kind": "number", "label": {"id": "Jumlah tanggungan", "en": "Number of dependants"}, "flag": {"code": "many_dependants", "above": 3}},
  {"key": "family_knows", "kind": "yes_no", "label": {"id": "Keluarga mengetahui situasinya", "en": "The family knows her situation"}},
  {"key": "family_note", "kind": "text", "label": {"id": "Catatan keluarga", "en": "Notes on the family"}}]},
 {"key": "health", "title": {"id": "Kesehatan dan kebutuhan rujukan", "en": "Health and referral needs"}, "questions": [
  {"key": "health_referral", "kind": "multiple_choice", "label": {"id": "Kebutuhan rujukan kesehatan", "en": "Health referral needs"}, "options": [
   {"value": "general", "label": {"id": "Kesehatan umum", "en": "General health"}, "score": 1, "flag": "health_referral"},
   {"value": "reproductive", "label": {"id": "Kesehatan reproduksi", "en": "Reproductive health"}, "score": 1, "flag": "health_referral"},
   {"value": "hiv", "label": {"id": "Layanan HIV", "en": "HIV services"}, "score": 2, "flag": "health_referral"},
   {"value": "mental", "label": {"id": "Kesehatan jiwa", "en": "Mental health"}, "score": 2, "flag": "health_referral"},
   {"value": "none", "label": {"id": "Tidak ada", "en": "None"}, "score": 0}]},
  {"key": "has_bpjs", "kind": "yes_no", "label": {"id": "Memiliki BPJS Kesehatan/KIS", "en": "Has BPJS health insurance"}, "options": [
   {"value": "no", "label": {"id": "Tidak", "en": "No"}, "score": 1, "flag": "needs_insurance"}]}]},
 {"key": "safety", "title": {"id": "Risiko keselamatan", "en": "Safety risks"}, "questions": [
  {"key": "threatened", "kind": "yes_no", "required": true, "label": {"id": "Ada ancaman dari pihak lain (mucikari, pasangan, penagih utang)", "en": "Threatened by others (pimp, partner, debt collector)"}, "options": [
   {"value": "yes", "label": {"id": "Ya", "en": "Yes"}, "score": 3, "flag": "safety_risk"}]},
  {"key": "debt", "kind": "yes_no", "label": {"id": "Memiliki utang kepada pengelola lokalisasi", "en": "In debt to the site's managers"}, "options": [
   {"value": "yes", "label": {"id": "Ya", "en": "Yes"}, "score": 2, "flag": "debt_bondage"}]},
  {"key": "safety_note", "kind": "text", "label": {"id": "Catatan keselamatan", "en": "Notes on safety"}}]},
 {"key": "return_wish", "title": {"id": "Keinginan pulang atau menetap", "en": "Wish to return home or stay"}, "questions": [
  {"key": "wish", "kind": "single_choice", "required": true, "label": {"id": "Keinginan setelah penutupan", "en": "Wish after the closure"}, "options": [
   {"value": "return_home", "label": {"id": "Pulang ke daerah asal", "en": "Return home"}, "flag": "return_home"},
   {"value": "stay", "label": {"id": "Menetap di daerah ini", "en": "Stay here"}},
   {"value": "undecided", "label": {"id": "Belum memutuskan", "en": "Undecided"}}]}]},
 {"key": "business", "title": {"id": "Rencana usaha", "en": "Business idea"}, "questions": [
  {"key": "business_idea", "kind": "text", "label": {"id": "Gagasan usaha", "en": "Business idea"}},
  {"key": "wants_training", "kind": "yes_no", "label": {"id": "Ingin mengikuti pelatihan keterampilan", "en": "Wants skills training"}, "options": [
   {"value": "yes", "label": {"id": "Ya", "en": "Yes"}, "flag": "training_interest"}]}]}
]}
$json$, 'Formulir bawaan');
