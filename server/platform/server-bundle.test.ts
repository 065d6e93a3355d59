/**
 * `npm start` runs the server from its esbuild bundle (.build/server). The bundle must find
 * the files the sources find (migrations, the organisation tree, the indicator catalogue, the
 * PGlite worker, the plan document worker) although its modules sit in another folder: a
 * migrate from the bundle on a new data folder reads all of them, and `xaso import-plan` from
 * the bundle reads a .docx and a .pdf through the document worker as the sources do.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlanDocument } from '../modules/plans/import/import-plan-document.ts';
import { makePdf } from '../modules/plans/import/tests/helpers/pdf.ts';
import { realDocx } from '../test/hostile-files.ts';
import { projectPath, projectRoot } from './project-paths.ts';

describe('project paths', () => {
  it('point at the repository root from the sources', () => {
    expect(fs.existsSync(path.join(projectRoot, 'package.json'))).toBe(true);
    expect(fs.readdirSync(projectPath('server/db/migrations')).some((f) => f.endsWith('.sql'))).toBe(true);
  });
});

describe('server bundle', () => {
  it('builds, and migrates a new data folder from the bundle with the org tree loaded', () => {
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(build.status, build.stderr).toBe(0);
    const main = projectPath('.build/server/main.mjs');
    expect(fs.existsSync(main)).toBe(true);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-bundle-'));
    try {
      // From another working folder, so nothing resolves against the current directory.
      const run = spawnSync(process.execPath, [main, 'migrate'], {
        cwd: os.tmpdir(),
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/Đã nạp cây tổ chức: \d+ nút/);
      expect(run.stderr).toMatch(/Đã nạp danh mục chỉ tiêu/);
      expect(run.stderr).toContain('Cơ sở dữ liệu đã cập nhật.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('reads a .docx and a .pdf plan through the document worker: `xaso import-plan FILE --json` prints what the sources extract', async () => {
    const main = projectPath('.build/server/main.mjs');
    if (!fs.existsSync(main)) {
      const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: projectRoot, encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
    }
    const lines = fs
      .readFileSync(projectPath('server/modules/plans/import/fixtures/seeds/002_6e5ee923b4ec1700.txt'), 'utf8')
      .split('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xaso-bundle-plan-'));
    try {
      const files = {
        'ke-hoach.docx': await realDocx(lines),
        'ke-hoach.pdf': makePdf([
          { lines: ['KẾ HOẠCH', 'Chuyển đổi số xã Vĩnh Bảo năm 2026', 'Tỷ lệ hồ sơ trực tuyến đạt 80%'] },
        ]),
      };
      for (const [name, bytes] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, bytes);
        const run = spawnSync(process.execPath, [main, 'import-plan', file, '--json'], {
          cwd: os.tmpdir(),
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toBe('');
        const fromSources = await importPlanDocument(bytes, name);
        expect(run.stdout).toBe(`${JSON.stringify(fromSources.plan, null, 2)}\n`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('the xaso command', () => {
  // `npm start` and the installed command (`npx xaso start`, run through its first line) give
  // the server the same Node flags: the larger young generation the deadline wave was measured with.
  it('runs with the Node flags of `npm start`, from its first line', () => {
    const start: string = JSON.parse(fs.readFileSync(projectPath('package.json'), 'utf8')).scripts.start;
    const fromStart = start.slice(start.indexOf('node ') + 5, start.indexOf(' bin/xaso.mjs')).trim();
    const shebang = fs.readFileSync(projectPath('bin/xaso.mjs'), 'utf8').split('\n')[0];
    expect(fromStart).toMatch(/^--max-semi-space-size=\d+/);
    expect(shebang).toBe(`#!/usr/bin/env -S node ${fromStart}`);
    const help = spawnSync(projectPath('bin/xaso.mjs'), ['--help'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout + help.stderr).toContain('xaso start');
  });
});
