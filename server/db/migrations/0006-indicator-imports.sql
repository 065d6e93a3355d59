-- 0006 — Indicator values from the platform's own records (computed) and from files
-- (import): what produced a value and the link to the records behind it, and the staging
-- table where an uploaded file waits, row by row, until a person confirms its good rows.

-- What produced the value, in words ("Mô-đun nhiệm vụ của Xã Số", 'Tệp "so-lieu.xlsx", dòng 7');
-- produced_by stays the person (null for a value the platform computed itself).
alter table indicator_values add column producer text;
-- Where the records behind a value are (for a computed value: the task list filter or the
-- reporting calendar, as an API query), so a person can check the number.
alter table indicator_values add column source_link text;

-- An uploaded .csv / .xlsx of values: parsed and checked row by row on upload, kept here so
-- the preview survives a reload; nothing reaches indicator_values until 'confirm'.
-- A file may span several communes of a province (a province officer's file): commune_id is
-- then null and province_id names the province; a commune-level file carries its commune.
create table indicator_imports (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references org_units (id),
  commune_id uuid references org_units (id),
  file_name text not null,
  format text not null check (format in ('csv', 'xlsx')),
  status text not null default 'preview' check (status in ('preview', 'imported', 'discarded')),
  -- [{ row, communeCode, indicatorCode, targetId, period, value, numerator, denominator, errors[] … }]
  rows jsonb not null,
  total_rows integer not null,
  bad_rows integer not null,
  imported_rows integer,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
comment on table indicator_imports is 'Staged value files (.csv/.xlsx) with a row-level preview; imported only when a person confirms the good rows.';
create index indicator_imports_commune on indicator_imports (commune_id, created_at);
create index indicator_imports_province on indicator_imports (province_id, created_at);
create index indicator_imports_creator on indicator_imports (created_by, created_at);

-- Catalogue entries for the figures the platform computes from its tasks and reports. A
-- fresh database gets them from catalogue.json (loaded after the migrations, only into an
-- empty catalogue), so insert here only into a catalogue that is already loaded.
insert into indicators (code, name, unit, domain, aliases, numerator, denominator, source)
select v.code, v.name, '%', 'digital_government', v.aliases::jsonb, v.numerator, v.denominator, v.source
from (values
  ('CQS-16', 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn', '["nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ được giao hoàn thành đúng hạn"]', 'Số nhiệm vụ hoàn thành (được xác nhận) đúng hạn', 'Số nhiệm vụ đã hoàn thành hoặc đã đến hạn', 'Tính từ mô-đun nhiệm vụ của Xã Số (theo dõi nhiệm vụ trên môi trường điện tử)'),
  ('CQS-17', 'Tỷ lệ nhiệm vụ quá hạn', '["nhiệm vụ quá hạn", "nhiệm vụ chậm tiến độ, quá hạn"]', 'Số nhiệm vụ chưa hoàn thành đã quá hạn', 'Tổng số nhiệm vụ được giao', 'Tính từ mô-đun nhiệm vụ của Xã Số (theo dõi nhiệm vụ trên môi trường điện tử)'),
  ('CQS-18', 'Tỷ lệ báo cáo định kỳ của đơn vị nộp đúng hạn', '["báo cáo định kỳ nộp đúng hạn", "báo cáo gửi đúng hạn", "báo cáo đúng thời hạn"]', 'Số báo cáo đơn vị nộp qua hệ thống đúng hạn', 'Số báo cáo đơn vị phải nộp', 'NĐ 09/2019/NĐ-CP (thời hạn gửi báo cáo, Điều 13); tính từ hệ thống báo cáo của Xã Số')
) as v(code, name, aliases, numerator, denominator, source)
where exists (select 1 from indicators)
on conflict (code) do nothing;
