-- 0005 — Live attainment: indicator values with their provenance, and the per-target
-- rollup that dashboards read (kept current in the transaction that approves a value, so a
-- dashboard never scans history during a request).

create table indicator_values (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null,
  commune_id uuid not null,
  target_id uuid not null references plan_targets (id) on delete cascade,
  indicator_id uuid references indicators (id),
  period_code text not null,
  period_end date not null,
  value numeric not null,
  numerator numeric,
  denominator numeric,
  -- report: an approved unit report; computed: the platform's own records; import: a file.
  source text not null check (source in ('report', 'computed', 'import')),
  source_ref text,
  produced_by uuid references users (id),
  produced_at timestamptz not null default now(),
  unique (target_id, period_code, source)
);
comment on table indicator_values is 'Every value of a plan target for a period, with where it came from (source, source_ref) and who produced it.';
create index indicator_values_target on indicator_values (commune_id, target_id, period_end);

-- One row per target: its latest value, attainment and status. Written on every new value.
create table target_latest (
  target_id uuid primary key references plan_targets (id) on delete cascade,
  province_id uuid not null,
  commune_id uuid not null,
  indicator_id uuid references indicators (id),
  value numeric not null,
  period_code text not null,
  period_end date not null,
  attainment numeric,
  status text not null check (status in ('reached', 'on_track', 'at_risk', 'off_track', 'no_data')),
  source text not null,
  updated_at timestamptz not null default now()
);
create index target_latest_commune on target_latest (commune_id);
create index target_latest_province_indicator on target_latest (province_id, indicator_id);
create index target_latest_indicator on target_latest (indicator_id);
