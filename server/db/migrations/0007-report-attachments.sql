-- 0007 — Attachments of units' report submissions (tài liệu kèm theo báo cáo): the evidence a
-- unit sends with its periodic report (minutes, photos, lists in Word or Excel). The bytes live
-- in `files` like a task's evidence (0003 explains why in the database), owned by the
-- submission; this table links them to it, so deleting a submission takes its attachments
-- with it and the compiled commune report can list them per unit.
-- Forward-only; runs unchanged on PGlite and PostgreSQL 15.

-- `files` now also holds report attachments. (PostgreSQL names an unnamed column check
-- <table>_<column>_check, on both databases.)
alter table files drop constraint files_owner_type_check;
alter table files add constraint files_owner_type_check check (owner_type in ('task', 'report_submission'));

create table report_attachments (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null,
  submission_id uuid not null references report_submissions (id) on delete cascade,
  -- One file, one attachment: the file's owner_id is this submission.
  file_id uuid not null unique references files (id) on delete cascade,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
comment on table report_attachments is 'Files a unit attaches to its report submission (added or removed only while the submission is a draft or returned); bytes in files.';
create index report_attachments_submission on report_attachments (commune_id, submission_id, created_at);
