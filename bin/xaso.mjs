#!/usr/bin/env node
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
