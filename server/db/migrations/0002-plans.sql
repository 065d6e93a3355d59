-- 0002 — Plans as data: the shared indicator catalogue, provinces' criteria sets, and each
-- commune's plans with their versions, targets (chỉ tiêu), tasks (nhiệm vụ), reporting
-- rules (chế độ báo cáo) and import drafts.

-- Indicator catalogue (danh mục chỉ tiêu): shared so a province compares like with like.
-- Reference table (replicated on Citus). province_id null = shared nationally.
create table indicators (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  unit text not null,
  domain text not null default 'other' check (domain in ('digital_government', 'digital_economy', 'digital_society', 'infrastructure', 'other')),
  description text,
  numerator text,
  denominator text,
  source text,
  aliases jsonb not null default '[]',
  province_id uuid references org_units (id),
  merged_into_id uuid references indicators (id),
  search_text text generated always as (lower(f_unaccent(name))) stored,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (merged_into_id is null or merged_into_id <> id)
);
comment on table indicators is 'Shared indicator catalogue; plan targets link to it so communes are compared like with like.';
create index indicators_search on indicators using gin (search_text gin_trgm_ops);

-- A province's criteria set for assessing its communes (e.g. a commune DTI: groups,
-- indicators, maximum points, scoring rule, evidence).
create table criteria_sets (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references org_units (id),
  name text not null,
  year integer,
  legal_basis text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index criteria_sets_province on criteria_sets (province_id);

create table criteria (
  id uuid primary key default gen_random_uuid(),
  set_id uuid not null references criteria_sets (id) on delete cascade,
  province_id uuid not null references org_units (id),
  group_name text not null,
  code text not null,
  name text not null,
  max_points numeric not null check (max_points >= 0),
  -- {"kind":"ratio","threshold":80} → ratio × max (full marks at the threshold), or
  -- {"kind":"steps","steps":[{"min":0,"points":0},{"min":50,"points":5}]}
  scoring jsonb not null,
  evidence text,
  indicator_id uuid references indicators (id),
  sort_order integer not null,
  unique (set_id, code)
);

-- A commune's plan (kế hoạch). Tenant-owned: commune_id / province_id on every row.
create table plans (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references org_units (id),
  commune_id uuid not null references org_units (id),
  title text not null,
  number text,
  issued_on date,
  period_from integer,
  period_to integer,
  signer_name text,
  signer_title text,
  current_version integer not null default 1,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  check (period_from is null or period_to is null or period_from <= period_to)
);
create index plans_commune on plans (commune_id, created_at desc);

-- Every saved state of a plan: a snapshot of its content and what changed from the one
-- before. Never updated; the history stays readable.
create table plan_versions (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id),
  province_id uuid not null,
  commune_id uuid not null,
  version_no integer not null,
  source_file_name text,
  source_format text,
  source_sha256 text,
  source_text text,
  snapshot jsonb not null,
  changes jsonb,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (plan_id, version_no)
);
create index plan_versions_commune on plan_versions (commune_id, plan_id);

create table plan_targets (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  province_id uuid not null,
  commune_id uuid not null,
  group_name text,
  text text not null,
  kind text not null check (kind in ('target', 'baseline')),
  comparator text not null check (comparator in ('>=', '>', '=', '<=', '<', 'range')),
  value numeric not null,
  value_max numeric,
  unit text not null,
  year integer,
  source_line integer,
  indicator_id uuid references indicators (id),
  indicator_link text check (indicator_link in ('suggested', 'confirmed')),
  sort_order integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((comparator = 'range') = (value_max is not null)),
  check (indicator_link is null or indicator_id is not null)
);
create index plan_targets_plan on plan_targets (commune_id, plan_id, sort_order);
create index plan_targets_indicator on plan_targets (indicator_id);

create table plan_tasks (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  province_id uuid not null,
  commune_id uuid not null,
  group_name text,
  title text not null,
  lead_text text,
  lead_unit_id uuid references org_units (id),
  partners jsonb not null default '[]',
  from_year integer,
  to_year integer,
  expected text,
  source_line integer,
  sort_order integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (from_year is null or to_year is null or from_year <= to_year)
);
create index plan_tasks_plan on plan_tasks (commune_id, plan_id, sort_order);

create table plan_reporting_rules (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  province_id uuid not null,
  commune_id uuid not null,
  cycle text not null check (cycle in ('quarterly', 'half-year', 'nine-month', 'annual', 'ad-hoc')),
  reporter text,
  recipient text,
  deadline_text text,
  day integer check (day between 1 and 31),
  month integer check (month between 1 and 12),
  sort_order integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_reporting_rules_plan on plan_reporting_rules (commune_id, plan_id);

-- An uploaded document being reviewed before it becomes a plan (or a plan's new version).
-- The review is saved as the officer works, so nothing is lost if the page closes.
create table plan_imports (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null references org_units (id),
  plan_id uuid references plans (id),
  file_name text not null,
  format text not null,
  sha256 text not null,
  byte_size integer not null,
  encoding text,
  warnings jsonb not null default '[]',
  source_text text not null,
  extraction jsonb not null,
  review jsonb,
  status text not null default 'draft' check (status in ('draft', 'committed', 'discarded')),
  committed_version integer,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_imports_commune on plan_imports (commune_id, created_at desc);
