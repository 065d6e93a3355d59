-- 0012 — Sign-in lockout decided in the database, per account and address (issue 22).
--
-- The lockout used to be a counter on users, read, checked in the server and written back after
-- the password was verified: 40 parallel wrong guesses all read "0 failures", all had their
-- password checked, and the account never locked. Now every attempt is first counted here by one
-- INSERT … ON CONFLICT DO UPDATE (the row lock serialises parallel attempts), and the server
-- checks a password only when that count allows it.
--
-- One row per account and client address, and one per account with address '*' (every address
-- together). An attacker who fails SIGN_IN_MAX_FAILURES times locks the account only for their
-- own address; the account as a whole locks after SIGN_IN_ACCOUNT_MAX_FAILURES, and even then not
-- for addresses the person has signed in from before (last_success_at), so guessing cannot lock
-- the real user out. Each lock in a row lasts twice as long as the one before (capped at a day).
create table sign_in_throttles (
  user_id uuid not null references users (id) on delete cascade,
  address text not null,
  -- Attempts counted since the last success or the end of the last lock (counted before the
  -- password is checked, so attempts in flight count too).
  attempts integer not null default 0,
  -- Locks in a row without a success: the next lock lasts SIGN_IN_LOCK_MINUTES × 2^locks.
  locks integer not null default 0,
  locked_until timestamptz,
  last_attempt_at timestamptz not null default now(),
  last_success_at timestamptz,
  province_id uuid references org_units (id),
  commune_id uuid references org_units (id),
  primary key (user_id, address)
);
comment on table sign_in_throttles is 'Sign-in attempts and locks per account and client address (address * = the whole account); counted before any password is checked.';
create index sign_in_throttles_locked on sign_in_throttles (user_id) where locked_until is not null;

-- The old counter on users is replaced by the table above.
alter table users drop column failed_sign_ins;
alter table users drop column locked_until;

-- A locked-out person unlocks their own account with a one-time code sent to their e-mail
-- through the mail outbox (issue 22: the system administrator has no administrator above them).
-- One code per person at a time; only its SHA-256 is kept; five wrong tries end it.
create table sign_in_unlock_codes (
  user_id uuid primary key references users (id) on delete cascade,
  code_hash text not null,
  expires_at timestamptz not null,
  tries integer not null default 0,
  created_at timestamptz not null default now(),
  province_id uuid references org_units (id),
  commune_id uuid references org_units (id)
);
comment on table sign_in_unlock_codes is 'One-time codes, mailed to a locked-out person, that lift their sign-in locks; SHA-256 only.';

-- Mail to people above any commune (the system administrator, province officers) goes through the
-- outbox too: its place may be a province, or none.
alter table mail_outbox alter column province_id drop not null;
alter table mail_outbox alter column commune_id drop not null;
