-- 0008 — An index found by the national dashboard benchmark (bench/dashboards.bench.ts, B3).
--
-- A plan's targets are read by plan id: the commune dashboard (targets with their rollup
-- rows), a unit's report form (the unit's targets of the plan) and the reporting calendar.
-- The existing plan_targets_plan index leads with commune_id, which those queries do not
-- give, so with 3,321 communes × 100 targets every read was a parallel sequential scan of
-- 332,100 rows (58 ms on PostgreSQL 15, 2 cores); with this index it reads 100 rows (2 ms).
create index plan_targets_plan_order on plan_targets (plan_id, sort_order);
