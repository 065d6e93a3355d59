-- 0003 — Tasks by "6 rõ" (nhiệm vụ: rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ thẩm
-- quyền, rõ kết quả — Kết luận 226-KL/TW), their append-only action log, evidence files
-- (minh chứng), in-app notifications and the e-mail outbox.
-- Forward-only; runs unchanged on PGlite and PostgreSQL 15. Every tenant table carries
-- province_id and commune_id, and its indexes lead with commune_id (Citus: distributed by it).

-- Uploaded files (evidence, later other attachments). The bytes live in the database as
-- bytea, on purpose: backup/restore (one JSON stream of every table), PGlite and PostgreSQL
-- all carry them with no second storage to configure, copy or lose. Evidence is small
-- (EVIDENCE_MAX_BYTES, default 10 MB); a commune's whole evidence is a few hundred MB.
create table files (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references org_units (id),
  commune_id uuid not null references org_units (id),
  -- What the file belongs to ('task' + the task id), so a download is checked against it.
  owner_type text not null check (owner_type in ('task')),
  owner_id uuid not null,
  file_name text not null,
  -- Detected from the content (magic bytes), never taken from the extension or the browser.
  media_type text not null,
  byte_size integer not null check (byte_size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
comment on table files is 'Uploaded files as bytea (backup/restore and both databases carry them); type detected by magic bytes, SHA-256 kept for integrity.';
create index files_owner on files (commune_id, owner_type, owner_id);

-- A tracked task (nhiệm vụ được giao). One lead unit and one responsible person (rõ người),
-- the expected product (rõ kết quả), start and due date (rõ thời gian), the approving authority
-- (rõ thẩm quyền). The status columns are a denormalised copy of the fold of task_actions,
-- written only in the transaction that appends the action, so lists need no fold.
create table tasks (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references org_units (id),
  commune_id uuid not null references org_units (id),
  plan_id uuid references plans (id),
  -- A plan item can be deleted by a plan re-import; the tracked task and its history stay.
  plan_task_id uuid references plan_tasks (id) on delete set null,
  group_name text,
  source text not null check (source in ('plan', 'meeting', 'letter', 'other')),
  source_ref text,
  title text not null,
  description text,
  lead_unit_id uuid not null references org_units (id),
  assignee_id uuid not null references users (id),
  approver_id uuid not null references users (id),
  approving_authority text not null,
  expected_product text not null,
  start_date date not null,
  due_date date not null,
  status text not null default 'assigned' check (status in ('assigned', 'in_progress', 'submitted', 'verified', 'returned')),
  percent integer not null default 0 check (percent between 0 and 100),
  submitted_on date,
  verified_on date,
  last_seq integer not null default 0,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (due_date >= start_date),
  check (source = 'plan' or source_ref is not null)
);
create index tasks_commune_unit on tasks (commune_id, lead_unit_id, status);
create index tasks_commune_assignee on tasks (commune_id, assignee_id, due_date);
create index tasks_commune_approver on tasks (commune_id, approver_id) where status = 'submitted';
create index tasks_commune_due on tasks (commune_id, due_date, id);
create index tasks_commune_plan on tasks (commune_id, plan_id, group_name);
create index tasks_plan_task on tasks (plan_task_id);
-- The reminder scan reads every commune's open tasks by due date in one statement.
create index tasks_open_due on tasks (due_date) where status in ('assigned', 'in_progress', 'returned');

-- Partner units (đơn vị phối hợp): they see and comment, the lead unit works.
create table task_partners (
  task_id uuid not null references tasks (id),
  org_unit_id uuid not null references org_units (id),
  province_id uuid not null,
  commune_id uuid not null,
  primary key (task_id, org_unit_id)
);
create index task_partners_unit on task_partners (commune_id, org_unit_id);

-- The plan targets (chỉ tiêu) a task serves. A target deleted by a plan re-import drops the link.
create table task_targets (
  task_id uuid not null references tasks (id),
  plan_target_id uuid not null references plan_targets (id) on delete cascade,
  province_id uuid not null,
  commune_id uuid not null,
  primary key (task_id, plan_target_id)
);
create index task_targets_commune on task_targets (commune_id, plan_target_id);

-- Milestones (mốc): the plan's "2026–2030" span cut into years or quarters, adjustable.
create table task_milestones (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id),
  province_id uuid not null,
  commune_id uuid not null,
  title text not null,
  due_date date not null,
  reached_on date,
  sort_order integer not null
);
create index task_milestones_task on task_milestones (commune_id, task_id, sort_order);

-- The action log of a task. Append-only: the status, who did what and when, the evidence and
-- the reasons for a return are the record of the work and can never be rewritten. The trigger
-- below refuses UPDATE and DELETE (TRUNCATE, used only by `xaso restore`, is not a row event).
create table task_actions (
  id bigint generated always as identity primary key,
  task_id uuid not null references tasks (id),
  province_id uuid not null,
  commune_id uuid not null,
  -- 1, 2, 3 … per task; unique, so two concurrent appends cannot both win.
  seq integer not null,
  kind text not null check (kind in ('assign', 'edit', 'progress', 'evidence', 'submit', 'verify', 'return', 'comment')),
  actor_id uuid references users (id),
  actor_name text not null,
  at timestamptz not null default now(),
  -- The Vietnamese local date of the action: deadlines compare dates, not instants.
  on_date date not null,
  percent integer check (percent between 0 and 100),
  note text,
  details jsonb not null default '{}',
  unique (task_id, seq)
);
comment on table task_actions is 'Append-only action log of a task (assign, progress, evidence, submit, verify, return, comment); status is derived from it. UPDATE and DELETE are refused by a trigger.';
create index task_actions_task on task_actions (commune_id, task_id, seq);

create function task_actions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'task_actions is append-only (nhật ký nhiệm vụ chỉ được ghi thêm)' using errcode = '55000';
end $$;
create trigger task_actions_no_rewrite before update or delete on task_actions
  for each row execute function task_actions_append_only();

-- In-app notifications (thông báo). dedupe_key makes each reminder happen once, however often
-- the scan runs or however many servers run it.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null,
  user_id uuid not null references users (id),
  kind text not null,
  title text not null,
  body text not null,
  record_type text,
  record_id uuid,
  dedupe_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (commune_id, dedupe_key)
);
create index notifications_user on notifications (commune_id, user_id, created_at desc);
create index notifications_user_unread on notifications (user_id, created_at desc) where read_at is null;

-- E-mail outbox (hộp thư đi). Written in the same transaction as what causes the mail, sent
-- later by the sender with retries and backoff, so a mail server that is down loses nothing.
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null,
  to_address text not null,
  subject text not null,
  body_text text not null,
  dedupe_key text,
  status text not null default 'unsent' check (status in ('unsent', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (commune_id, dedupe_key)
);
create index mail_outbox_commune on mail_outbox (commune_id, created_at);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'unsent';
