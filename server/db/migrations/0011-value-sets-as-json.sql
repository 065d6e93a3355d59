-- 0011 — A unit report's value set (report_value_sets.items, 0009) is kept as json text,
-- compressed with lz4 where the server has it.
--
-- Measured for the deadline wave (bench/dashboards.bench.ts, B4), inserting the same
-- 300-value set 600 times: jsonb parses every entry into its binary form (keys sorted, numbers
-- converted) before pglz compresses it; the set is always written whole and read whole and
-- never searched inside, so that work buys nothing. As json the text is checked and kept —
-- half the time; with lz4 compression instead of pglz, a sixth to an eighth. The readers open
-- it with json_to_recordset as they did with jsonb_to_recordset.
alter table report_value_sets drop constraint report_value_sets_items_check;
alter table report_value_sets alter column items type json using items::json;
alter table report_value_sets add constraint report_value_sets_items_check check (json_typeof(items) = 'array');

-- PGlite is built without lz4 (it refuses with feature_not_supported): there the default
-- compression stays.
do $$
begin
  alter table report_value_sets alter column items set compression lz4;
exception when feature_not_supported then
  null;
end
$$;
