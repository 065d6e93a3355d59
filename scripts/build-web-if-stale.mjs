#!/usr/bin/env node
// Builds the web app (web/dist) only when it is missing or older than its sources, so
// `npm start` and the browser tests never serve a stale build and never rebuild for nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from './lib/freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts'].map((p) => path.join(root, p));

const builtAt = newest(built);
const sourcesAt = Math.max(...sources.map((p) => newest(p)));
if (builtAt > 0 && builtAt >= sourcesAt && !process.argv.includes('--force')) {
  console.log('web/dist is up to date');
  process.exit(0);
}
console.log(builtAt === 0 ? 'web/dist missing: building the web app…' : 'web sources changed: rebuilding the web app…');
const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
