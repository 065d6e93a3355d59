#!/usr/bin/env -S node --max-semi-space-size=64
// The Node flags here and in package.json's "start" are the same (a test holds them together):
// a larger young generation (V8's default semi-space is 16 MB) — with dozens of requests in flight, each
// holding a parsed report, the default one is scavenged so often that live data is copied again
// and again; at 64 MB the server spends ≈ 25 % less CPU per report in the deadline wave (docs/SCALING.md).
// Entry point of the `xaso` command. The server is TypeScript. `npm start` first bundles it
// into .build/server (scripts/build-server.mjs), and while that bundle is newer than every
// server source it runs from there: one file to load instead of ~200 modules through tsx,
// which makes a reopen ~1 s faster. Otherwise (sources edited since, or no bundle) it runs
// the sources through tsx's loader, so what runs is never older than what is in server/.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serverBundleIsFresh } from '../scripts/lib/freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.XASO_FROM_SOURCES !== '1' && serverBundleIsFresh(root)) {
  await import(pathToFileURL(path.join(root, '.build/server/main.mjs')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/main.ts');
}
