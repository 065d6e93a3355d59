#!/usr/bin/env node
// Bundles the server's TypeScript into .build/server/ with esbuild, so `npm start` loads a
// few files instead of ~200 modules through tsx's loader thread: a reopen went from ~2.4 s
// to ~1.5 s on 2 cores (issue 3: reopen ≤ 2 s). Packages stay external (node_modules as they
// are); dynamic imports stay separate chunks, so heavy libraries still load on first use.
// bin/xaso.mjs runs the bundle only while it is newer than every server source, and tsx
// otherwise, so a stale or missing bundle is slower, never wrong. `--if-stale` skips a fresh one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { serverBundleIsFresh } from './lib/freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--if-stale') && serverBundleIsFresh(root)) {
  console.log('.build/server is up to date');
  process.exit(0);
}
const outdir = path.join(root, '.build/server');
const staging = `${outdir}.partial`;
fs.rmSync(staging, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { main: path.join(root, 'server/main.ts') },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  splitting: true,
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
// Swap in whole, so a server starting meanwhile never sees half a bundle.
fs.rmSync(outdir, { recursive: true, force: true });
fs.renameSync(staging, outdir);
console.log('server bundled into .build/server');
