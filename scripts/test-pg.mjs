#!/usr/bin/env node
// Runs the same test suite against a real PostgreSQL server: each test file gets its own
// database cloned from a migrated, seeded template. TEST_DATABASE_URL names the server
// (default: the local postgres user over TCP, as on the CI machine).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url, DATABASE_URL: '' },
});
process.exit(r.status ?? 1);
