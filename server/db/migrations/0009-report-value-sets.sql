-- 0009 — A unit report's values as one document per submission (bộ số liệu của một báo cáo).
--
-- A unit's report is a form: its values are always written together (save, or save and
-- submit) and read together (the report page, its approval, the commune report). Stored as
-- one row per value they cost PostgreSQL a row, three index entries and two foreign-key
-- checks each: at the deadline wave (bench/dashboards.bench.ts, B4: 3,321 communes × 300
-- values through the API) the 300-row INSERT took ≈ 41 ms of each report's time
-- (pg_stat_statements), more than everything else together. Kept as one JSONB array per
-- submission it is one row written. Each entry is checked against the unit's targets by
-- the service before it is written (reporting.service.ts, checkedValues), so the
-- per-value foreign key to plan_targets is not needed; and a target removed from a plan no
-- longer deletes what a unit reported for it (the old ON DELETE CASCADE did): readers join
-- the entries to the targets that exist.
--
-- The analytics side stays normalised: an approval writes each value to indicator_values,
-- which the dashboards read (0005).
create table report_value_sets (
  submission_id uuid primary key references report_submissions (id) on delete cascade,
  province_id uuid not null,
  commune_id uuid not null,
  -- [{"targetId", "value", "numerator", "denominator", "note", "warning"}], one per target sent
  items jsonb not null check (jsonb_typeof(items) = 'array'),
  updated_at timestamptz not null default now()
);

insert into report_value_sets (submission_id, province_id, commune_id, items)
select v.submission_id, v.province_id, v.commune_id,
  jsonb_agg(jsonb_build_object('targetId', v.target_id, 'value', v.value, 'numerator', v.numerator, 'denominator', v.denominator, 'note', v.note, 'warning', v.warning) order by t.sort_order, v.target_id)
from report_values v
left join plan_targets t on t.id = v.target_id
group by v.submission_id, v.province_id, v.commune_id;

drop table report_values;
