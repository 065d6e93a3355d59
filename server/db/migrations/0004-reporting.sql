-- 0004 — Periodic reporting (báo cáo định kỳ, NĐ 09/2019/NĐ-CP): the reporting calendar
-- generated from a plan's own rules, units' submissions of target values and narratives,
-- review, and the commune report compiled, signed and sent up to the province.

-- Which unit reports a target's value (the plan officer can change it).
alter table plan_targets add column reporting_unit_id uuid references org_units (id);

-- One reporting period of a plan at one level: units → the commune's standing office, or
-- the commune → the province. Each with its data-closing window and deadline.
create table reporting_periods (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null references org_units (id),
  plan_id uuid not null references plans (id) on delete cascade,
  rule_id uuid references plan_reporting_rules (id) on delete set null,
  level text not null check (level in ('unit', 'commune')),
  code text not null,
  kind text not null check (kind in ('month', 'quarter', 'half-year', 'nine-month', 'annual')),
  label text not null,
  start_on date not null,
  end_on date not null,
  closing_start date not null,
  closing_end date not null,
  due_on date not null,
  deadline_text text,
  recipient text,
  legal_basis text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, level, code),
  check (start_on <= end_on and closing_start <= closing_end)
);
create index reporting_periods_commune on reporting_periods (commune_id, due_on);

-- A unit's submission for a period: values of its targets and a narrative per task.
create table report_submissions (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null,
  period_id uuid not null references reporting_periods (id) on delete cascade,
  unit_id uuid not null references org_units (id),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'approved')),
  submitted_at timestamptz,
  submitted_by uuid references users (id),
  is_late boolean,
  review_comment text,
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  general_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (period_id, unit_id)
);
create index report_submissions_commune on report_submissions (commune_id, period_id);

create table report_values (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null,
  submission_id uuid not null references report_submissions (id) on delete cascade,
  target_id uuid not null references plan_targets (id) on delete cascade,
  value numeric,
  numerator numeric,
  denominator numeric,
  note text,
  warning text,
  unique (submission_id, target_id),
  check (denominator is null or denominator > 0),
  check (numerator is null or denominator is null or numerator <= denominator)
);
create index report_values_target on report_values (commune_id, target_id);

create table report_narratives (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null,
  submission_id uuid not null references report_submissions (id) on delete cascade,
  plan_task_id uuid references plan_tasks (id) on delete set null,
  task_title text not null,
  done text,
  difficulties text,
  proposals text,
  unique (submission_id, plan_task_id)
);

-- What happened to a submission, in order. Append-only: the history of a report is never rewritten.
create table report_events (
  id bigint generated always as identity primary key,
  province_id uuid not null,
  commune_id uuid not null,
  submission_id uuid references report_submissions (id) on delete cascade,
  commune_report_id uuid,
  kind text not null check (kind in ('submitted', 'returned', 'approved', 'compiled', 'signed', 'sent', 'received')),
  actor_id uuid references users (id),
  comment text,
  at timestamptz not null default now()
);
comment on table report_events is 'Append-only history of unit submissions and commune reports (submitted, returned, approved, signed, sent, received).';
create index report_events_submission on report_events (commune_id, submission_id, id);

-- The commune's report for a period: compiled from approved submissions, signed off by the
-- leader, sent up to the province. `document` is the compiled content, frozen at signing.
create table commune_reports (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null references org_units (id),
  period_id uuid not null references reporting_periods (id) on delete cascade,
  status text not null default 'draft' check (status in ('draft', 'signed', 'sent', 'received')),
  number text,
  difficulties text,
  proposals text,
  document jsonb,
  signed_by uuid references users (id),
  signed_at timestamptz,
  sent_at timestamptz,
  is_late boolean,
  received_by uuid references users (id),
  received_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (period_id)
);
create index commune_reports_province on commune_reports (province_id, status);

-- The person's post (chức vụ), e.g. "Chủ tịch", "Phó Chủ tịch": it decides the signature
-- block of official documents (TM. / KT., NĐ 30/2020/NĐ-CP).
alter table users add column job_title text;
