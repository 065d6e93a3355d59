-- 0010 — Two plan_targets lookups found by the deadline-wave benchmark (bench/dashboards.bench.ts, B4).
--
-- A commune's targets linked to given catalogue indicators (the computed values' refresh, on
-- every report submitted or task changed): with an index on indicator_id alone PostgreSQL
-- read every target of the indicator in the country and intersected it with the commune's
-- (5,400 index entries per indicator with 600 communes; 3.1 ms per submit, the costliest
-- statement of the wave). Keyed by (indicator_id, commune_id) it reads the commune's 9.
drop index plan_targets_indicator;
create index plan_targets_indicator on plan_targets (indicator_id, commune_id);

-- A unit's targets of a plan (the report form, every save and submit): PostgreSQL took the
-- plan and the reporting unit as independent and expected 1 row of 300, so it joined the
-- catalogue by scanning it once per target. The plan largely decides the unit; with that
-- dependency known it expects ~300 and hashes the catalogue once (1.6 → 0.5 ms).
create statistics plan_targets_plan_unit (dependencies) on plan_id, reporting_unit_id from plan_targets;
