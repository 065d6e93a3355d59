/**
 * Which code may import which (docs/ARCHITECTURE.md): the platform imports no module; the
 * writers (tasks, reporting, plans, notifications) never import the values or the dashboards —
 * they publish events, and the values module hears them; notifications imports no tasks (the
 * tasks module's reminder scan hands it the notices to insert); the dashboards write nothing.
 * Checked on the source text of every file that is not a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const server = import.meta.dirname;
const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.test.ts') && !f.includes(`${path.sep}test${path.sep}`));

/** The files a source file imports (static and dynamic), resolved from the server folder. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) =>
    path
      .relative(server, path.resolve(path.dirname(file), s))
      .split(path.sep)
      .join('/'),
  );
}

const under = (dir: string) => files(path.join(server, dir));
const offending = (dir: string, forbidden: RegExp) =>
  under(dir).flatMap((f) =>
    importsOf(f)
      .filter((i) => forbidden.test(i))
      .map((i) => `${path.relative(server, f)} → ${i}`),
  );

describe('dependencies between modules', () => {
  it('the platform imports no module', () => {
    expect(offending('platform', /^modules\//)).toEqual([]);
  });

  it('tasks, reporting, plans and notifications import neither the values nor the dashboards', () => {
    for (const m of ['tasks', 'reporting', 'plans', 'notifications'])
      expect(offending(`modules/${m}`, /^modules\/(values|dashboards)\//)).toEqual([]);
  });

  it('notifications imports no tasks', () => {
    expect(offending('modules/notifications', /^modules\/tasks\//)).toEqual([]);
  });

  it('the values module does not import the dashboards (they read what it writes)', () => {
    expect(offending('modules/values', /^modules\/dashboards\//)).toEqual([]);
  });

  it('the dashboards write nothing', () => {
    const writes = under('modules/dashboards').filter((f) =>
      /\b(insertInto|updateTable|deleteFrom|inTransaction)\b|\b(insert\s+into|update\s+\w+\s+set|delete\s+from)\b/i.test(
        fs.readFileSync(f, 'utf8'),
      ),
    );
    expect(writes.map((f) => path.relative(server, f))).toEqual([]);
  });
});
