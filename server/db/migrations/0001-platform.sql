-- 0001 — Platform: extensions, organisation tree, people and access, sessions, audit.
-- Forward-only; runs unchanged on PGlite (PostgreSQL 18 in WASM) and PostgreSQL 15.

create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists pgcrypto;
create extension if not exists citext;

-- unaccent() is only STABLE (its dictionary could change), so it cannot feed an index or a
-- generated column. This wrapper pins the dictionary and is declared IMMUTABLE, the usual
-- way to index accent-free Vietnamese text ("tuong linh" finds "Tượng Lĩnh").
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Organisation tree (cây tổ chức): nation → province (tỉnh/thành phố) → commune
-- (xã/phường/đặc khu) → units (đơn vị: phòng, trung tâm, trường, thôn, tổ CNSCĐ …).
-- A reference table: small (≈ 50 k rows nationally), read everywhere, replicated to every
-- node on Citus. province_id / commune_id are set on the rows under them (a province row
-- points to itself, a commune row to itself) so scope checks are one equality.
create table org_units (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references org_units (id),
  kind text not null check (kind in ('nation', 'province', 'commune', 'unit')),
  unit_type text check (unit_type is null or unit_type in (
    'office', 'economy', 'culture_society', 'service_center', 'police', 'military',
    'school', 'health', 'village', 'digital_team', 'party_mass', 'other')),
  code text not null unique,
  name text not null,
  full_name text not null,
  name_en text,
  admin_level text,
  province_id uuid references org_units (id),
  commune_id uuid references org_units (id),
  path text not null,
  -- Vietnamese alphabetical order (An, Ánh, Ă, Ăn, Â …) computed in code: PGlite has no
  -- Vietnamese ICU collation, and a stored key lets both databases sort and page alike.
  sort_key text collate "C" not null,
  search_text text generated always as (lower(f_unaccent(full_name || ' ' || code))) stored,
  opened_on date,
  closed_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'unit') = (unit_type is not null)),
  check (closed_on is null or opened_on is null or closed_on >= opened_on)
);
comment on table org_units is 'Organisation tree: nation, 34 provinces, 3,321 communes (official codes, QĐ 19/2025/QĐ-TTg) and each commune''s units.';
create index org_units_parent on org_units (parent_id, sort_key);
create index org_units_commune on org_units (commune_id) where kind = 'unit';
create index org_units_search on org_units using gin (search_text gin_trgm_ops);
create index org_units_path on org_units (path collate "C");

-- People (người dùng). Province officers belong to no commune, so commune_id may be null.
create table users (
  id uuid primary key default gen_random_uuid(),
  username citext not null unique,
  full_name text not null,
  email citext,
  phone text,
  password_hash text,
  must_change_password boolean not null default false,
  password_changed_at timestamptz,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  is_disabled boolean not null default false,
  org_unit_id uuid not null references org_units (id),
  province_id uuid references org_units (id),
  commune_id uuid references org_units (id),
  oidc_issuer text,
  oidc_subject text,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (oidc_issuer, oidc_subject)
);
create index users_org_unit on users (org_unit_id);
create index users_commune on users (commune_id);
create index users_province on users (province_id);

-- A grant is one role on one subtree of the organisation tree (vai trò trên phạm vi).
create table role_grants (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in (
    'system_admin', 'province_admin', 'province_officer', 'commune_admin', 'commune_leader',
    'plan_officer', 'unit_officer', 'one_stop_officer', 'citizen')),
  org_unit_id uuid not null references org_units (id),
  province_id uuid references org_units (id),
  commune_id uuid references org_units (id),
  granted_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (user_id, role, org_unit_id)
);
create index role_grants_user on role_grants (user_id);
create index role_grants_commune on role_grants (commune_id);

-- Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so
-- a copy of the database does not hand out live sessions.
create table sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_timeout_seconds integer not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id) where revoked_at is null;

-- Audit log (nhật ký): one row per write, added in the same transaction as the write.
-- Append-only by convention of the code; nothing updates or deletes it.
create table audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid references users (id),
  actor_name text,
  action text not null,
  record_type text not null,
  record_id text,
  summary text not null,
  changes jsonb,
  ip text,
  request_id text,
  province_id uuid,
  commune_id uuid
);
comment on table audit_log is 'Who did what to which record, when and from where; written in the transaction of the change itself.';
create index audit_log_commune_time on audit_log (commune_id, occurred_at desc, id desc);
create index audit_log_province_time on audit_log (province_id, occurred_at desc, id desc);
create index audit_log_actor_time on audit_log (actor_id, occurred_at desc);
create index audit_log_record on audit_log (record_type, record_id);
